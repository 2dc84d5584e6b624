package kafka

import (
	"strconv"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafkaexporter"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// KafkaExporter is the cluster's Kafka Exporter, nil without
// spec.kafkaExporter. It connects to the bootstrap Service on the
// replication port with a certificate from the cluster CA
// (KafkaExporter.getEnvVars).
func (m *Model) KafkaExporter() *kafkaexporter.Model {
	filter, _ := labels.NewFilter(m.cfg.LabelsExclusionPattern) // validated with the config
	return kafkaexporter.New(m.cr.Spec.KafkaExporter, kafkaexporter.Inputs{
		Cluster: m.Name, Namespace: m.Namespace, CRLabels: filter.Apply(m.cr.Labels),
		BootstrapAddress: names.KafkaBootstrapService(m.Name) + ":" + strconv.Itoa(brokerconfig.ReplicationPort),
		KafkaVersion:     m.Version,
		CertManager:      m.kafkaExporterCertManager(),
	}, m.cfg)
}

// kafkaExporterCertManager is the cluster CA as the exporter needs it in
// cert-manager mode, or nil.
func (m *Model) kafkaExporterCertManager() *kafkaexporter.CertManagerCA {
	cluster := m.ClusterCA()
	ca, ok := certManagerCA(cluster)
	if !ok {
		return nil
	}
	return &kafkaexporter.CertManagerCA{CA: ca, TrustSecret: cluster.CertManager.CACert.SecretName, TrustKey: cluster.CertManager.CACert.Certificate}
}

// kafkaExporterNotes name the Secrets the exporter mounts. A stretch
// cluster does not render the exporter, so its Secrets are not needed.
func (m *Model) kafkaExporterNotes() []results.Problem {
	if _, inOneCluster := m.Cluster.Endpoints.(brokerconfig.InCluster); !inOneCluster {
		return nil
	}
	return m.KafkaExporter().Note()
}

// kafkaExporter adds the problems of spec.kafkaExporter.
func (v *validator) kafkaExporter() {
	for _, p := range kafkaexporter.Validate(v.k.Spec.KafkaExporter, v.cfg) {
		v.add("", p)
	}
}
