package stretch

import (
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

var _ kafka.CertificateNamer = (*Network)(nil)

// CertificateNames are the names and addresses by which the provider
// makes a node reachable from other clusters; the Kafka model adds them to
// Strimzi's own in kafka.Model.CertificateNames.
func (net *Network) CertificateNames(n nodepools.Node) (dns, ips []string) {
	return net.Provider.SANs(net.Node(n))
}
