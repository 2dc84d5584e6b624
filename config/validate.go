package config

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Validate checks what the schema cannot. It implements framework.Validator:
// the problems travel as one error, which Load takes apart again.
func (c *StrimziRender) Validate() error {
	var errs []error
	for _, p := range c.Spec.validate() {
		errs = append(errs, p)
	}
	return joinErrors(errs)
}

// fieldf is a problem at path. Messages about the function config start
// with their field, as the schema validator's do.
func fieldf(path, format string, args ...any) results.Problem {
	return results.Problem{Path: path, Message: path + ": " + fmt.Sprintf(format, args...)}
}

func (s Spec) validate() []results.Problem {
	var ps []results.Problem
	if _, ok := s.Images.Kafka[s.Images.DefaultKafkaVersion]; !ok {
		ps = append(ps, fieldf("spec.images.defaultKafkaVersion", "%q has no image in spec.images.kafka", s.Images.DefaultKafkaVersion))
	}
	if p := s.LabelsExclusionPattern; p != nil {
		if _, err := regexp.Compile(*p); err != nil {
			ps = append(ps, fieldf("spec.labelsExclusionPattern", "not an RE2 expression: %v", err))
		}
	}
	for i, name := range s.ImagePullSecrets {
		for _, msg := range validation.IsDNS1123Subdomain(name) {
			ps = append(ps, fieldf(fmt.Sprintf("spec.imagePullSecrets[%d]", i), "%q: %s", name, msg))
		}
	}
	for _, m := range []struct {
		path   string
		labels map[string]string
	}{
		{"spec.customLabels.kafka", s.CustomLabels.Kafka},
		{"spec.customLabels.kafkaConnect", s.CustomLabels.KafkaConnect},
		{"spec.customLabels.kafkaConnectBuild", s.CustomLabels.KafkaConnectBuild},
		{"spec.customLabels.entityOperator", s.CustomLabels.EntityOperator},
	} {
		for _, k := range sortedKeys(m.labels) {
			for _, msg := range validation.IsQualifiedName(k) {
				ps = append(ps, fieldf(m.path, "key %q: %s", k, msg))
			}
			for _, msg := range validation.IsValidLabelValue(m.labels[k]) {
				ps = append(ps, fieldf(m.path+"."+k, "%s", msg))
			}
		}
	}
	for _, key := range sortedKeys(s.KafkaClusterIDs) {
		ps = append(ps, validateClusterID(key, s.KafkaClusterIDs[key])...)
	}
	if s.Namespace != "" {
		for _, msg := range validation.IsDNS1123Label(s.Namespace) {
			ps = append(ps, fieldf("spec.namespace", "%s", msg))
		}
	}
	for _, msg := range validation.IsDNS1123Subdomain(s.ClusterDomain) {
		ps = append(ps, fieldf("spec.clusterDomain", "%s", msg))
	}
	if s.KeepCustomResources && s.KeepSourcesAsLocalConfig {
		ps = append(ps, fieldf("spec.keepSourcesAsLocalConfig", "cannot be set with spec.keepCustomResources: a resource is either kept for a running operator or kept as local config, not both"))
	}
	ps = append(ps, s.validateStretch()...)
	ps = append(ps, s.validateCertificates()...)
	for _, f := range s.dockerfileFields() {
		if strings.ContainsFunc(f.value, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
			ps = append(ps, fieldf(f.path, "%q must not contain spaces or control characters", f.value))
		}
	}
	return ps
}

// validateClusterID checks one spec.kafkaClusterIds entry: the key names a
// Kafka as <namespace>/<name>, the value is a Kafka UUID (16 bytes in
// unpadded base64url, as Kafka's Uuid.toString writes them).
func validateClusterID(key, id string) []results.Problem {
	var ps []results.Problem
	ns, name, ok := strings.Cut(key, "/")
	if !ok || ns == "" || name == "" {
		ps = append(ps, fieldf("spec.kafkaClusterIds", "key %q must be <namespace>/<name> of a Kafka", key))
	}
	if b, err := base64.RawURLEncoding.DecodeString(id); err != nil || len(b) != 16 {
		ps = append(ps, fieldf("spec.kafkaClusterIds."+key, "%q is not a Kafka cluster ID: use 22 base64url characters, as kafka-storage.sh random-uuid prints", id))
	}
	return ps
}

// dockerfileFields are the settings a Connect Build's Dockerfile carries
// unquoted, as Strimzi writes them (FROM images, ARG proxies): a line
// break in one would start a Dockerfile instruction. Images are among them
// for the base and Maven stages; the others are checked alike.
func (s Spec) dockerfileFields() []struct{ path, value string } {
	out := []struct{ path, value string }{
		{"spec.proxy.httpProxy", s.Proxy.HTTPProxy},
		{"spec.proxy.httpsProxy", s.Proxy.HTTPSProxy},
		{"spec.proxy.noProxy", s.Proxy.NoProxy},
		{"spec.images.kafkaInit", s.Images.KafkaInit},
		{"spec.images.buildah", s.Images.Buildah},
		{"spec.images.kaniko", s.Images.Kaniko},
		{"spec.images.mavenBuilder", s.Images.MavenBuilder},
	}
	for _, v := range sortedKeys(s.Images.Kafka) {
		out = append(out, struct{ path, value string }{"spec.images.kafka." + v, s.Images.Kafka[v]})
	}
	for _, v := range sortedKeys(s.Images.KafkaConnect) {
		out = append(out, struct{ path, value string }{"spec.images.kafkaConnect." + v, s.Images.KafkaConnect[v]})
	}
	return out
}
