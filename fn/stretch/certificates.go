package stretch

import (
	"slices"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// SANs are the subject alternative names a node's certificate needs:
// Strimzi's own, for the cluster's Services and the pod in its cluster,
// then the provider's, each once (Strimzi: ClusterCa.generateBrokerCerts).
// A renderer issues no certificate; the list goes on the node's ConfigMap
// for whoever does.
func (net *Network) SANs(n nodepools.Node) (dns, ips []string) {
	for _, svc := range []string{names.KafkaBootstrapService(net.Cluster), names.KafkaBrokersService(net.Cluster)} {
		ns := svc + "." + net.Namespace
		dns = append(dns, svc, ns, ns+".svc", ns+".svc."+net.clusterDomain)
	}
	pod := n.Pod + "." + names.KafkaBrokersService(net.Cluster) + "." + net.Namespace + ".svc"
	dns = append(dns, pod, pod+"."+net.clusterDomain)
	pdns, ips := net.Provider.SANs(net.Node(n))
	// The listeners' advertised and bootstrap hosts must verify too
	// (KafkaListenersReconciler adds them to the broker's names).
	ldns, lips := brokerconfig.CertificateNames(net.rendered, n, net.Cluster, net.Namespace, net.clusterDomain)
	pdns = append(pdns, ldns...)
	for _, ip := range lips {
		if !slices.Contains(ips, ip) {
			ips = append(ips, ip)
		}
	}
	for _, d := range pdns {
		if !slices.Contains(dns, d) {
			dns = append(dns, d)
		}
	}
	return dns, ips
}
