package kafka

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
)

// Keys of a node's ConfigMap.
const (
	KeyServerConfig    = "server.config"
	KeyLogging         = "log4j2.properties"
	KeyClusterID       = "cluster.id"
	KeyMetadataVersion = "metadata.version"
	KeyMetrics         = "metrics-config.json"
	// KeyInitialControllers holds, on controllers of a dynamic quorum, the
	// value of kafka-storage.sh format --initial-controllers.
	KeyInitialControllers = "initial.controllers"
)

// ConfigMaps returns one ConfigMap per node of the pool, named like its pod:
// server.config, log4j2.properties, cluster.id, metadata.version and, for
// the JMX exporter, metrics-config.json and, on controllers of a dynamic
// quorum, initial.controllers (KafkaCluster.generatePerBrokerConfigurationConfigMaps).
func (m *Model) ConfigMaps(p *Pool) []*corev1.ConfigMap {
	logging := m.Logging()
	metricsJSON, hasMetrics := m.MetricsJSON()
	out := make([]*corev1.ConfigMap, 0, len(p.Nodes))
	for _, n := range p.Nodes {
		data := map[string]string{
			KeyServerConfig:    m.ServerConfig(n.ID),
			KeyLogging:         logging,
			KeyClusterID:       m.ClusterID,
			KeyMetadataVersion: m.MetadataVersion,
		}
		if hasMetrics {
			data[KeyMetrics] = metricsJSON
		}
		if n.Controller && m.Cluster.DynamicQuorum() {
			data[KeyInitialControllers] = m.Cluster.InitialControllers()
		}
		l := cloneLabels(p.resourceLabels)
		l[labels.PodName] = n.Pod
		out = append(out, &corev1.ConfigMap{
			TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"},
			ObjectMeta: m.objectMeta(n.Pod, l, nil),
			Data:       data,
		})
	}
	return out
}
