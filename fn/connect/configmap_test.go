package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestConfigMapMetadata(t *testing.T) {
	m := fixture{metadata: []string{
		"labels: {team: payments, app.kubernetes.io/name: dropped, kustomize.toolkit.fluxcd.io/name: dropped}",
		"annotations: {note: not copied}",
	}}.model(t)
	cm := m.ConfigMap()
	assert.Equal(t, metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"}, cm.TypeMeta)
	assert.Equal(t, "my-connect-connect-config", cm.Name)
	assert.Equal(t, "my-namespace", cm.Namespace)
	assert.Equal(t, resourceLabels(map[string]string{"team": "payments"}), cm.Labels,
		"CR labels pass the default exclusion filter; Strimzi's own win")
	assert.Nil(t, cm.Annotations)
	assert.Nil(t, cm.OwnerReferences)
}

func TestConfigMapData(t *testing.T) {
	t.Run("properties and logging without metrics", func(t *testing.T) {
		cm := connectModel(t).ConfigMap()
		assert.Equal(t, []string{KeyProperties, KeyLogging}, sortedKeys(cm.Data))
		assert.Contains(t, cm.Data[KeyProperties], "\nbootstrap.servers=my-cluster-kafka-bootstrap:9092\n")
		assert.Contains(t, cm.Data[KeyLogging], "rootLogger.level=INFO")
	})
	t.Run("inline loggers", func(t *testing.T) {
		cm := connectModel(t, "logging: {type: inline, loggers: {rootLogger.level: DEBUG}}").ConfigMap()
		assert.Contains(t, cm.Data[KeyLogging], "rootLogger.level=DEBUG")
		assert.NotContains(t, cm.Data[KeyLogging], "rootLogger.level=INFO")
	})
	t.Run("external logging copied from the input ConfigMap", func(t *testing.T) {
		m := fixture{configMaps: map[string]map[string]string{
			"my-logging": {"log4j2.properties": "rootLogger.level=WARN\n"},
		}}.model(t, "logging: {type: external, valueFrom: {configMapKeyRef: {name: my-logging, key: log4j2.properties}}}")
		assert.Contains(t, m.ConfigMap().Data[KeyLogging], "rootLogger.level=WARN")
	})
	t.Run("JMX exporter rules from the input ConfigMap, as JSON", func(t *testing.T) {
		m := fixture{configMaps: map[string]map[string]string{
			"my-metrics": {"rules.yaml": "lowercaseOutputName: true\n"},
		}}.model(t, "metricsConfig: {type: jmxPrometheusExporter, valueFrom: {configMapKeyRef: {name: my-metrics, key: rules.yaml}}}")
		data := m.ConfigMap().Data
		require.Contains(t, data, KeyMetrics)
		assert.JSONEq(t, `{"lowercaseOutputName": true}`, data[KeyMetrics])
	})
	t.Run("the Strimzi metrics reporter needs no rules", func(t *testing.T) {
		cm := connectModel(t, "metricsConfig: {type: strimziMetricsReporter}").ConfigMap()
		assert.NotContains(t, cm.Data, KeyMetrics)
	})
}
