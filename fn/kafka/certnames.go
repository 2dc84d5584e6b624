package kafka

import (
	"net"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// CertificateNamer is an endpoint provider whose nodes are also reached by
// names of its own (a stretch cluster's network provider); they go into
// each node's certificate after Strimzi's.
type CertificateNamer interface {
	CertificateNames(n nodepools.Node) (dns, ips []string)
}

// CertificateNames are the DNS names and IP addresses of a node's
// certificate, each once: what Strimzi 1.2.0 puts in it
// (KafkaCluster.buildKafkaNodeCertsSubject, with the addresses
// KafkaListenersReconciler collects for brokers), then the endpoint
// provider's. Strimzi keeps them in hash sets; the order here is fixed.
// This is the one place that decides a node's names: listeners that gain
// advertised addresses add them in brokerNames.
func (m *Model) CertificateNames(n nodepools.Node) (dns, ips []string) {
	s := &sanSet{}
	for _, svc := range []string{names.KafkaBootstrapService(m.Name), names.KafkaBrokersService(m.Name)} {
		s.add(m.serviceNames(svc)...)
	}
	pod := n.Pod + "." + names.KafkaBrokersService(m.Name) + "." + m.Namespace + ".svc"
	s.add(pod, pod+"."+m.clusterDomain())
	// Controller-only nodes leave out the listeners' names, as Strimzi
	// does, so that listener changes do not roll them.
	if n.Broker {
		s.add(m.brokerNames(n)...)
	}
	if p, ok := m.Cluster.Endpoints.(CertificateNamer); ok {
		pdns, pips := p.CertificateNames(n)
		s.add(pdns...)
		s.add(pips...)
	}
	return s.dns, s.ips
}

// brokerNames are the listeners' names of a broker: every listener's
// bootstrap alternativeNames, and on TLS listeners the cluster-ip
// bootstrap Service, the per-broker Service and any advertisedHost the
// user gives (KafkaListenersReconciler.internalServicesReady and
// clusterIPServicesReady).
func (m *Model) brokerNames(n nodepools.Node) []string {
	var out []string
	for _, l := range m.spec.Listeners {
		if c := l.Configuration; c != nil && c.Bootstrap != nil {
			out = append(out, c.Bootstrap.AlternativeNames...)
		}
	}
	for _, l := range m.Listeners {
		if !l.TLS {
			continue
		}
		switch l.Type {
		case brokerconfig.ListenerClusterIP:
			out = append(out, m.serviceNames(names.KafkaListenerBootstrapService(m.Name, l.Name))...)
			host := brokerconfig.PerBrokerService(names.KafkaPodSet(m.Name, n.Pool), n.ID, l) + "." + m.Namespace + ".svc"
			if l.Config.UseServiceDNSDomain {
				host += "." + m.clusterDomain()
			}
			out = append(out, host)
		}
		if h := l.UserAdvertisedHost(n); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// serviceNames are the four names of a Service: <svc>, <svc>.<ns>,
// <svc>.<ns>.svc and with the cluster domain
// (ModelUtils.generateAllServiceDnsNames).
func (m *Model) serviceNames(svc string) []string {
	ns := svc + "." + m.Namespace
	return []string{svc, ns, ns + ".svc", ns + ".svc." + m.clusterDomain()}
}

func (m *Model) clusterDomain() string {
	if m.cfg.ClusterDomain == "" {
		return brokerconfig.DefaultClusterDomain
	}
	return m.cfg.ClusterDomain
}

// sanSet keeps names in first-seen order, IP addresses apart.
type sanSet struct{ dns, ips []string }

func (s *sanSet) add(names ...string) {
	for _, name := range names {
		if ip := net.ParseIP(name); ip != nil {
			// One spelling per address, as Strimzi normalises IPv6.
			if a := ip.String(); !slices.Contains(s.ips, a) {
				s.ips = append(s.ips, a)
			}
			continue
		}
		if !slices.Contains(s.dns, name) {
			s.dns = append(s.dns, name)
		}
	}
}

// CertificateNameProblems reports names a node's Certificate would hold
// that are neither DNS names nor IP addresses, such as an advertisedHost
// with a blank: cert-manager cannot issue them, and Strimzi refuses them
// too (StrimziSubject.addDnsNames). Only a cert-manager.io cluster CA
// renders Certificates.
func (m *Model) CertificateNameProblems() []results.Problem {
	if !m.ClusterCA().CertManagerMode() {
		return nil
	}
	var out []results.Problem
	seen := map[string]bool{}
	for _, n := range m.Cluster.Nodes {
		dns, _ := m.CertificateNames(n)
		for _, d := range dns {
			if seen[d] || validDNSName(d) {
				continue
			}
			seen[d] = true
			out = append(out, results.Errorf("spec.kafka.listeners", "%q would be a DNS name in the Certificate of node %d: it is neither a DNS name nor an IP address", d, n.ID))
		}
	}
	return out
}

// validDNSName accepts a lower-case DNS name or a wildcard one, as
// certificates hold them.
func validDNSName(name string) bool {
	return len(validation.IsDNS1123Subdomain(strings.ToLower(strings.TrimPrefix(name, "*.")))) == 0
}
