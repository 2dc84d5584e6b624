package cruisecontrol

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/logging"
	"github.com/strimzi-render/strimzi-render/fn/metrics"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// LoggingDefaults are the parsed pairs of Strimzi's
// default-logging/CruiseControl.properties.
var LoggingDefaults = []logging.Pair{
	{Key: "name", Value: "CCConfig"},
	{Key: "appender.console.type", Value: "Console"},
	{Key: "appender.console.name", Value: "STDOUT"},
	{Key: "appender.console.layout.type", Value: "PatternLayout"},
	{Key: "appender.console.layout.pattern", Value: "%d{yyyy-MM-dd HH:mm:ss} %-5p %c{1}:%L - %m%n"},
	{Key: "rootLogger.level", Value: "INFO"},
	{Key: "rootLogger.appenderRefs", Value: "stdout"},
	{Key: "rootLogger.appenderRef.console.ref", Value: "STDOUT"},
	{Key: "rootLogger.additivity", Value: "false"},
}

// ConfigMap is <cluster>-cruise-control-config: the server configuration,
// the brokers' capacities, the logging and, with the JMX exporter, its
// rules (CruiseControl.generateConfigMap).
func (m *Model) ConfigMap() *corev1.ConfigMap {
	data := map[string]string{
		configFile:   m.conf.Text(),
		capacityFile: m.capacity.JSON(),
		loggingFile:  logging.RenderFrom(LoggingDefaults, m.spec.Logging, m.in.ConfigMapData, m.in.Namespace),
	}
	if rules, ok := m.metricsRules(); ok {
		data[metricsFile] = rules
	}
	return &corev1.ConfigMap{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"},
		ObjectMeta: specs.ObjectMeta(names.CruiseControlConfig(m.in.Cluster), m.in.Namespace, m.resourceLabels, nil),
		Data:       data,
	}
}

// metricsRules are the JMX exporter's rules, when it is configured.
func (m *Model) metricsRules() (string, bool) {
	if !m.jmxExporter() {
		return "", false
	}
	return metrics.ExporterRules(m.spec.MetricsConfig, m.in.ConfigMapData, m.in.Namespace)
}

// jmxExporter: the only metrics type Cruise Control supports.
func (m *Model) jmxExporter() bool {
	return m.spec.MetricsConfig != nil && m.spec.MetricsConfig.Type == metrics.JMXExporter
}
