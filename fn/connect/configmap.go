package connect

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/logging"
	"github.com/strimzi-render/strimzi-render/fn/metrics"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// Keys of the worker ConfigMap.
const (
	KeyProperties = "kafka-connect.properties"
	KeyLogging    = "log4j2.properties"
	KeyMetrics    = "metrics-config.json"
)

// ConfigMap returns <cluster>-connect-config: the worker properties, the
// logging configuration and, for the JMX exporter, its rules
// (KafkaConnectCluster.generateConnectConfigMap).
func (m *Model) ConfigMap() *corev1.ConfigMap {
	data := map[string]string{
		KeyProperties: m.properties(),
		KeyLogging:    m.logging(),
	}
	if rules, ok := m.metricsRules(); ok {
		data[KeyMetrics] = rules
	}
	return &corev1.ConfigMap{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"},
		ObjectMeta: m.objectMeta(names.ConnectConfig(m.Name), m.resourceLabels, nil),
		Data:       data,
	}
}

// metricsRules is the JMX exporter configuration, copied from the ConfigMap
// key spec.metricsConfig.valueFrom names (it must be among the inputs).
func (m *Model) metricsRules() (string, bool) {
	return metrics.ExporterRules(m.spec.MetricsConfig, m.in.ConfigMapData, m.Namespace)
}

// logging is log4j2.properties from the defaults, inline loggers or the
// external ConfigMap key.
func (m *Model) logging() string {
	return logging.RenderFrom(logging.ConnectDefaults, m.spec.Logging, m.in.ConfigMapData, m.Namespace)
}
