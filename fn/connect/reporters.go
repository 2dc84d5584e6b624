package connect

import (
	"slices"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Metrics types and rack types of the KafkaConnect spec.
const (
	MetricsJMXExporter     = "jmxPrometheusExporter"
	MetricsStrimziReporter = "strimziMetricsReporter"
	RackTopologyLabel      = "topology-label"
	RackEnvVar             = "environment-variable"
)

// strimziClientReporterClass is StrimziMetricsReporterConfig.CLIENT_CLASS.
const strimziClientReporterClass = "io.strimzi.kafka.metrics.prometheus.ClientMetricsReporter"

// defaultAllowList is the Strimzi metrics reporter allow-list for Connect
// workers (KafkaConnectCluster.DEFAULT_METRICS_ALLOW_LIST).
var defaultAllowList = []string{
	"kafka_admin_client_admin_client_metrics_connection_count",
	"kafka_connect_connect_coordinator_metrics.*",
	"kafka_connect_connector_metrics.*",
	"kafka_connect_connector_task_metrics.*",
	"kafka_connect_connect_worker_metrics_.*",
	"kafka_connect_connect_worker_rebalance.*",
	"kafka_connect_task_error_metrics.*",
	"kafka_consumer_consumer_coordinator_metrics.*",
	"kafka_consumer_consumer_fetch_manager_metrics.*",
	"kafka_consumer_consumer_metrics.*",
	"kafka_producer_producer_metrics.*",
	"kafka_producer_producer_node_metrics_incoming_byte",
	"kafka_producer_producer_topic.*",
}

func (m *Model) writeStrimziReporter(w *properties.Writer) {
	mc := m.spec.MetricsConfig
	if mc == nil || mc.Type != MetricsStrimziReporter {
		return
	}
	allow := defaultAllowList
	if mc.Values != nil && len(mc.Values.AllowList) > 0 {
		allow = mc.Values.AllowList
	}
	var entries []strimzi.ConfigEntry
	for _, p := range []string{"", "admin.", "producer.", "consumer."} {
		entries = append(entries,
			entry(p+"prometheus.metrics.reporter.listener.enable", "true"),
			entry(p+"prometheus.metrics.reporter.listener", "http://:9404"),
			entry(p+"prometheus.metrics.reporter.allowlist", strings.Join(allow, ",")))
	}
	writeSection(w, "Strimzi Metrics Reporter configuration", entries...)
}

// writeMetricReporters adds the metrics reporter class to each client's
// metric.reporters, merging with the user's value, and returns the user
// config without the keys it took over
// (KafkaConnectConfigurationBuilder.printMetricReportersForKey). Connect
// workers are Kafka clients, so Strimzi injects the client reporter
// (StrimziMetricsReporterConfig.CLIENT_CLASS), not the broker one.
func (m *Model) writeMetricReporters(w *properties.Writer, user []strimzi.ConfigEntry) []strimzi.ConfigEntry {
	mc := m.spec.MetricsConfig
	if mc == nil {
		return user
	}
	class := "org.apache.kafka.common.metrics.JmxReporter"
	if mc.Type == MetricsStrimziReporter {
		class = strimziClientReporterClass
	}
	for _, key := range []string{"metric.reporters", "admin.metric.reporters", "producer.metric.reporters", "consumer.metric.reporters"} {
		i := slices.IndexFunc(user, func(e strimzi.ConfigEntry) bool { return e.Key == key })
		switch {
		case i < 0:
			reporterSection(w, key, "configured by Strimzi", class)
		case !strings.Contains(user[i].Value, class):
			reporterSection(w, key, "configured by the user and by Strimzi", user[i].Value+","+class)
			user = slices.Delete(slices.Clone(user), i, i+1)
		}
	}
	return user
}

func reporterSection(w *properties.Writer, key, by, value string) {
	w.Section(key + " configuration")
	w.Comment(key + " " + by)
	w.Raw(key, value)
	w.Blank()
}
