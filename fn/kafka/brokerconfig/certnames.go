package brokerconfig

import (
	"net/netip"
	"slices"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// CertificateNames are the names and addresses the listeners add to a
// broker's certificate, each once, in listener order: the bootstrap names
// of every listener, then the broker's own. Controller-only nodes get
// none. Strimzi collects them in KafkaListenersReconciler and adds them
// in KafkaCluster.buildKafkaNodeCertsSubject, reading some from the
// running cluster; here they are what the custom resource states:
//
//   - every listener's bootstrap alternativeNames;
//   - TLS cluster-ip listeners: their bootstrap Service's and the broker's
//     Service's DNS names;
//   - loadbalancer: the requested loadBalancerIPs;
//   - route, ingress, tlsroute: the bootstrap and broker hosts;
//   - a broker's advertisedHost (or advertisedHostTemplate) on every
//     listener but TLS-less internal and cluster-ip ones.
//
// A load balancer's address that is not requested, and a Route's host that
// OpenShift generates, are not known and not named.
func CertificateNames(listeners []Listener, n nodepools.Node, cluster, namespace, clusterDomain string) (dns, ips []string) {
	if !n.Broker {
		return nil, nil
	}
	if clusterDomain == "" {
		clusterDomain = DefaultClusterDomain
	}
	var all []string
	for _, l := range listeners {
		all = append(all, l.Config.AlternativeNames...)
		switch {
		case l.Type == ListenerClusterIP && l.TLS:
			svc := names.KafkaListenerBootstrapService(cluster, l.Name)
			all = append(all, svc, svc+"."+namespace, svc+"."+namespace+".svc", svc+"."+namespace+".svc."+clusterDomain)
		case l.Type == ListenerLoadBalancer:
			all = append(all, l.Config.BootstrapLoadBalancerIP)
		case l.HostRouted():
			all = append(all, l.Config.BootstrapHost)
		}
	}
	for _, l := range listeners {
		switch {
		case l.Type == ListenerClusterIP && l.TLS:
			host := PerBrokerService(names.KafkaPodSet(cluster, n.Pool), n.ID, l) + "." + namespace + ".svc"
			if l.Config.UseServiceDNSDomain {
				host += "." + clusterDomain
			}
			all = append(all, host)
		case l.Type == ListenerLoadBalancer:
			all = append(all, l.BrokerLoadBalancerIP(n.ID))
		case l.HostRouted():
			all = append(all, l.BrokerHost(n))
		}
		if l.External() || l.TLS {
			all = append(all, l.UserAdvertisedHost(n))
		}
	}
	for _, name := range all {
		switch {
		case name == "":
		case isIP(name):
			if !slices.Contains(ips, name) {
				ips = append(ips, name)
			}
		case !slices.Contains(dns, name):
			dns = append(dns, name)
		}
	}
	return dns, ips
}

func isIP(s string) bool {
	_, err := netip.ParseAddr(s)
	return err == nil
}
