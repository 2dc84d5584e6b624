package cruisecontrol

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Capacity defaults (DiskCapacity, CpuCapacity, NetworkCapacity).
const (
	defaultDiskMiB     = "100000"
	defaultCPUCores    = "1.0"
	defaultNetwork     = "10000KiB/s"
	kafkaLogDirsPrefix = "/var/lib/kafka"
)

// capacity is capacity.json: one entry per broker by node ID
// (CapacityConfiguration).
type capacity struct {
	entries []capacityEntry
}

type capacityEntry struct {
	brokerID int
	// disk is one size in MiB, or one per JBOD log dir in diskOrder.
	disk      string
	disks     map[string]string
	diskOrder []string
	cpu       string
	in, out   string
	// inSet and outSet: the user gave the throughput, for this broker or all.
	inSet, outSet bool
}

// newCapacity resolves each broker's capacity as CapacityConfiguration
// does: an override for the broker, else brokerCapacity, else the pool's
// CPU request or limit (CPU only), else the defaults; the disk from the
// pool's storage. Overrides Strimzi ignores give warnings; sizes it cannot
// read give errors.
func newCapacity(bc *strimzi.BrokerCapacity, brokers []Broker) (*capacity, []results.Problem) {
	overrides, ps := brokerOverrides(bc, brokers)
	c := &capacity{}
	var common strimzi.BrokerCapacity
	if bc != nil {
		common = *bc
	}
	for _, b := range brokers {
		o := overrides[b.ID]
		e := capacityEntry{brokerID: b.ID}
		var err error
		if e.disk, e.disks, e.diskOrder, err = diskCapacity(b); err != nil {
			ps = append(ps, results.Errorf(Path, "KafkaNodePool %s: %v, which Cruise Control's capacity file cannot take", b.Pool, err))
		}
		if e.cpu, err = cpuCapacity(common, o, b); err != nil {
			ps = append(ps, results.Errorf(Path, "KafkaNodePool %s: %v, which Cruise Control's capacity file cannot take", b.Pool, err))
		}
		var in, out string
		in, e.inSet = pick(o.InboundNetwork, common.InboundNetwork)
		out, e.outSet = pick(o.OutboundNetwork, common.OutboundNetwork)
		if e.in, err = throughputKiB(in); err != nil {
			ps = append(ps, results.Errorf(Path+".brokerCapacity", "%v", err))
		}
		if e.out, err = throughputKiB(out); err != nil {
			ps = append(ps, results.Errorf(Path+".brokerCapacity", "%v", err))
		}
		c.entries = append(c.entries, e)
	}
	return c, ps
}

// brokerOverrides maps each broker ID to its first override
// (CapacityConfiguration.processBrokerCapacityOverrides).
func brokerOverrides(bc *strimzi.BrokerCapacity, brokers []Broker) (map[int]strimzi.BrokerCapacityOverride, []results.Problem) {
	out := map[int]strimzi.BrokerCapacityOverride{}
	if bc == nil {
		return out, nil
	}
	known := map[int]bool{}
	for _, b := range brokers {
		known[b.ID] = true
	}
	var ps []results.Problem
	for i, o := range bc.Overrides {
		at := fmt.Sprintf("%s.brokerCapacity.overrides[%d].brokers", Path, i)
		for _, id := range o.Brokers {
			if _, dup := out[id]; dup {
				ps = append(ps, results.Warningf(at, "Duplicate broker brokerId %d found in overrides, using first occurrence.", id))
			} else if !known[id] {
				ps = append(ps, results.Warningf(at, "Ignoring broker capacity override for unknown node ID %d", id))
			} else {
				out[id] = o
			}
		}
	}
	return out, ps
}

// pick is the override's value, else the common one, else the default, and
// whether the user gave it.
func pick(override, common string) (string, bool) {
	switch {
	case override != "":
		return override, true
	case common != "":
		return common, true
	}
	return defaultNetwork, false
}

// cpuCapacity is CpuCapacity: cores as Java prints milli/1000.0.
func cpuCapacity(common strimzi.BrokerCapacity, o strimzi.BrokerCapacityOverride, b Broker) (string, error) {
	cores := o.CPU
	if cores == "" {
		cores = common.CPU
	}
	if cores == "" && b.Resources != nil {
		if q, ok := b.Resources.Requests["cpu"]; ok {
			cores = q.String()
		} else if q, ok := b.Resources.Limits["cpu"]; ok {
			cores = q.String()
		}
	}
	if cores == "" {
		return defaultCPUCores, nil
	}
	milli, err := milliCPU(cores)
	if err != nil {
		return "", err
	}
	return javacompat.Double(float64(milli) / 1000), nil
}

// milliCPU is Quantities.parseCpuAsMilliCpus.
func milliCPU(cpu string) (int, error) {
	if n, ok := strings.CutSuffix(cpu, "m"); ok {
		v, err := strconv.ParseInt(n, 10, 32)
		if err != nil {
			return 0, fmt.Errorf("failed to parse CPU quantity %q", cpu)
		}
		return int(v), nil
	}
	f, err := strconv.ParseFloat(cpu, 64)
	if err != nil {
		return 0, fmt.Errorf("failed to parse CPU quantity %q", cpu)
	}
	return int(f * 1000), nil
}

// diskCapacity is DiskCapacity: the size in MiB of the one data volume,
// or of each JBOD volume by log dir, in the order a HashMap of them
// iterates.
func diskCapacity(b Broker) (string, map[string]string, []string, error) {
	if !b.JBOD {
		if len(b.Volumes) == 0 || b.Volumes[0].Size == "" {
			return defaultDiskMiB, nil, nil, nil
		}
		mib, err := sizeMiB(b.Volumes[0].Size)
		return mib, nil, nil, err
	}
	disks := map[string]string{}
	var paths []string
	for _, v := range b.Volumes {
		path := fmt.Sprintf("%s/data-%d/kafka-log%d", kafkaLogDirsPrefix, v.ID, b.ID)
		mib := defaultDiskMiB
		if v.Size != "" {
			var err error
			if mib, err = sizeMiB(v.Size); err != nil {
				return "", nil, nil, err
			}
		}
		disks[path] = mib
		paths = append(paths, path)
	}
	return "", disks, javacompat.HashOrder(paths), nil
}

// sizeMiB is StorageUtils.convertTo(size, "Mi") printed as a Java double.
func sizeMiB(size string) (string, error) {
	mb, err := millibytes(size)
	if err != nil {
		return "", err
	}
	return javacompat.Double(float64(mb) / float64(memoryFactor["Mi"])), nil
}

// throughputKiB is NetworkCapacity.getThroughputInKiB: the amount before
// "B/s", in KiB, printed as a Java double.
func throughputKiB(throughput string) (string, error) {
	amount, _, ok := strings.Cut(throughput, "B")
	if !ok {
		return "", fmt.Errorf("throughput %q is not of the form 10000KiB/s", throughput)
	}
	mb, err := millibytes(amount)
	if err != nil {
		return "", err
	}
	return javacompat.Double(float64(mb) / float64(memoryFactor["Ki"])), nil
}

// memoryFactor is StorageUtils.memoryFactor: millibytes per unit. E and
// Ei overflow a long in Java; they wrap here the same way.
var memoryFactor = map[string]int64{
	"E": times(1000, 7), "P": times(1000, 6), "T": times(1000, 5), "G": times(1000, 4), "M": times(1000, 3), "K": times(1000, 2),
	"Ei": times(1024, 6) * 1000, "Pi": times(1024, 5) * 1000, "Ti": times(1024, 4) * 1000,
	"Gi": times(1024, 3) * 1000, "Mi": times(1024, 2) * 1000, "Ki": 1024 * 1000,
	"m": 1,
}

// times is base to the power n in long arithmetic.
func times(base int64, n int) int64 {
	p := int64(1)
	for range n {
		p *= base
	}
	return p
}

// millibytes is StorageUtils.convertToMillibytes: the number before the
// first character that is not a digit, '.' or 'e', times its unit.
func millibytes(size string) (int64, error) {
	factor, end, seenE := int64(1000), len(size), false
	for i := 0; i < len(size); i++ {
		c := size[i]
		if c == 'e' {
			seenE = true
		} else if (c < '0' || c > '9') && c != '.' {
			f, ok := memoryFactor[size[i:]]
			if !ok {
				return 0, fmt.Errorf("invalid memory suffix: %s", size[i:])
			}
			factor, end = f, i
			break
		}
	}
	f, err := strconv.ParseFloat(size[:end], 64)
	if err != nil || (seenE && end < len(size)) {
		return 0, fmt.Errorf("%q is not a size", size)
	}
	if seenE {
		return int64(f) * factor, nil
	}
	return int64(f * float64(factor)), nil
}

// inboundSet tells whether every broker has a user inbound throughput
// (CapacityConfiguration.isInboundNetworkConfigured).
func (c *capacity) inboundSet() bool {
	for _, e := range c.entries {
		if !e.inSet {
			return false
		}
	}
	return true
}

func (c *capacity) outboundSet() bool {
	for _, e := range c.entries {
		if !e.outSet {
			return false
		}
	}
	return true
}

// inboundHomogeneous tells whether all brokers have one inbound throughput.
func (c *capacity) inboundHomogeneous() bool {
	for _, e := range c.entries {
		if e.in != c.entries[0].in {
			return false
		}
	}
	return len(c.entries) > 0
}

// JSON is capacity.json as Vert.x's encodePrettily writes it (Jackson's
// default pretty printer: two-space indents, " : ", arrays on one line
// with their objects).
func (c *capacity) JSON() string {
	var b strings.Builder
	b.WriteString("{\n  \"brokerCapacities\" : [")
	if len(c.entries) == 0 {
		b.WriteString(" ]\n}")
		return b.String()
	}
	for i, e := range c.entries {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(" {\n")
		fmt.Fprintf(&b, "    \"brokerId\" : %d,\n", e.brokerID)
		b.WriteString("    \"capacity\" : {\n")
		b.WriteString("      \"DISK\" : ")
		if e.disks == nil {
			b.WriteString(jsonString(e.disk))
		} else {
			b.WriteString("{\n")
			for j, p := range e.diskOrder {
				if j > 0 {
					b.WriteString(",\n")
				}
				fmt.Fprintf(&b, "        %s : %s", jsonString(p), jsonString(e.disks[p]))
			}
			b.WriteString("\n      }")
		}
		b.WriteString(",\n")
		fmt.Fprintf(&b, "      \"CPU\" : {\n        \"num.cores\" : %s\n      },\n", jsonString(e.cpu))
		fmt.Fprintf(&b, "      \"NW_IN\" : %s,\n", jsonString(e.in))
		fmt.Fprintf(&b, "      \"NW_OUT\" : %s\n", jsonString(e.out))
		b.WriteString("    },\n")
		fmt.Fprintf(&b, "    \"doc\" : %s\n  }", jsonString(fmt.Sprintf("Capacity for Broker %d", e.brokerID)))
	}
	b.WriteString(" ]\n}")
	return b.String()
}

// jsonString quotes s as JSON; unlike encoding/json's default, and like
// Jackson, it leaves <, > and & alone.
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
