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
		ObjectMeta: m.objectMeta(names.ConnectConfig(m.Cluster), m.resourceLabels, nil),
		Data:       data,
	}
}

// metricsRules is the JMX exporter configuration, copied from the ConfigMap
// key spec.metricsConfig.valueFrom names (it must be among the inputs).
func (m *Model) metricsRules() (string, bool) {
	mc := m.spec.MetricsConfig
	if mc == nil || mc.Type != MetricsJMXExporter || mc.ValueFrom == nil || mc.ValueFrom.ConfigMapKeyRef == nil {
		return "", false
	}
	text, ok := m.configMapKey(mc.ValueFrom.ConfigMapKeyRef.Name, mc.ValueFrom.ConfigMapKeyRef.Key)
	if !ok {
		return "", false
	}
	json, err := metricsJSON(text)
	return json, err == nil // validated
}

// logging is log4j2.properties from the defaults, inline loggers or the
// external ConfigMap key.
func (m *Model) logging() string {
	var external string
	if l := m.spec.Logging; l != nil && l.ValueFrom != nil && l.ValueFrom.ConfigMapKeyRef != nil {
		external, _ = m.configMapKey(l.ValueFrom.ConfigMapKeyRef.Name, l.ValueFrom.ConfigMapKeyRef.Key)
	}
	return logging.Render(logging.ConnectDefaults, m.spec.Logging, external)
}

// configMapKey reads a key of a ConfigMap among the input resources.
func (m *Model) configMapKey(name, key string) (string, bool) {
	if m.in.ConfigMapData == nil {
		return "", false
	}
	data, ok := m.in.ConfigMapData(m.Ns, name)
	if !ok {
		return "", false
	}
	v, ok := data[key]
	return v, ok
}

var metricsJSON = metrics.ExporterJSON
