package brokerconfig

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

func TestCruiseControlReporterDefaults(t *testing.T) {
	cfg, probs := NewConfig(nil, nil)
	require.Empty(t, probs)
	r, probs := NewCruiseControlReporter(nil, cfg)
	assert.Empty(t, probs)
	assert.Equal(t, &CruiseControlReporter{Topic: "strimzi.cruisecontrol.metrics", NumPartitions: 1, ReplicationFactor: 1, MinInSyncReplicas: 1}, r)
}

func TestCruiseControlReporterFallsBackToBrokerDefaults(t *testing.T) {
	cfg, _ := NewConfig(map[string]any{"num.partitions": 6, "default.replication.factor": 3}, nil)
	r, _ := NewCruiseControlReporter(map[string]any{"metric.reporter.topic": "cc"}, cfg)
	assert.Equal(t, &CruiseControlReporter{Topic: "cc", NumPartitions: 6, ReplicationFactor: 3, MinInSyncReplicas: 1}, r)
}

func TestCruiseControlReporterRefusesANonInteger(t *testing.T) {
	cfg, _ := NewConfig(map[string]any{CruiseControlTopicMinISR: "two"}, nil)
	_, probs := NewCruiseControlReporter(nil, cfg)
	assert.Equal(t, []results.Problem{results.Errorf("spec.kafka.config[cruise.control.metrics.topic.min.insync.replicas]",
		"Cruise Control configuration option 'cruise.control.metrics.topic.min.insync.replicas' should be an integer but was set to 'two'.")}, probs)
}
