package connect

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

const (
	strimziReporter = "io.strimzi.kafka.metrics.prometheus.ClientMetricsReporter"
	jmxReporter     = "org.apache.kafka.common.metrics.JmxReporter"
)

func TestNoReportersWithoutMetrics(t *testing.T) {
	m := connectModel(t)
	assert.Nil(t, section(m, "Strimzi Metrics Reporter configuration"))
	for _, key := range []string{"metric.reporters", "admin.metric.reporters", "producer.metric.reporters", "consumer.metric.reporters"} {
		assert.Nil(t, section(m, key+" configuration"), key)
	}
}

func TestStrimziMetricsReporterListener(t *testing.T) {
	allow := strings.Join(defaultAllowList, ",")
	var want []string
	for _, p := range []string{"", "admin.", "producer.", "consumer."} {
		want = append(want,
			p+"prometheus.metrics.reporter.listener.enable=true",
			p+"prometheus.metrics.reporter.listener=http://:9404",
			p+"prometheus.metrics.reporter.allowlist="+allow)
	}
	assert.Equal(t, want, section(connectModel(t, "metricsConfig: {type: strimziMetricsReporter}"), "Strimzi Metrics Reporter configuration"))
	assert.True(t, strings.HasPrefix(allow, "kafka_admin_client_admin_client_metrics_connection_count,kafka_connect_connect_coordinator_metrics.*,"))
}

func TestStrimziMetricsReporterAllowList(t *testing.T) {
	lines := section(connectModel(t, "metricsConfig: {type: strimziMetricsReporter, values: {allowList: [\"kafka_connect_worker.*\", \"jvm_.*\"]}}"),
		"Strimzi Metrics Reporter configuration")
	assert.Contains(t, lines, "prometheus.metrics.reporter.allowlist=kafka_connect_worker.*,jvm_.*")
	assert.Contains(t, lines, "consumer.prometheus.metrics.reporter.allowlist=kafka_connect_worker.*,jvm_.*")
	assert.Len(t, lines, 12)
}

func TestMetricReportersForEveryClient(t *testing.T) {
	exporter := fixture{configMaps: map[string]map[string]string{"my-metrics": {"rules.yaml": "rules: []"}}}
	cases := map[string]struct {
		m     *Model
		class string
	}{
		"Strimzi metrics reporter": {connectModel(t, "metricsConfig: {type: strimziMetricsReporter}"), strimziReporter},
		"JMX exporter": {exporter.model(t, "metricsConfig: {type: jmxPrometheusExporter, valueFrom: {configMapKeyRef: {name: my-metrics, key: rules.yaml}}}"),
			jmxReporter},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			for _, key := range []string{"metric.reporters", "admin.metric.reporters", "producer.metric.reporters", "consumer.metric.reporters"} {
				assert.Equal(t, []string{"# " + key + " configured by Strimzi", key + "=" + c.class}, section(c.m, key+" configuration"))
			}
		})
	}
	assert.Nil(t, section(cases["JMX exporter"].m, "Strimzi Metrics Reporter configuration"))
}

func TestMetricReportersMergeWithTheUsers(t *testing.T) {
	m := connectModel(t,
		"metricsConfig: {type: strimziMetricsReporter}",
		"config: {metric.reporters: com.example.MyReporter, admin.metric.reporters: "+strimziReporter+"}")
	assert.Equal(t, []string{
		"# metric.reporters configured by the user and by Strimzi",
		"metric.reporters=com.example.MyReporter," + strimziReporter,
	}, section(m, "metric.reporters configuration"))
	assert.Nil(t, section(m, "admin.metric.reporters configuration"), "the user's value has the class already")
	assert.Equal(t, []string{"# producer.metric.reporters configured by Strimzi", "producer.metric.reporters=" + strimziReporter},
		section(m, "producer.metric.reporters configuration"))

	user := section(m, "User provided configuration")
	assert.Contains(t, user, "admin.metric.reporters="+strimziReporter, "kept as the user wrote it")
	for _, l := range user {
		assert.False(t, strings.HasPrefix(l, "metric.reporters="), "merged into Strimzi's section: %s", l)
	}
}
