package pods

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
)

func TestPullPolicy(t *testing.T) {
	cases := map[string]struct {
		configured, image string
		want              corev1.PullPolicy
	}{
		"configured wins over latest":    {"Never", "quay.io/strimzi/kafka:latest", corev1.PullNever},
		"configured wins over a version": {"Always", "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1", corev1.PullAlways},
		"latest tag":                     {"", "quay.io/strimzi/kafka:latest", corev1.PullAlways},
		"latest in any case":             {"", "quay.io/strimzi/kafka:LaTeSt", corev1.PullAlways},
		"a tag starting with latest":     {"", "my/image:latest-4.3", corev1.PullAlways},
		"version tag":                    {"", "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1", corev1.PullIfNotPresent},
		"no tag is not :latest":          {"", "quay.io/strimzi/kafka", corev1.PullIfNotPresent},
		"digest":                         {"", "ghcr.io/x/y@sha256:7078b3cc", corev1.PullIfNotPresent},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, PullPolicy(c.configured, c.image))
		})
	}
}
