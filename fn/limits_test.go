package fn

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/limits"
)

// limitCase is an input at or just past one of the limits in fn/limits.
type limitCase struct {
	input       func() []byte
	wantFailure bool
}

// bigKafka is a Kafka with one listener and the given pools, each a
// "- " list entry made by nodePool.
func bigKafka(pools ...string) []byte {
	return wrapItems(append([]string{"- apiVersion: kafka.strimzi.io/v1\n  kind: Kafka\n  metadata: {name: big, namespace: kafka}\n" +
		"  spec:\n    kafka:\n      listeners: [{name: plain, port: 9092, type: internal, tls: false}, {name: tls, port: 9093, type: internal, tls: true}]\n"}, pools...)...)
}

func nodePool(name string, replicas int, roles string) string {
	return "- apiVersion: kafka.strimzi.io/v1\n  kind: KafkaNodePool\n  metadata: {name: " + name + ", namespace: kafka, labels: {strimzi.io/cluster: big}}\n" +
		"  spec: {replicas: " + itoa(replicas) + ", roles: [" + roles + "], storage: {type: persistent-claim, size: 10Gi}}\n"
}

// exporterConfig is a KafkaConnect whose JMX exporter rules are in a
// ConfigMap under key rules.
func exporterConfig(rules string) []byte {
	return wrapItems(connectItem("my-connect", "    metricsConfig:\n      type: jmxPrometheusExporter\n"+
		"      valueFrom: {configMapKeyRef: {name: rules, key: rules}}\n"),
		"- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: rules, namespace: kafka}\n  data:\n    rules: |\n"+indent(rules, 6))
}

// listeners is a listeners list of n listeners, every other one cluster-ip.
func listeners(n int) string {
	var b strings.Builder
	for i := range n {
		typ := "internal"
		if i%2 == 1 {
			typ = "cluster-ip"
		}
		b.WriteString("{name: l" + itoa(i) + ", port: " + itoa(9092+i) + ", type: " + typ + ", tls: " + strconv.FormatBool(i%4 < 2) + "}, ")
	}
	return "[" + strings.TrimSuffix(b.String(), ", ") + "]"
}

// withListeners replaces the listeners of a bigKafka input.
func withListeners(input []byte, n int) []byte {
	return []byte(strings.Replace(string(input), "[{name: plain, port: 9092, type: internal, tls: false}, {name: tls, port: 9093, type: internal, tls: true}]", listeners(n), 1))
}

// externalLogging is a bigKafka input whose logging is a ConfigMap of size bytes.
func externalLogging(input []byte, size int) []byte {
	text := strings.Repeat("# padding to make the configuration large\n", size/42) + "rootLogger.level=INFO\n"
	return []byte(strings.Replace(string(input), "    kafka:\n", "    kafka:\n      logging: {type: external, valueFrom: {configMapKeyRef: {name: logging, key: log4j2.properties}}}\n", 1) +
		"- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: logging, namespace: kafka}\n  data:\n    log4j2.properties: |\n" + indent(text, 6))
}

var limitCases = map[string]limitCase{
	// The largest Kafka cluster: every node lists every controller.
	"Kafka at the node and controller limits": {input: func() []byte {
		return bigKafka(nodePool("controllers", limits.Controllers, "controller, broker"),
			nodePool("brokers", limits.KafkaNodes-limits.Controllers, "broker"))
	}},
	"Kafka at the node limit with three controllers": {input: func() []byte {
		return bigKafka(nodePool("controllers", 3, "controller"), nodePool("brokers", limits.KafkaNodes-3, "broker"))
	}},
	"Kafka past the node limit": {input: func() []byte {
		return bigKafka(nodePool("controllers", 3, "controller"), nodePool("brokers", 1_000_000_000, "broker"))
	}, wantFailure: true},
	"Kafka at the node and listener limits": {input: func() []byte {
		nodes := limits.NodeListeners / limits.Listeners
		return withListeners(bigKafka(nodePool("controllers", 3, "controller"), nodePool("brokers", nodes-3, "broker")), limits.Listeners)
	}},
	"Kafka past the listeners on all nodes limit": {input: func() []byte {
		nodes := limits.NodeListeners/limits.Listeners + 1
		return withListeners(bigKafka(nodePool("controllers", 3, "controller"), nodePool("brokers", nodes-3, "broker")), limits.Listeners)
	}, wantFailure: true},
	"Kafka past the listener limit": {input: func() []byte {
		return withListeners(bigKafka(nodePool("dual", 3, "controller, broker")), limits.Listeners+1)
	}, wantFailure: true},
	// 256 KiB of logging on each node, as many nodes as the repeated text allows.
	"Kafka with a 256 KiB logging configuration at the repeated text limit": {input: func() []byte {
		return externalLogging(bigKafka(nodePool("dual", limits.RepeatedBytes/(256<<10+4<<10), "controller, broker")), 256<<10)
	}},
	"Kafka with a 1 MiB logging configuration past the repeated text limit": {input: func() []byte {
		return externalLogging(bigKafka(nodePool("dual", 100, "controller, broker")), limits.ConfigMapData-100)
	}, wantFailure: true},
	"Kafka past the controller limit": {input: func() []byte {
		return bigKafka(nodePool("dual", limits.Controllers+1, "controller, broker"))
	}, wantFailure: true},
	// Node IDs at both ends of Kafka's range, a pool scaling down from a
	// long status through a range as wide as it gets.
	"node IDs far apart": {input: func() []byte {
		ids := make([]string, 0, limits.KafkaNodes)
		for i := range limits.KafkaNodes {
			ids = append(ids, itoa(limits.NodeID-i))
		}
		pool := strings.Replace(nodePool("brokers", 1, "broker"), "labels:", "annotations: {strimzi.io/remove-node-ids: '[0-2147483647]'}, labels:", 1) +
			"  status: {nodeIds: [" + strings.Join(ids, ", ") + "]}\n"
		next := strings.Replace(nodePool("more", 2, "broker"), "labels:", "annotations: {strimzi.io/next-node-ids: '[2147483647-0]'}, labels:", 1)
		return bigKafka(nodePool("controllers", 3, "controller"), pool, next)
	}},
	"KafkaConnect at the replica limit": {input: func() []byte {
		return []byte(strings.Replace(string(wrapItems(connectItem("my-connect", ""))), "replicas: 1", "replicas: "+itoa(limits.ConnectReplicas), 1))
	}},
	// Each worker repeats the template: 500 workers with 2 KiB of it.
	"KafkaConnect at the repeated text limit": {input: func() []byte {
		var vols strings.Builder
		for i := range 63 {
			vols.WriteString("        - {name: v" + itoa(i) + ", emptyDir: {}}\n")
		}
		return []byte(strings.Replace(string(wrapItems(connectItem("my-connect", "    template:\n      pod:\n        volumes:\n"+vols.String()))),
			"replicas: 1", "replicas: "+itoa(limits.ConnectReplicas), 1))
	}},
	"KafkaConnect with 5,000 plugins on 500 workers": {input: func() []byte {
		var b strings.Builder
		b.WriteString("    plugins:\n")
		for i := range 5000 {
			b.WriteString("    - name: plugin-" + itoa(i) + "\n      artifacts: [{type: image, reference: \"ghcr.io/example/p:" + itoa(i) + "\"}]\n")
		}
		return []byte(strings.Replace(string(wrapItems(connectItem("my-connect", b.String()))), "replicas: 1", "replicas: "+itoa(limits.ConnectReplicas), 1))
	}, wantFailure: true},
	"KafkaConnect past the replica limit": {input: func() []byte {
		return []byte(strings.Replace(string(wrapItems(connectItem("my-connect", ""))), "replicas: 1", "replicas: 1000000000", 1))
	}, wantFailure: true},
	// A few hundred bytes of aliases that would expand to gigabytes.
	"alias bomb in JMX exporter rules": {input: func() []byte {
		return exporterConfig(aliasBomb(10, 10))
	}, wantFailure: true},
	"JMX exporter rules near the ConfigMap limit": {input: func() []byte {
		var b strings.Builder
		b.WriteString("rules:\n")
		for b.Len() < limits.ConfigMapData*9/10 { // JSON takes a tenth more
			b.WriteString("- {pattern: 'kafka.server<type=(.+), name=(.+)><>Value', name: kafka_server_$1_$2}\n")
		}
		return exporterConfig(b.String())
	}},
	// Lists as long as a few megabytes of input hold, on one worker or node:
	// each check and merge must stay linear.
	"8,000 volumes, mounts and env vars, 1,000 labels and annotations": {input: func() []byte {
		var b strings.Builder
		b.WriteString("    template:\n      pod:\n        metadata:\n          labels:\n")
		for i := range limits.MetadataEntries {
			b.WriteString("            l" + itoa(i) + ": v\n")
		}
		b.WriteString("          annotations:\n")
		for i := range limits.MetadataEntries {
			b.WriteString("            a" + itoa(i) + ": v\n")
		}
		b.WriteString("        volumes:\n")
		for i := range 8_000 {
			b.WriteString("        - {name: v" + itoa(i) + ", emptyDir: {}}\n")
		}
		b.WriteString("      connectContainer:\n        volumeMounts:\n")
		for i := range 8_000 {
			b.WriteString("        - {name: v" + itoa(i) + ", mountPath: /mnt/v" + itoa(i) + "}\n")
		}
		b.WriteString("        env:\n")
		for i := range 8_000 {
			b.WriteString("        - {name: E" + itoa(i) + ", value: v}\n")
		}
		return wrapItems(connectItem("my-connect", b.String()))
	}},
	"Kafka with 4,000 config keys and broker overrides": {input: func() []byte {
		var cfg, brokers strings.Builder
		for i := range 4_000 {
			cfg.WriteString("        key" + itoa(i) + ": value\n")
			brokers.WriteString("          - {broker: " + itoa(i) + ", advertisedHost: h" + itoa(i) + ".example.com}\n")
		}
		input := string(bigKafka(nodePool("dual", 3, "controller, broker")))
		return []byte(strings.Replace(input, "      listeners: [{name: plain, port: 9092, type: internal, tls: false}, {name: tls, port: 9093, type: internal, tls: true}]\n",
			"      config:\n"+cfg.String()+"      listeners:\n      - name: plain\n        port: 9092\n        type: cluster-ip\n        tls: false\n        configuration:\n          brokers:\n"+brokers.String(), 1))
	}},
	"10,000 config keys and loggers": {input: func() []byte {
		var b strings.Builder
		b.WriteString("    config:\n")
		for i := range 10_000 {
			b.WriteString("      key" + itoa(i) + ": value\n")
		}
		b.WriteString("    logging:\n      type: inline\n      loggers:\n")
		for i := range 10_000 {
			b.WriteString("        logger.l" + itoa(i) + ".level: INFO\n")
		}
		return wrapItems(connectItem("my-connect", b.String()))
	}},
}

// TestLimits runs every limit case: the invariants hold, inputs past a
// limit fail and those at it render.
func TestLimits(t *testing.T) {
	for name, c := range limitCases {
		t.Run(name, func(t *testing.T) {
			input := c.input()
			r := executeSafely(input)
			checkInvariants(t, input, r)
			if c.wantFailure {
				assert.Error(t, r.err)
			} else {
				assert.NoError(t, r.err)
			}
		})
	}
}

// BenchmarkLimits measures the limit cases: the largest inputs the
// function accepts, and those it refuses.
func BenchmarkLimits(b *testing.B) {
	for name, c := range limitCases {
		b.Run(name, func(b *testing.B) {
			input := c.input()
			b.SetBytes(int64(len(input)))
			b.ReportAllocs()
			for b.Loop() {
				if r := executeSafely(input); r.panicked != nil {
					b.Fatal(r.panicked)
				}
			}
		})
	}
}
