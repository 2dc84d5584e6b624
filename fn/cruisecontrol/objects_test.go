package cruisecontrol

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestService(t *testing.T) {
	m := newModel(t, &strimzi.CruiseControlSpec{Template: &strimzi.CruiseControlTemplate{APIService: &strimzi.ServiceTemplate{
		Metadata: strimzi.MetadataTemplate{Labels: map[string]string{"l": "v"}, Annotations: map[string]string{"a": "v"}},
	}}})
	s := m.Service()
	assert.Equal(t, "my-cluster-cruise-control", s.Name)
	assert.Equal(t, corev1.ServiceTypeClusterIP, s.Spec.Type)
	require.Len(t, s.Spec.Ports, 1)
	assert.Equal(t, int32(9090), s.Spec.Ports[0].Port)
	assert.Equal(t, "rest-api", s.Spec.Ports[0].TargetPort.StrVal)
	assert.Equal(t, "v", s.Labels["l"])
	assert.Equal(t, map[string]string{"a": "v"}, s.Annotations)
	assert.Equal(t, m.selector(), s.Spec.Selector)
}

// CruiseControl.generateNetworkPolicy: the operator, and the Entity
// Operator with a Topic Operator, reach the REST API; metrics are open.
func TestNetworkPolicy(t *testing.T) {
	np := newModel(t, &strimzi.CruiseControlSpec{}).NetworkPolicy()
	assert.Equal(t, "my-cluster-network-policy-cruise-control", np.Name)
	require.Len(t, np.Spec.Ingress, 1)
	require.Len(t, np.Spec.Ingress[0].From, 1)
	assert.Equal(t, "cluster-operator", np.Spec.Ingress[0].From[0].PodSelector.MatchLabels["strimzi.io/kind"])

	in := testInputs()
	in.TopicOperator = true
	np = New(&strimzi.CruiseControlSpec{MetricsConfig: &strimzi.MetricsConfig{Type: "jmxPrometheusExporter"}}, in,
		testConfig(t, config.PodSecurityBaseline)).NetworkPolicy()
	require.Len(t, np.Spec.Ingress, 2)
	require.Len(t, np.Spec.Ingress[0].From, 2)
	assert.Equal(t, "my-cluster-entity-operator", np.Spec.Ingress[0].From[1].PodSelector.MatchLabels["strimzi.io/name"])
	assert.Equal(t, int32(9404), np.Spec.Ingress[1].Ports[0].Port.IntVal)
	assert.Empty(t, np.Spec.Ingress[1].From)
}

func TestObjectsInReconcilerOrder(t *testing.T) {
	var kinds []string
	for _, o := range newModel(t, &strimzi.CruiseControlSpec{}).Objects() {
		kinds = append(kinds, o.GetObjectKind().GroupVersionKind().Kind)
	}
	assert.Equal(t, []string{"NetworkPolicy", "ServiceAccount", "ConfigMap", "Service", "PodDisruptionBudget", "Deployment"}, kinds)
	assert.Nil(t, New(nil, testInputs(), testConfig(t, config.PodSecurityBaseline)).Objects())
}
