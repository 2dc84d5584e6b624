package kafka

import (
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

// ExternalCertificateNames are the DNS names and IP addresses the
// listeners add to a node's certificate, besides the Services' and the
// pod's own names (brokerconfig.CertificateNames): every advertised host
// of a TLS or external listener and the bootstrap hosts, as Strimzi's
// KafkaListenersReconciler collects them for the cluster CA.
func (m *Model) ExternalCertificateNames(n nodepools.Node) (dns, ips []string) {
	return brokerconfig.CertificateNames(m.Listeners, n, m.Name, m.Namespace, m.cfg.ClusterDomain)
}
