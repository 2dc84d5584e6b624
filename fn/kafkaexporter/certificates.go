package kafkaexporter

import (
	"fmt"
	"strings"

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

// Note names the Secrets the exporter pod mounts, which the operator
// issues from its CAs and a renderer cannot: it warns at spec.kafkaExporter.
// Nil for a nil model.
func (m *Model) Note() []results.Problem {
	if m == nil {
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
