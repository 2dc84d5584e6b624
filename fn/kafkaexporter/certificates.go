package kafkaexporter

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/certmanager"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// certificateSecret is a Secret the exporter pod mounts, with the keys
// kafka_exporter_run.sh reads from it.
type certificateSecret struct {
	Volume    string
	MountPath string
	Secret    string
	Keys      []string
	// Items maps keys of the Secret to the file names the script reads,
	// when they differ (cert-manager mode).
	Items []corev1.KeyToPath
	// Content says what the keys hold, for the note.
	Content string
}

// certificateSecrets are the exporter's TLS material, as the operator's CA
// mode provides it: its client certificate, signed by the cluster CA with
// the common name <cluster>-kafka-exporter
// (KafkaExporter.generateCertificatesSecret), and the cluster CA
// certificate from the trust bundle. Volumes and the note both come from
// this list.
func (m *Model) certificateSecrets() []certificateSecret {
	if cm := m.in.CertManager; cm != nil {
		return m.certManagerSecrets(cm)
	}
	return []certificateSecret{
		{
			Volume: "kafka-exporter-certs", MountPath: "/etc/kafka-exporter/kafka-exporter-certs/",
			Secret: names.KafkaExporterCerts(m.in.Cluster), Keys: []string{"kafka-exporter.crt", "kafka-exporter.key"},
			Content: "a client certificate for " + m.Name + " signed by the cluster CA, and its key",
		},
		{
			Volume: "cluster-ca-certs", MountPath: "/etc/kafka-exporter/cluster-ca-certs/",
			Secret: names.KafkaTrustBundle(m.in.Cluster), Keys: []string{"cluster-ca.crt"},
			Content: "the cluster CA certificate",
		},
	}
}

// certManagerSecrets are the same volumes in cert-manager mode: the Secret
// cert-manager writes for the exporter's Certificate and the user's CA
// Secret, their keys mounted under the file names kafka_exporter_run.sh
// reads.
func (m *Model) certManagerSecrets(cm *CertManagerCA) []certificateSecret {
	return []certificateSecret{
		{
			Volume: "kafka-exporter-certs", MountPath: "/etc/kafka-exporter/kafka-exporter-certs/",
			Secret: certmanager.SecretName(names.KafkaExporterCerts(m.in.Cluster)),
			Items: []corev1.KeyToPath{
				{Key: certmanager.KeyCert, Path: "kafka-exporter.crt"},
				{Key: certmanager.KeyKey, Path: "kafka-exporter.key"},
			},
		},
		{
			Volume: "cluster-ca-certs", MountPath: "/etc/kafka-exporter/cluster-ca-certs/",
			Secret: cm.TrustSecret, Items: []corev1.KeyToPath{{Key: cm.TrustKey, Path: "cluster-ca.crt"}},
		},
	}
}

// Certificate is the exporter's cert-manager Certificate, nil unless the
// cluster CA is of type cert-manager.io.
func (m *Model) Certificate() *certmanager.Certificate {
	if m == nil || m.in.CertManager == nil {
		return nil
	}
	return m.in.CertManager.CA.KafkaExporter(certmanager.Component{Cluster: m.in.Cluster, Namespace: m.in.Namespace, Labels: m.resourceLabels})
}

// Note names the Secrets the exporter pod mounts, which the operator
// issues from its CAs and a renderer cannot: it warns at spec.kafkaExporter.
// Nil for a nil model.
func (m *Model) Note() []results.Problem {
	if m == nil || m.in.CertManager != nil {
		return nil
	}
	var parts []string
	for _, s := range m.certificateSecrets() {
		keys := "key "
		if len(s.Keys) > 1 {
			keys = "keys "
		}
		parts = append(parts, fmt.Sprintf("Secret %s (%s%s: %s)", s.Secret, keys, strings.Join(s.Keys, " and "), s.Content))
	}
	return []results.Problem{results.Warningf("spec.kafkaExporter",
		"Kafka Exporter %s reads certificates from Secrets the operator creates and strimzi-render does not: %s. Create them before the pod starts, for example by running the Strimzi operator once or with cert-manager",
		m.Name, strings.Join(parts, " and "))}
}
