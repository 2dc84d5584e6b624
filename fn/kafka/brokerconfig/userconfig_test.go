package brokerconfig

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

// The user configuration cases of KafkaBrokerConfigurationBuilderTest
// (config providers, injected reporters, min.insync.replicas), compared as
// its isEquivalent does. Cruise Control cases are left out: its reporter is
// not modelled yet.
func TestBuilderUserConfiguration(t *testing.T) {
	providers := []string{
		"config.providers=strimzienv,strimzisecrets,strimzifile,strimzidir",
		"config.providers.strimzienv.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
		"config.providers.strimzienv.param.allowlist.pattern=.*",
		"config.providers.strimzifile.class=org.apache.kafka.common.config.provider.FileConfigProvider",
		"config.providers.strimzifile.param.allowed.paths=/opt/kafka",
		"config.providers.strimzidir.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider",
		"config.providers.strimzidir.param.allowed.paths=/opt/kafka",
		"config.providers.strimzisecrets.class=io.strimzi.kafka.KubernetesSecretConfigProvider",
	}
	userReporters := map[string]any{
		"metric.reporters":        "my.domain.CustomMetricReporter",
		"kafka.metrics.reporters": "my.domain.CustomYammerMetricReporter",
	}
	strimzi := &StrimziReporter{AllowList: []string{".*"}}
	controller := nodepools.Node{ID: 3, Pod: "my-cluster-kafka-3", Controller: true}
	cases := map[string]struct {
		config  map[string]any
		nilConf bool
		metrics Metrics
		node    *nodepools.Node
		want    []string
	}{
		"testNullUserConfiguration":  {nilConf: true, want: concat(providers, []string{"min.insync.replicas=1"})},
		"testEmptyUserConfiguration": {config: map[string]any{}, want: concat(providers, []string{"min.insync.replicas=1"})},
		"testUserConfiguration": {
			config: map[string]any{"auto.create.topics.enable": "false", "offsets.topic.replication.factor": 3,
				"transaction.state.log.replication.factor": 3, "transaction.state.log.min.isr": 2},
			want: concat(providers, []string{"auto.create.topics.enable=false", "offsets.topic.replication.factor=3",
				"transaction.state.log.replication.factor=3", "transaction.state.log.min.isr=2", "min.insync.replicas=1"}),
		},
		"testUserConfigurationWithConfigProviders broker": {
			config: map[string]any{"config.providers": "env", "config.providers.env.class": "org.apache.kafka.common.config.provider.EnvVarConfigProvider"},
			want: concat([]string{"config.providers=env,strimzienv,strimzisecrets,strimzifile,strimzidir"}, providers[1:], []string{
				"config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider", "min.insync.replicas=1"}),
		},
		"testUserConfigurationWithConfigProviders controller": {
			config: map[string]any{"config.providers": "env", "config.providers.env.class": "org.apache.kafka.common.config.provider.EnvVarConfigProvider"},
			node:   &controller,
			want: []string{
				"config.providers=env,strimzienv,strimzisecrets",
				"config.providers.strimzienv.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
				"config.providers.strimzienv.param.allowlist.pattern=.*",
				"config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
				"config.providers.strimzisecrets.class=io.strimzi.kafka.KubernetesSecretConfigProvider",
				"min.insync.replicas=1",
			},
		},
		"testNullUserConfigurationWithJmxMetricsReporter": {
			nilConf: true, metrics: Metrics{JMXExporter: true},
			want: concat(providers, []string{"metric.reporters=org.apache.kafka.common.metrics.JmxReporter", "min.insync.replicas=1"}),
		},
		"testNullUserConfigurationWithStrimziMetricsReporter": {
			nilConf: true, metrics: Metrics{StrimziReporter: strimzi},
			want: concat(providers, []string{"min.insync.replicas=1",
				"metric.reporters=io.strimzi.kafka.metrics.prometheus.ServerKafkaMetricsReporter",
				"kafka.metrics.reporters=io.strimzi.kafka.metrics.prometheus.ServerYammerMetricsReporter"}),
		},
		"testUserConfigurationWithMetricReporters none": {
			config: userReporters,
			want: concat(providers, []string{"min.insync.replicas=1", "metric.reporters=my.domain.CustomMetricReporter",
				"kafka.metrics.reporters=my.domain.CustomYammerMetricReporter"}),
		},
		"testUserConfigurationWithMetricReporters jmx": {
			config: userReporters, metrics: Metrics{JMXExporter: true},
			want: concat(providers, []string{"min.insync.replicas=1",
				"metric.reporters=my.domain.CustomMetricReporter,org.apache.kafka.common.metrics.JmxReporter",
				"kafka.metrics.reporters=my.domain.CustomYammerMetricReporter"}),
		},
		"testUserConfigurationWithMetricReporters strimzi": {
			config: userReporters, metrics: Metrics{StrimziReporter: strimzi},
			want: concat(providers, []string{"min.insync.replicas=1",
				"metric.reporters=my.domain.CustomMetricReporter,io.strimzi.kafka.metrics.prometheus.ServerKafkaMetricsReporter",
				"kafka.metrics.reporters=my.domain.CustomYammerMetricReporter,io.strimzi.kafka.metrics.prometheus.ServerYammerMetricsReporter"}),
		},
		"testUserConfigurationWithMetricReporters jmx and strimzi": {
			config: userReporters, metrics: Metrics{JMXExporter: true, StrimziReporter: strimzi},
			want: concat(providers, []string{"min.insync.replicas=1",
				"metric.reporters=my.domain.CustomMetricReporter,org.apache.kafka.common.metrics.JmxReporter,io.strimzi.kafka.metrics.prometheus.ServerKafkaMetricsReporter",
				"kafka.metrics.reporters=my.domain.CustomYammerMetricReporter,io.strimzi.kafka.metrics.prometheus.ServerYammerMetricsReporter"}),
		},
		"testStrimziMetricsReporterViaUserAndMetricsConfigs": {
			config: map[string]any{
				"metric.reporters":        "io.strimzi.kafka.metrics.prometheus.ServerKafkaMetricsReporter",
				"kafka.metrics.reporters": "io.strimzi.kafka.metrics.prometheus.ServerYammerMetricsReporter",
			},
			metrics: Metrics{StrimziReporter: strimzi},
			want: concat(providers, []string{
				"metric.reporters=io.strimzi.kafka.metrics.prometheus.ServerKafkaMetricsReporter",
				"kafka.metrics.reporters=io.strimzi.kafka.metrics.prometheus.ServerYammerMetricsReporter",
				"min.insync.replicas=1"}),
		},
		"testDefaultMinInSyncReplicasWhenNotSpecified": {
			config: map[string]any{"auto.create.topics.enable": "false", "offsets.topic.replication.factor": 3},
			want: concat(providers, []string{"min.insync.replicas=1", "auto.create.topics.enable=false",
				"offsets.topic.replication.factor=3"}),
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := strimziCluster()
			c.Metrics = tc.metrics
			if !tc.nilConf {
				cfg, probs := NewConfig(tc.config, nil)
				require.Empty(t, probs)
				c.Config = cfg
			}
			n := strimziNode
			if tc.node != nil {
				n = *tc.node
			}
			w := &configWriter{}
			require.NoError(t, c.writeUserConfig(w, n))
			assert.ElementsMatch(t, tc.want, lines(w.String()))
		})
	}
}

// Sections and their order, which isEquivalent does not check.
func TestUserConfigLayout(t *testing.T) {
	c := strimziCluster()
	c.Metrics = Metrics{JMXExporter: true}
	c.Config, _ = NewConfig(map[string]any{"b": 1, "a": true, "min.insync.replicas": 2}, nil)
	w := &configWriter{}
	require.NoError(t, c.writeUserConfig(w, nodepools.Node{ID: 1, Controller: true}))
	want := `##########
# Config providers
##########
# Configuration providers configured by the user and by Strimzi
config.providers=strimzienv,strimzisecrets
config.providers.strimzienv.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
config.providers.strimzienv.param.allowlist.pattern=.*
config.providers.strimzisecrets.class=io.strimzi.kafka.KubernetesSecretConfigProvider

##########
# metric.reporters configuration
##########
# metric.reporters configured by Strimzi
metric.reporters=org.apache.kafka.common.metrics.JmxReporter

##########
# User provided configuration
##########
min.insync.replicas=2
a=true
b=1


`
	assert.Equal(t, want, w.String())
}
