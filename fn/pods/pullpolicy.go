package pods

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// PullPolicy applies Strimzi's rule for every container it creates: the
// configured policy (STRIMZI_IMAGE_PULL_POLICY), else Always for images whose
// lower-cased reference contains ":latest", else IfNotPresent.
func PullPolicy(configured, image string) corev1.PullPolicy {
	if configured != "" {
		return corev1.PullPolicy(configured)
	}
	if strings.Contains(strings.ToLower(image), ":latest") {
		return corev1.PullAlways
	}
	return corev1.PullIfNotPresent
}
