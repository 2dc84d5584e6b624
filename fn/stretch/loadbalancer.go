package stretch

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// loadBalancer gives each node a LoadBalancer Service in its own cluster.
// The address of each is pinned in the config, by node ID, and optionally
// requested with an annotation (MetalLB, external-dns); nodes advertise it
// with their own ports.
type loadBalancer struct {
	key     string
	address map[int]string
}

func newLoadBalancer(net *Network) loadBalancer {
	p := loadBalancer{address: map[int]string{}}
	if lb := net.Entry.Network.LoadBalancer; lb != nil {
		p.key = lb.AnnotationKey
	}
	for _, c := range net.Entry.Clusters {
		if c.LoadBalancer == nil {
			continue
		}
		for id, addr := range c.LoadBalancer.Addresses {
			if n, err := strconv.Atoi(id); err == nil {
				p.address[n] = addr // keys validated with the config
			}
		}
	}
	return p
}

func (p loadBalancer) Name() string { return config.ProviderLoadBalancer }

func (p loadBalancer) Endpoint(n Node, port Port) brokerconfig.Endpoint {
	return brokerconfig.Endpoint{Host: p.address[n.ID], Port: port.Number}
}

func (p loadBalancer) ClusterObjects(*kafka.Model, string) []specs.Object { return nil }

// NodeObjects is <pod>-lb.
func (p loadBalancer) NodeObjects(m *kafka.Model, pool *kafka.Pool, n Node, ports []Port) []specs.Object {
	var a map[string]string
	if p.key != "" {
		a = map[string]string{p.key: p.address[n.ID]}
	}
	return []specs.Object{nodeService(m, pool, n, n.Pod+"-lb", corev1.ServiceTypeLoadBalancer, ports, noNodePort, a)}
}

func (p loadBalancer) SANs(n Node) (dns, ips []string) { return addressSANs(p.address[n.ID]) }

// Check gives every node an address of its own, listed under its cluster.
func (p loadBalancer) Check(net *Network, nodes []Node) []results.Problem {
	var out []results.Problem
	byID := map[int]Node{}
	for _, n := range nodes {
		byID[n.ID] = n
		out = append(out, serviceName(net, n, n.Pod+"-lb")...)
	}
	for ci, c := range net.Entry.Clusters {
		var addrs map[string]string
		if c.LoadBalancer != nil {
			addrs = c.LoadBalancer.Addresses
		}
		path := net.path("clusters[%d].loadBalancer.addresses", ci)
		for _, n := range nodes {
			if n.Alias == c.Alias && addrs[strconv.Itoa(n.ID)] == "" {
				out = append(out, results.Problem{Path: path, Message: fmt.Sprintf(
					"Kafka %s: node %d (%s) in cluster %s has no address: add \"%d\": <IP address or DNS name of its LoadBalancer Service>",
					net.Cluster, n.ID, n.Pod, c.Alias, n.ID)})
			}
		}
		for _, id := range sortedIDs(addrs) {
			if n, ok := byID[id]; !ok || n.Alias != c.Alias {
				out = append(out, results.Problem{Path: fmt.Sprintf("%s.%d", path, id), Message: fmt.Sprintf(
					"Kafka %s: node %d is not a node of cluster %s", net.Cluster, id, c.Alias)})
			}
		}
	}
	seen := map[string]int{}
	for _, n := range nodes {
		addr := p.address[n.ID]
		if prev, ok := seen[addr]; ok && addr != "" {
			out = append(out, results.Problem{Path: net.path("clusters[%d].loadBalancer.addresses.%d", net.clusterIndex(n.Alias), n.ID), Message: fmt.Sprintf(
				"Kafka %s: address %s is given to node %d and node %d: every node needs its own load balancer address", net.Cluster, addr, prev, n.ID)})
			continue
		}
		seen[addr] = n.ID
	}
	if p.key == metalLBAddressAnnotation {
		for _, n := range nodes {
			if addr := p.address[n.ID]; addr != "" && !isIPAddress(addr) {
				out = append(out, results.Problem{Path: net.path("clusters[%d].loadBalancer.addresses.%d", net.clusterIndex(n.Alias), n.ID), Message: fmt.Sprintf(
					"Kafka %s: node %d's address %s is not an IP address: MetalLB's %s takes IP addresses only; give the IP address, or request a DNS name with another annotationKey (such as external-dns.alpha.kubernetes.io/hostname)",
					net.Cluster, n.ID, addr, metalLBAddressAnnotation)})
			}
		}
	}
	return out
}

func isIPAddress(s string) bool {
	_, err := netip.ParseAddr(s)
	return err == nil
}

// metalLBAddressAnnotation requests MetalLB addresses; it takes IP
// addresses only.
const metalLBAddressAnnotation = "metallb.universe.tf/loadBalancerIPs"

func sortedIDs(m map[string]string) []int {
	var out []int
	for k := range m {
		if id, err := strconv.Atoi(k); err == nil {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func (p loadBalancer) Note() string {
	return "LoadBalancer: nothing makes the load balancer controller assign the configured addresses; request them (annotationKey) and check each Service's status after it is created"
}
