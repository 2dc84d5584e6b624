package crdschema

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// An overlap is a CRD rule that the renderer's own checks already apply,
// with messages of their own (Strimzi's, where Strimzi has one): Check
// leaves the rule's findings out, so no problem is reported twice.
type overlap struct {
	path  string // with [] for any index, and .* for any key of a map
	class ruleClass
	// by names the check that reports the problem, for review.
	by string
	// when, if set, narrows the overlap to the findings that check reports.
	when func(root *yaml.Node, f finding) bool
}

const (
	byDecode  = "fn/strimzi decoding"
	byConnect = "fn/connect validation"
	byBuild   = "fn/build validation"
	byKafka   = "fn/kafka validation"
	byPools   = "fn/kafka node pool validation"
	byVolumes = "fn/volumes template volume checks"
	byMetrics = "fn/metrics checks"
)

var decodeOverlaps = []overlap{
	{"spec", ruleRequired, byDecode + ": Required .spec section is missing.", nil},
	{"spec", ruleType, byDecode + ": must be an object", nil},
	{"metadata.labels", ruleType, byDecode + ": must be a map of strings", nil},
	{"metadata.labels.*", ruleType, byDecode + ": must be a string: quote the value", nil},
	{"metadata.annotations", ruleType, byDecode + ": must be a map of strings", nil},
	{"metadata.annotations.*", ruleType, byDecode + ": must be a string: quote the value", nil},
}

var kafkaOverlaps = []overlap{
	{"spec.zookeeper", ruleUnknown, byKafka + ": ZooKeeper-based clusters are not supported", nil},
	{"spec.kafka", ruleRequired, byKafka + ": spec.kafka is required", nil},
	{"spec.kafka.listeners", ruleRequired, byKafka + ": The required field .spec.kafka.listeners is missing", nil},
	{"spec.kafka.listeners", ruleMinItems, byKafka + ": The required field .spec.kafka.listeners is missing", nil},
	// Strimzi reports every listener problem in one message at spec.kafka.listeners.
	{"spec.kafka.listeners[].name", ruleRequired, byKafka + ": listener names [...] are invalid", nil},
	{"spec.kafka.listeners[].name", rulePattern, byKafka + ": listener names [...] are invalid", nil},
	{"spec.kafka.listeners[].port", ruleRequired, byKafka + ": port 0 is forbidden", nil},
	{"spec.kafka.listeners[].port", ruleMinimum, byKafka + ": port N is forbidden and cannot be used", nil},
	{"spec.kafka.listeners[].authentication.type", ruleRequired, byKafka + ": authentication type is not supported", nil},
	{"spec.kafka.listeners[].authentication.type", ruleEnum, byKafka + ": authentication type is not supported", nil},
	{"spec.kafka.listeners[].configuration.brokerCertChainAndKey.secretName", ruleRequired, byKafka + ": cannot have an empty secret name in the brokerCertChainAndKey", nil},
	{"spec.kafka.listeners[].configuration.brokerCertChainAndKey.certificate", ruleRequired, byKafka + ": cannot have an empty certificate in the brokerCertChainAndKey", nil},
	{"spec.kafka.listeners[].configuration.brokerCertChainAndKey.key", ruleRequired, byKafka + ": cannot have an empty key in the brokerCertChainAndKey", nil},
	{"spec.kafka.rack", ruleCEL, byKafka + ": topologyKey property is required / envVarName property is required", nil},
	{"spec.kafka.metricsConfig", ruleCEL, byMetrics + ": Metrics configuration is invalid: [ConfigMap reference is missing]", nil},
	{"spec.kafka.tieredStorage.type", ruleRequired, byKafka + ": tiered storage type is not supported", nil},
	{"spec.kafka.tieredStorage.type", ruleEnum, byKafka + ": tiered storage type is not supported", nil},
	{"spec.kafka.template.pod.tmpDirSizeLimit", rulePattern, byKafka + ": is not a quantity", notAQuantity},
	{"spec.kafka.template.pod.volumes[].emptyDir.sizeLimit", rulePattern, byVolumes + ": is not a quantity", notAQuantity},
}

var nodePoolOverlaps = []overlap{
	{"spec.replicas", ruleRequired, byPools + ": spec.replicas is required", nil},
	{"spec.replicas", ruleMinimum, byPools + ": spec.replicas must not be negative", nil},
	{"spec.replicas", ruleScale, byPools + ": spec.replicas must not be negative", nil},
	{"spec.roles", ruleRequired, byPools + ": KafkaNodePool has no role defined in .spec.roles", nil},
	{"spec.roles[]", ruleEnum, byPools + ": role is not one of controller, broker", nil},
	{"spec.storage", ruleRequired, byPools + ": spec.storage is required", nil},
	{"spec.storage.type", ruleRequired, byPools + ": storage type is not supported", nil},
	{"spec.storage.type", ruleEnum, byPools + ": storage type is not supported", nil},
	{"spec.storage.volumes[].type", ruleRequired, byPools + ": storage type is not supported", nil},
	{"spec.storage.volumes[].type", ruleEnum, byPools + ": storage type is not supported", nil},
	{"spec.storage.sizeLimit", rulePattern, byPools + ": is not a quantity", notAQuantity},
	{"spec.storage.volumes[].sizeLimit", rulePattern, byPools + ": is not a quantity", notAQuantity},
	{"spec.template.pod.tmpDirSizeLimit", rulePattern, byPools + ": is not a quantity", notAQuantity},
	{"spec.template.pod.volumes[].emptyDir.sizeLimit", rulePattern, byVolumes + ": is not a quantity", notAQuantity},
}

var connectOverlaps = []overlap{
	{"spec.externalConfiguration", ruleUnknown, byConnect + ": externalConfiguration was removed in kafka.strimzi.io/v1: ...", nil},
	{"spec.replicas", ruleScale, byConnect + ": replicas must not be negative", nil},
	{"spec.bootstrapServers", ruleRequired, byConnect + ": spec.bootstrapServers is required", nil},
	// The connect checks take v1beta2's config keys for these too.
	{"spec.groupId", ruleRequired, byConnect + ": spec.groupId is required", configLacks("group.id")},
	{"spec.configStorageTopic", ruleRequired, byConnect + ": spec.configStorageTopic is required", configLacks("config.storage.topic")},
	{"spec.statusStorageTopic", ruleRequired, byConnect + ": spec.statusStorageTopic is required", configLacks("status.storage.topic")},
	{"spec.offsetStorageTopic", ruleRequired, byConnect + ": spec.offsetStorageTopic is required", configLacks("offset.storage.topic")},
	{"spec.plugins[].name", ruleRequired, byConnect + ": plugin name must match ...", nil},
	{"spec.plugins[].name", rulePattern, byConnect + ": plugin name must match ...", nil},
	{"spec.plugins[].artifacts[].type", ruleRequired, byConnect + ": artifact type is not supported", nil},
	{"spec.plugins[].artifacts[].type", ruleEnum, byConnect + ": artifact type is not supported", nil},
	{"spec.plugins[].artifacts[].reference", ruleRequired, byVolumes + ": image reference must not be empty", nil},
	{"spec.rack", ruleCEL, byConnect + ": topologyKey / envVarName is required for rack type ...", nil},
	{"spec.metricsConfig", ruleCEL, byMetrics + ": Metrics configuration is invalid: [ConfigMap reference is missing]", nil},
	{"spec.tls.trustedCertificates[].secretName", ruleRequired, byConnect + ": secretName and one of certificate or pattern are required", nil},
	{"spec.tls.trustedCertificates[]", ruleOneOf, byConnect + ": secretName and one of certificate or pattern are required", noneValid},
	{"spec.tls.trustedCertificates[].certificate", ruleOneOf, byConnect + ": secretName and one of certificate or pattern are required", nil},
	{"spec.authentication.type", ruleRequired, byConnect + ": authentication type is not one of ...", nil},
	{"spec.authentication.type", ruleEnum, byConnect + ": authentication type is not one of ...", nil},
	{"spec.authentication.certificateAndKey.secretName", ruleRequired, byConnect + ": TLS Client authentication selected, but no certificate and key configured.", authenticationIs("tls")},
	{"spec.authentication.certificateAndKey.certificate", ruleRequired, byConnect + ": TLS Client authentication selected, but no certificate and key configured.", authenticationIs("tls")},
	{"spec.authentication.certificateAndKey.key", ruleRequired, byConnect + ": TLS Client authentication selected, but no certificate and key configured.", authenticationIs("tls")},
	{"spec.authentication.passwordSecret.secretName", ruleRequired, byConnect + ": authentication selected, but username or password configuration is missing.", authenticationIs("scram-sha-256", "scram-sha-512", "plain")},
	{"spec.authentication.passwordSecret.password", ruleRequired, byConnect + ": authentication selected, but username or password configuration is missing.", authenticationIs("scram-sha-256", "scram-sha-512", "plain")},
	{"spec.template.pod.tmpDirSizeLimit", rulePattern, byConnect + ": is not a quantity", notAQuantity},
	{"spec.template.pod.volumes[].emptyDir.sizeLimit", rulePattern, byVolumes + ": is not a quantity", notAQuantity},
	{"spec.template.buildPod.volumes[].emptyDir.sizeLimit", rulePattern, byVolumes + ": is not a quantity", notAQuantity},
	{"spec.build.output", ruleRequired, byBuild + ": spec.build.output is required", nil},
	{"spec.build.output.type", ruleRequired, byBuild + ": output type must be docker or imagestream", nil},
	{"spec.build.output.type", ruleEnum, byBuild + ": output type must be docker or imagestream", nil},
	{"spec.build.output.image", ruleRequired, byBuild + ": output image must be an image reference: not empty, ...", nil},
	{"spec.build.plugins", ruleRequired, byBuild + ": List of connector plugins is required when Kafka Connect Build is used.", nil},
	{"spec.build.plugins[].name", ruleRequired, byBuild + ": plugin name must match ...", nil},
	{"spec.build.plugins[].name", rulePattern, byBuild + ": plugin name must match ...", nil},
	{"spec.build.plugins[].artifacts", ruleRequired, byBuild + ": Each connector plugin needs to have a list of artifacts.", nil},
	{"spec.build.plugins[].artifacts[].type", ruleRequired, byBuild + ": artifact type must be one of jar, tgz, zip, other or maven", nil},
	{"spec.build.plugins[].artifacts[].type", ruleEnum, byBuild + ": artifact type must be one of jar, tgz, zip, other or maven", nil},
	{"spec.build.plugins[].artifacts[].url", rulePattern, byBuild + ": url must be an http, https or ftp URL matching ...", artifactTypeIs("jar", "tgz", "zip", "other")},
	{"spec.build.plugins[].artifacts[].includeScope", ruleEnum, byBuild + ": includeScope must be one of ...", artifactTypeIs("maven")},
	{"spec.build.plugins[].artifacts[].mirrors[].url", ruleRequired, byBuild + ": mirror must be a URL: not empty, ...", artifactTypeIs("maven")},
}

var overlapsByKind = map[string][]overlap{
	strimzi.KindKafka:         slices.Concat(decodeOverlaps, kafkaOverlaps),
	strimzi.KindKafkaNodePool: slices.Concat(decodeOverlaps, nodePoolOverlaps),
	strimzi.KindKafkaConnect:  slices.Concat(decodeOverlaps, connectOverlaps),
}

var anyIndex = regexp.MustCompile(`\[[0-9]+\]`)

// overlaps reports whether the renderer's own checks report f's problem.
func overlaps(kind string, root *yaml.Node, f finding) bool {
	path := anyIndex.ReplaceAllString(f.path, "[]")
	for _, o := range overlapsByKind[kind] {
		if matches(o.path, path) && o.class == f.class && (o.when == nil || o.when(root, f)) {
			return true
		}
	}
	return false
}

// matches reports whether path is pattern, where a pattern ending in .*
// matches every key of a map.
func matches(pattern, path string) bool {
	if prefix, ok := strings.CutSuffix(pattern, ".*"); ok {
		return strings.HasPrefix(path, prefix+".")
	}
	return pattern == path
}

// notAQuantity: the renderer parses the value as a quantity and reports
// it when that fails; the CRD's pattern is another test of the same thing.
func notAQuantity(root *yaml.Node, f finding) bool {
	v := nodeAt(root, f.path)
	if v == nil {
		return false
	}
	_, err := resource.ParseQuantity(v.Value)
	return err != nil
}

// noneValid: the renderer reports a missing alternative, not two.
func noneValid(_ *yaml.Node, f finding) bool { return strings.HasSuffix(f.message, "Found none valid") }

// configLacks: the key is not in spec.config either.
func configLacks(key string) func(*yaml.Node, finding) bool {
	return func(root *yaml.Node, _ finding) bool {
		config := nodeAt(root, "spec.config")
		return config == nil || config.Kind != yaml.MappingNode || !mapping{config}.has(key)
	}
}

func authenticationIs(types ...string) func(*yaml.Node, finding) bool {
	return func(root *yaml.Node, _ finding) bool {
		t := nodeAt(root, "spec.authentication.type")
		return t != nil && slices.Contains(types, t.Value)
	}
}

// artifactTypeIs: the build artifact the finding is in has one of types.
func artifactTypeIs(types ...string) func(*yaml.Node, finding) bool {
	return func(root *yaml.Node, f finding) bool {
		i := strings.Index(f.path, ".artifacts[")
		if i < 0 {
			return false
		}
		end := i + strings.Index(f.path[i:], "]")
		t := nodeAt(root, f.path[:end+1]+".type")
		return t != nil && slices.Contains(types, t.Value)
	}
}

// nodeAt is the node at a path such as spec.plugins[0].name, or nil.
func nodeAt(root *yaml.Node, path string) *yaml.Node {
	n := resolve(root)
	for _, seg := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(seg, "[")
		if n.Kind != yaml.MappingNode {
			return nil
		}
		n = mapping{n}.get(name)
		if n == nil {
			return nil
		}
		n = resolve(n)
		for rest != "" {
			index, after, _ := strings.Cut(rest, "]")
			i, err := strconv.Atoi(index)
			if err != nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
				return nil
			}
			n = resolve(n.Content[i])
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return n
}
