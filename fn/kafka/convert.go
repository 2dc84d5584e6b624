package kafka

import (
	"slices"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Metrics types (spec.kafka.metricsConfig.type).
const (
	MetricsJMXExporter     = "jmxPrometheusExporter"
	MetricsStrimziReporter = "strimziMetricsReporter"
)

// defaultMetricsAllowList is KafkaCluster.DEFAULT_METRICS_ALLOW_LIST, used by
// the Strimzi metrics reporter when values.allowList is not set.
var defaultMetricsAllowList = []string{
	"kafka_cluster_partition.*",
	"kafka_controller_kafkacontroller.*",
	"kafka_controller_controllerstats_uncleanleaderelectionspersec",
	"kafka_log_log_size",
	"kafka_network_requestmetrics.*",
	"kafka_network_socketserver_networkprocessoravgidlepercent",
	"kafka_server_app_info.*",
	"kafka_server_brokertopicmetrics.*",
	"kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent",
	"kafka_server_kafkaserver_brokerstate",
	"kafka_server_kafkaserver_clusterid",
	"kafka_server_kafkaserver_linux.*",
	"kafka_server_raft.*",
	"kafka_server_replicamanager.*",
	"kafka_server_request_queue_size",
	"kafka_server_socket_server.*",
}

// listenerFrom turns a listener of the custom resource into the builder's.
// ListenerFrom turns a listener of the custom resource into the broker
// configuration's Listener.
func ListenerFrom(l strimzi.GenericKafkaListener) brokerconfig.Listener { return listenerFrom(l) }

func listenerFrom(l strimzi.GenericKafkaListener) brokerconfig.Listener {
	out := brokerconfig.Listener{Name: l.Name, Port: l.Port, Type: l.Type, TLS: l.TLS}
	if a := l.Authentication; a != nil {
		out.Auth = &brokerconfig.ListenerAuth{Type: a.Type, SASL: a.Sasl, ListenerConfig: a.ListenerConfig}
	}
	if c := l.Configuration; c != nil {
		out.Config = brokerconfig.ListenerConfig{
			MaxConnections:            c.MaxConnections,
			MaxConnectionCreationRate: c.MaxConnectionCreationRate,
			CustomCert:                c.BrokerCertChainAndKey != nil,
			UseServiceDNSDomain:       c.UseServiceDNSDomain != nil && *c.UseServiceDNSDomain,
			AdvertisedHostTemplate:    c.AdvertisedHostTemplate,
		}
		if u := c.BrokerCertChainAndKey; u != nil {
			out.Config.UserCert = brokerconfig.UserCert{Secret: u.SecretName, Certificate: u.Certificate, Key: u.Key}
		}
		for _, b := range c.Brokers {
			if b.Broker != nil {
				out.Config.Brokers = append(out.Config.Brokers, brokerconfig.ListenerBroker{
					Broker: *b.Broker, AdvertisedHost: b.AdvertisedHost, AdvertisedPort: b.AdvertisedPort,
				})
			}
		}
	}
	return out
}

// storageFrom turns a pool's spec.storage into its node pool Storage.
func storageFrom(s *strimzi.KafkaStorage) nodepools.Storage {
	if s == nil {
		return nodepools.Storage{}
	}
	out := nodepools.Storage{Volume: volumeFrom(*s)}
	for _, v := range s.Volumes {
		out.Volumes = append(out.Volumes, volumeFrom(v))
	}
	return out
}

func volumeFrom(s strimzi.KafkaStorage) nodepools.Volume {
	return nodepools.Volume{
		Type: s.Type, ID: s.ID, SizeLimit: s.SizeLimit, Size: s.Size, Class: s.Class,
		VolumeAttributesClass: s.VolumeAttributesClass, Selector: s.Selector,
		DeleteClaim: s.DeleteClaim, KRaftMetadata: s.KRaftMetadata,
	}
}

// nodePoolFrom is what node ID assignment needs from a pool.
func nodePoolFrom(p *strimzi.KafkaNodePool) nodepools.NodePool {
	np := nodepools.NodePool{
		Name:          p.Name,
		Roles:         slices.Clone(p.Spec.Roles),
		StatusNodeIDs: p.Status.NodeIDs,
		NextNodeIDs:   p.Annotations[nodepools.AnnoNextNodeIDs],
		RemoveNodeIDs: p.Annotations[nodepools.AnnoRemoveNodeIDs],
		Storage:       storageFrom(p.Spec.Storage),
	}
	if p.Spec.Replicas != nil && *p.Spec.Replicas > 0 {
		np.Replicas = int(*p.Spec.Replicas)
	}
	return np
}

func rackFrom(r *strimzi.Rack) *brokerconfig.Rack {
	if r == nil {
		return nil
	}
	return &brokerconfig.Rack{Type: r.Type, TopologyKey: r.TopologyKey, EnvVarName: r.EnvVarName}
}

func authorizationFrom(a *strimzi.KafkaAuthorization) *brokerconfig.Authorization {
	if a == nil {
		return nil
	}
	return &brokerconfig.Authorization{Type: a.Type, SuperUsers: a.SuperUsers, AuthorizerClass: a.AuthorizerClass}
}

func tieredStorageFrom(t *strimzi.TieredStorage) *brokerconfig.TieredStorage {
	if t == nil {
		return nil
	}
	out := &brokerconfig.TieredStorage{}
	if rsm := t.RemoteStorageManager; rsm != nil {
		out.ClassName, out.ClassPath, out.Config = rsm.ClassName, rsm.ClassPath, rsm.Config
	}
	return out
}

func quotasFrom(q *strimzi.Quotas) *brokerconfig.Quotas {
	if q == nil {
		return nil
	}
	return &brokerconfig.Quotas{
		Type: q.Type, ProducerByteRate: q.ProducerByteRate, ConsumerByteRate: q.ConsumerByteRate,
		MinAvailableBytesPerVolume: q.MinAvailableBytesPerVolume,
		MinAvailableRatioPerVolume: q.MinAvailableRatioPerVolume,
		ExcludedPrincipals:         q.ExcludedPrincipals,
	}
}

func metricsFrom(m *strimzi.MetricsConfig) brokerconfig.Metrics {
	switch {
	case m == nil:
		return brokerconfig.Metrics{}
	case m.Type == MetricsJMXExporter:
		return brokerconfig.Metrics{JMXExporter: true}
	case m.Type == MetricsStrimziReporter:
		allow := defaultMetricsAllowList
		if m.Values != nil && len(m.Values.AllowList) > 0 {
			allow = m.Values.AllowList
		}
		return brokerconfig.Metrics{StrimziReporter: &brokerconfig.StrimziReporter{AllowList: allow}}
	}
	return brokerconfig.Metrics{}
}
