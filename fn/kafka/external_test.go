package kafka

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

const lbKafka = `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: {name: foo, namespace: ns}
spec:
  kafka:
    listeners:
    - name: lb
      port: 9094
      type: loadbalancer
      tls: false
      configuration:
        createBootstrapService: false
        perBrokerLabelsTemplate: {node: "n{nodeId}"}
        brokers:
        - {broker: 0, advertisedHost: lb-0.example.com}
        - {broker: 0, labels: {first: "yes"}}
        - {broker: 0, labels: {second: "yes"}}
`

func TestExternalAddressesOffline(t *testing.T) {
	k, pools := decodeAll(t, lbKafka, pool("b", "2", "[broker, controller]", "[0, 1]"))
	cfg := defaults(t)
	var errs []results.Problem
	for _, p := range Validate(k, pools, cfg, Inputs{}) {
		if p.Severity == results.Error {
			errs = append(errs, p)
		}
	}
	require.Len(t, errs, 1)
	assert.Equal(t, "spec.kafka.listeners[0].configuration.brokers", errs[0].Path)
	assert.Contains(t, errs[0].Message, "the advertised address of broker 1 is not known before the cluster runs")

	// A running operator finds the addresses: no error, and the model builds.
	cfg.Spec.KeepCustomResources = true
	for _, p := range Validate(k, pools, cfg, Inputs{}) {
		assert.NotEqual(t, results.Error, p.Severity, "%s: %s", p.Path, p.Message)
	}
	_, err := New(k, pools, cfg, Inputs{}, nil)
	require.NoError(t, err)
}

func TestLoadBalancerServices(t *testing.T) {
	k, pools := decodeAll(t, lbKafka+`        - {broker: 1, advertisedHost: lb-1.example.com}
`, pool("b", "2", "[broker, controller]", "[0, 1]"))
	m, err := New(k, pools, defaults(t), Inputs{}, nil)
	require.NoError(t, err)
	assert.Empty(t, m.ListenerBootstrapServices(), "createBootstrapService: false")
	svcs := m.PerPodServices(m.Pools[0])
	require.Len(t, svcs, 2)
	assert.Equal(t, "yes", svcs[0].Labels["first"], "the first entry with labels gives them")
	assert.NotContains(t, svcs[0].Labels, "second")
	assert.NotContains(t, svcs[0].Labels, "node", "the template applies only without broker labels")
	assert.Equal(t, "n1", svcs[1].Labels["node"])
	assert.Equal(t, names.KafkaPodSet("foo", "b")+"-lb-1", svcs[1].Name)
	assert.Contains(t, m.ServerConfig(1), "LB-9094://lb-1.example.com:9094")
}
