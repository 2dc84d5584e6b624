package kafka

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"
)

// defaultMetadataVersions maps a Kafka version to the metadata version a new
// cluster of that version gets (the metadata field of kafka-versions.yaml).
var defaultMetadataVersions = map[string]string{
	"4.2.0": "4.2-IV1",
	"4.2.1": "4.2-IV1",
	"4.3.0": "4.3-IV0",
	"4.3.1": "4.3-IV0",
}

// metadataVersions are the production metadata versions of Kafka 4.3
// (org.apache.kafka.server.common.MetadataVersion), oldest first.
var metadataVersions = []string{
	"3.3-IV3", "3.4-IV0", "3.5-IV0", "3.5-IV1", "3.5-IV2", "3.6-IV0", "3.6-IV1", "3.6-IV2",
	"3.7-IV0", "3.7-IV1", "3.7-IV2", "3.7-IV3", "3.7-IV4", "3.8-IV0", "3.9-IV0",
	"4.0-IV0", "4.0-IV1", "4.0-IV2", "4.0-IV3", "4.1-IV0", "4.1-IV1", "4.2-IV0", "4.2-IV1", "4.3-IV0",
}

var metadataVersionPattern = regexp.MustCompile(`^([0-9]+)\.([0-9]+)(-IV([0-9]+))?$`)

// DefaultMetadataVersion is the metadata version of a new cluster of version,
// if known.
func DefaultMetadataVersion(version string) (string, bool) {
	v, ok := defaultMetadataVersions[version]
	return v, ok
}

// CheckMetadataVersion returns Strimzi's message for a metadata version it
// refuses, or "" (KafkaCluster.validateMetadataVersion). A release without
// an IV, such as 3.9, names that release's latest version.
func CheckMetadataVersion(v string) string {
	m := metadataVersionPattern.FindStringSubmatch(v)
	if m == nil {
		return "Metadata version " + v + " is invalid"
	}
	release := m[1] + "." + m[2]
	for _, known := range metadataVersions {
		if known == v || m[3] == "" && strings.HasPrefix(known, release+"-") {
			return ""
		}
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	iv, _ := strconv.Atoi(m[4])
	if major < 3 || major == 3 && (minor < 3 || minor == 3 && m[3] != "" && iv < 3) {
		return "The oldest supported metadata version is 3.3-IV3"
	}
	return "Metadata version " + v + " is invalid"
}

// UnsupportedVersion is Strimzi's message for a version without an image
// (KafkaVersion.Lookup.supportedVersion): the versions come in version order.
func UnsupportedVersion(version string, images map[string]string) string {
	versions := slices.Collect(maps.Keys(images))
	slices.SortFunc(versions, compareVersions)
	return fmt.Sprintf("Unsupported Kafka.spec.kafka.version: %s. Supported versions are: %s", version, javacompat.ListString(versions))
}

// compareVersions orders dotted versions numerically, part by part.
func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, errA := strconv.Atoi(pa[i])
		nb, errB := strconv.Atoi(pb[i])
		if errA != nil || errB != nil {
			if c := strings.Compare(pa[i], pb[i]); c != 0 {
				return c
			}
			continue
		}
		if na != nb {
			return na - nb
		}
	}
	return len(pa) - len(pb)
}
