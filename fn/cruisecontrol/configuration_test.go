package cruisecontrol

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func defaultCapacity(t *testing.T, bc *strimzi.BrokerCapacity) *capacity {
	t.Helper()
	c, ps := newCapacity(bc, testInputs().Brokers)
	require.Empty(t, ps)
	return c
}

// Defaults in key order, a user value in its default's place, new options
// after them in key order, forbidden options left out with a warning.
func TestConfigurationOrderAndForbiddenOptions(t *testing.T) {
	c, ps := newConfiguration(map[string]any{
		"num.partition.metrics.windows": json.Number("3"),
		"webserver.http.port":           json.Number("8080"),
		"ssl.protocol":                  "TLSv1.3",
		"a.first":                       true,
		"Security.protocol":             "PLAINTEXT",
		"webserver.security.enable":     false,
	}, defaultCapacity(t, nil), "3")
	assert.Equal(t, []results.Problem{
		results.Warningf("spec.cruiseControl.config[Security.protocol]", "Security.protocol is set by Strimzi and is left out of cruisecontrol.properties"),
		results.Warningf("spec.cruiseControl.config[webserver.http.port]", "webserver.http.port is set by Strimzi and is left out of cruisecontrol.properties"),
	}, ps)
	assert.Equal(t, []string{
		"broker.metric.sample.store.topic", "broker.metrics.window.ms", "completed.user.task.retention.time.ms",
		"default.goals", "goals", "hard.goals", "metric.reporter.topic", "num.broker.metrics.windows",
		"num.partition.metrics.windows", "partition.metric.sample.store.topic", "partition.metrics.window.ms",
		"sample.store.topic.replication.factor", "webserver.auth.credentials.file", "webserver.security.enable",
		"webserver.ssl.enable", "a.first", "ssl.protocol",
	}, c.keys)
	assert.Equal(t, "3", c.values["num.partition.metrics.windows"])
	assert.Equal(t, "3", c.values["sample.store.topic.replication.factor"], "from default.replication.factor")
	assert.False(t, c.enabled(keySecurityEnable))
	assert.True(t, c.enabled(keySSLEnable))
	assert.Contains(t, c.Text(), "num.partition.metrics.windows=3\n")
}

// CruiseControlConfigurationTest.testFilterResourceGoalsWithoutCapacityConfig.
func TestGoalsFollowNetworkCapacity(t *testing.T) {
	c, _ := newConfiguration(nil, defaultCapacity(t, nil), "")
	def := c.values[keyDefaultGoals]
	for _, g := range []string{inboundCapacity, outboundCapacity, potentialNwOut, inboundDistribution, outboundDistribution, leaderBytesIn} {
		assert.NotContains(t, def, g)
	}
	assert.Equal(t, strings.Join([]string{rackAware, replicaCapacity, diskCapacityGoal, cpuCapacityGoal}, ","), c.values[keyHardGoals])
	assert.Equal(t, strings.Join(allGoals, ","), c.values[keyGoals])

	c, _ = newConfiguration(nil, defaultCapacity(t, &strimzi.BrokerCapacity{InboundNetwork: "1MiB/s", OutboundNetwork: "1MiB/s"}), "")
	assert.Equal(t, strings.Join(allGoals, ","), c.values[keyDefaultGoals], "every goal with both capacities")

	c, _ = newConfiguration(nil, defaultCapacity(t, &strimzi.BrokerCapacity{InboundNetwork: "1MiB/s",
		Overrides: []strimzi.BrokerCapacityOverride{{Brokers: []int{2}, InboundNetwork: "2MiB/s"}}}), "")
	assert.Contains(t, c.values[keyDefaultGoals], inboundCapacity)
	assert.NotContains(t, c.values[keyDefaultGoals], leaderBytesIn, "brokers differ in inbound capacity")
}

// CruiseControl.checkGoals: anomaly goals outside the default goals become
// the default goals.
func TestAnomalyGoals(t *testing.T) {
	c, ps := newConfiguration(map[string]any{
		"default.goals":           rackAware + "," + replicaCapacity,
		"anomaly.detection.goals": rackAware + " , " + cpuCapacityGoal,
	}, defaultCapacity(t, nil), "")
	assert.Equal(t, rackAware+","+replicaCapacity, c.values[keyAnomalyGoals])
	require.Len(t, ps, 1)
	assert.Equal(t, "spec.cruiseControl.config[anomaly.detection.goals]", ps[0].Path)

	// Cruise Control's own default anomaly goals are checked too.
	c, ps = newConfiguration(map[string]any{"default.goals": rackAware}, defaultCapacity(t, nil), "")
	assert.Equal(t, rackAware, c.values[keyAnomalyGoals])
	assert.Equal(t, keyAnomalyGoals, c.keys[len(c.keys)-1])
	require.Len(t, ps, 1)
	assert.Equal(t, "spec.cruiseControl.config[default.goals]", ps[0].Path)

	c, ps = newConfiguration(map[string]any{"anomaly.detection.goals": rackAware}, defaultCapacity(t, nil), "")
	assert.Empty(t, ps)
	assert.Equal(t, rackAware, c.values[keyAnomalyGoals])
}

func TestConfigurationRefusesWhatStrimziCannotPrint(t *testing.T) {
	_, ps := newConfiguration(map[string]any{"x": nil, "y": []any{"a"}}, defaultCapacity(t, nil), "")
	assert.Equal(t, map[string]results.Severity{
		"spec.cruiseControl.config[x]": results.Error, "spec.cruiseControl.config[y]": results.Error,
	}, problemsAt(ps))
}

func problemsAt(ps []results.Problem) map[string]results.Severity {
	out := map[string]results.Severity{}
	for _, p := range ps {
		out[p.Path] = p.Severity
	}
	return out
}
