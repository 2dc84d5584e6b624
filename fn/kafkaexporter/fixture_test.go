package kafkaexporter

import (
	"testing"

	"github.com/stretchr/testify/require"

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

func testInputs() Inputs {
	return Inputs{
		Cluster: "my-cluster", Namespace: "my-namespace",
		CRLabels:         map[string]string{"team": "data"},
		BootstrapAddress: "my-cluster-kafka-bootstrap:9091",
		KafkaVersion:     "4.3.1",
	}
}

func newModel(t *testing.T, spec *strimzi.KafkaExporterSpec) *Model {
	t.Helper()
	m := New(spec, testInputs(), testConfig(t, config.PodSecurityBaseline))
	require.NotNil(t, m)
	return m
}
