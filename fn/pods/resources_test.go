package pods

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

func TestCheckResources(t *testing.T) {
	q := resource.MustParse
	cases := map[string]struct {
		res  *corev1.ResourceRequirements
		want string // "" for no problem
	}{
		"none":  {nil, ""},
		"empty": {&corev1.ResourceRequirements{}, ""},
		"request equal to limit": {&corev1.ResourceRequirements{
			Requests: corev1.ResourceList{corev1.ResourceCPU: q("1"), corev1.ResourceMemory: q("1Gi")},
			Limits:   corev1.ResourceList{corev1.ResourceCPU: q("1000m"), corev1.ResourceMemory: q("1024Mi")},
		}, ""},
		"other resources are not checked": {&corev1.ResourceRequirements{
			Requests: corev1.ResourceList{corev1.ResourceEphemeralStorage: q("0")},
		}, ""},
		"zero cpu request": {&corev1.ResourceRequirements{
			Requests: corev1.ResourceList{corev1.ResourceCPU: q("0")},
		}, "[KafkaConnect.spec.resources cpu request must be > zero]"},
		"negative memory limit": {&corev1.ResourceRequirements{
			Limits: corev1.ResourceList{corev1.ResourceMemory: q("-1Gi")},
		}, "[KafkaConnect.spec.resources memory limit must be > zero]"},
		"request above limit": {&corev1.ResourceRequirements{
			Requests: corev1.ResourceList{corev1.ResourceMemory: q("2Gi")},
			Limits:   corev1.ResourceList{corev1.ResourceMemory: q("1Gi")},
		}, "[KafkaConnect.spec.resources memory request must be <= limit]"},
		"every error, cpu first": {&corev1.ResourceRequirements{
			Requests: corev1.ResourceList{corev1.ResourceCPU: q("2"), corev1.ResourceMemory: q("0")},
			Limits:   corev1.ResourceList{corev1.ResourceCPU: q("1"), corev1.ResourceMemory: q("0")},
		}, "[KafkaConnect.spec.resources cpu request must be <= limit, " +
			"KafkaConnect.spec.resources memory request must be > zero, " +
			"KafkaConnect.spec.resources memory limit must be > zero]"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got := CheckResources("spec.resources", c.res, "KafkaConnect.spec.resources")
			if c.want == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, "spec.resources", got[0].Path)
			assert.Equal(t, c.want, got[0].Message)
		})
	}
}
