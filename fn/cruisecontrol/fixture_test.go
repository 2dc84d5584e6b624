package cruisecontrol

import (
	"testing"

	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// testConfig is the function config with defaults and the given pod
// security provider.
func testConfig(t *testing.T, provider string) *config.Spec {
	t.Helper()
	c := &config.StrimziRender{Spec: config.Spec{PodSecurityProvider: provider}}
	require.NoError(t, c.Default())
	return &c.Spec
}

// testInputs is a cluster of three brokers in one pool with 100Gi claims
// and a 2-CPU request.
func testInputs() Inputs {
	res := &corev1.ResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("2")}}
	var brokers []Broker
	for id := range 3 {
		brokers = append(brokers, Broker{ID: id, Pool: "brokers", Volumes: []Volume{{Size: "100Gi"}}, Resources: res})
	}
	return Inputs{
		Cluster: "my-cluster", Namespace: "my-namespace",
		CRLabels:         map[string]string{"team": "data"},
		BootstrapAddress: "my-cluster-kafka-bootstrap:9091",
		Brokers:          brokers,
	}
}

func newModel(t *testing.T, spec *strimzi.CruiseControlSpec) *Model {
	t.Helper()
	m := New(spec, testInputs(), testConfig(t, config.PodSecurityBaseline))
	require.NotNil(t, m)
	return m
}
