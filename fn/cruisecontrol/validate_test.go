package cruisecontrol

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestValidateAcceptsDefaults(t *testing.T) {
	cfg := testConfig(t, config.PodSecurityBaseline)
	assert.Empty(t, Validate(nil, testInputs(), cfg))
	assert.Empty(t, Validate(&strimzi.CruiseControlSpec{}, testInputs(), cfg))
}

func TestValidateReportsAtFieldPaths(t *testing.T) {
	cfg := testConfig(t, config.PodSecurityBaseline)
	in := testInputs()
	in.Brokers[0].Volumes[0].Size = "100k"
	spec := &strimzi.CruiseControlSpec{
		Resources: &corev1.ResourceRequirements{
			Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("2")},
			Limits:   corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("1")},
		},
		Config:        map[string]any{"num.concurrent.leader.movements": nil},
		MetricsConfig: &strimzi.MetricsConfig{Type: "strimziMetricsReporter"},
		APIUsers:      &strimzi.CruiseControlAPIUsers{Type: "hashLoginService", ValueFrom: &strimzi.PasswordSource{}},
		AutoRebalance: []byte(`[{"mode":"add-brokers"}]`),
		Template: &strimzi.CruiseControlTemplate{
			Deployment:          &strimzi.DeploymentTemplate{DeploymentStrategy: "BlueGreen"},
			Pod:                 &strimzi.PodTemplate{Volumes: []strimzi.AdditionalVolume{{Name: "config", EmptyDir: &strimzi.EmptyDir{}}}},
			APIService:          &strimzi.ServiceTemplate{Metadata: strimzi.MetadataTemplate{Labels: map[string]string{"strimzi.io/x": "y"}}},
			PodDisruptionBudget: &strimzi.PodDisruptionBudgetTemplate{MaxUnavailable: ptr.To[int32](-1)},
		},
	}
	ps := Validate(spec, in, cfg)
	assert.Equal(t, map[string]results.Severity{
		"spec.cruiseControl.resources":                                   results.Error,
		"spec.cruiseControl":                                             results.Error,
		"spec.cruiseControl.config[num.concurrent.leader.movements]":     results.Error,
		"spec.cruiseControl.metricsConfig.type":                          results.Error,
		"spec.cruiseControl.apiUsers.valueFrom":                          results.Error,
		"spec.cruiseControl.autoRebalance":                               results.Warning,
		"spec.cruiseControl.template.deployment.deploymentStrategy":      results.Error,
		"spec.cruiseControl.template.pod.volumes":                        results.Error,
		"spec.cruiseControl.template.apiService.metadata.labels":         results.Error,
		"spec.cruiseControl.template.podDisruptionBudget.maxUnavailable": results.Error,
	}, problemsAt(ps))
	for _, p := range ps {
		switch p.Path {
		case "spec.cruiseControl.resources":
			assert.Equal(t, "[Kafka.spec.cruiseControl.resources cpu request must be <= limit]", p.Message, "Strimzi's message")
		case "spec.cruiseControl.apiUsers.valueFrom":
			assert.Equal(t, "The configuration of the Cruise Control REST API users referenced in spec.cruiseControl.apiUsers is invalid.", p.Message)
		case "spec.cruiseControl":
			assert.Equal(t, "KafkaNodePool brokers: invalid memory suffix: k, which Cruise Control's capacity file cannot take", p.Message)
		}
	}
}

// Warnings that need node IDs come with the model.
func TestWarningsComeWithTheModel(t *testing.T) {
	m := newModel(t, &strimzi.CruiseControlSpec{
		BrokerCapacity: &strimzi.BrokerCapacity{Overrides: []strimzi.BrokerCapacityOverride{{Brokers: []int{9}, CPU: "1"}}},
		Config:         map[string]any{"bootstrap.servers": "x"},
	})
	assert.Equal(t, map[string]results.Severity{
		"spec.cruiseControl.brokerCapacity.overrides[0].brokers": results.Warning,
		"spec.cruiseControl.config[bootstrap.servers]":           results.Warning,
	}, problemsAt(m.Warnings()))
	assert.Empty(t, Validate(m.spec, testInputs(), testConfig(t, config.PodSecurityBaseline)))
}
