package config

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"k8s.io/apimachinery/pkg/util/validation"
)

// Validate checks what the schema cannot. It implements framework.Validator.
func (c *StrimziRender) Validate() error {
	s := c.Spec
	var errs []error
	if _, ok := s.Images.Kafka[s.Images.DefaultKafkaVersion]; !ok {
		errs = append(errs, fmt.Errorf("spec.images.defaultKafkaVersion: %q has no image in spec.images.kafka", s.Images.DefaultKafkaVersion))
	}
	if p := s.LabelsExclusionPattern; p != nil {
		if _, err := regexp.Compile(*p); err != nil {
			errs = append(errs, fmt.Errorf("spec.labelsExclusionPattern: not an RE2 expression: %v", err))
		}
	}
	for i, name := range s.ImagePullSecrets {
		for _, msg := range validation.IsDNS1123Subdomain(name) {
			errs = append(errs, fmt.Errorf("spec.imagePullSecrets[%d]: %q: %s", i, name, msg))
		}
	}
	for _, m := range []struct {
		path   string
		labels map[string]string
	}{
		{"spec.customLabels.kafka", s.CustomLabels.Kafka},
		{"spec.customLabels.kafkaConnect", s.CustomLabels.KafkaConnect},
		{"spec.customLabels.kafkaConnectBuild", s.CustomLabels.KafkaConnectBuild},
	} {
		for _, k := range sortedKeys(m.labels) {
			for _, msg := range validation.IsQualifiedName(k) {
				errs = append(errs, fmt.Errorf("%s: key %q: %s", m.path, k, msg))
			}
			for _, msg := range validation.IsValidLabelValue(m.labels[k]) {
				errs = append(errs, fmt.Errorf("%s.%s: %s", m.path, k, msg))
			}
		}
	}
	for _, key := range sortedKeys(s.KafkaClusterIDs) {
		errs = append(errs, validateClusterID(key, s.KafkaClusterIDs[key])...)
	}
	for _, msg := range validation.IsDNS1123Subdomain(s.ClusterDomain) {
		errs = append(errs, fmt.Errorf("spec.clusterDomain: %s", msg))
	}
	errs = append(errs, s.validateStretch()...)
	for _, f := range s.dockerfileFields() {
		if strings.ContainsFunc(f.value, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
			errs = append(errs, fmt.Errorf("%s: %q must not contain spaces or control characters", f.path, f.value))
		}
	}
	return joinErrors(errs)
}

// validateClusterID checks one spec.kafkaClusterIds entry: the key names a
// Kafka as <namespace>/<name>, the value is a Kafka UUID (16 bytes in
// unpadded base64url, as Kafka's Uuid.toString writes them).
func validateClusterID(key, id string) []error {
	var errs []error
	ns, name, ok := strings.Cut(key, "/")
	if !ok || ns == "" || name == "" {
		errs = append(errs, fmt.Errorf("spec.kafkaClusterIds: key %q must be <namespace>/<name> of a Kafka", key))
	}
	if b, err := base64.RawURLEncoding.DecodeString(id); err != nil || len(b) != 16 {
		errs = append(errs, fmt.Errorf("spec.kafkaClusterIds.%s: %q is not a Kafka cluster ID: use 22 base64url characters, as kafka-storage.sh random-uuid prints", key, id))
	}
	return errs
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
