package stretch

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// nodePort gives each node a NodePort Service in its own cluster. Node
// ports are pinned (portBase + node ID × stride + slot) and every cluster's
// address comes from the config: nothing is assigned or looked up at run
// time. Nodes advertise <cluster address>:<node port>.
type nodePort struct {
	cfg       config.NodePortNetwork
	addresses map[string]string // alias to address
}

func newNodePort(net *Network) nodePort {
	p := nodePort{cfg: *net.Entry.Network.NodePort, addresses: map[string]string{}}
	for _, c := range net.Entry.Clusters {
		if c.NodePort != nil {
			p.addresses[c.Alias] = c.NodePort.Address
		}
	}
	return p
}

func (p nodePort) Name() string { return config.ProviderNodePort }

func (p nodePort) port(n Node, port Port) int {
	return p.cfg.PortBase + n.ID*p.cfg.Stride + port.Slot
}

func (p nodePort) Endpoint(n Node, port Port) brokerconfig.Endpoint {
	return brokerconfig.Endpoint{Host: p.addresses[n.Alias], Port: p.port(n, port)}
}

func (p nodePort) ClusterObjects(*kafka.Model, string) []specs.Object { return nil }

// NodeObjects is <pod>-nodeport.
func (p nodePort) NodeObjects(m *kafka.Model, pool *kafka.Pool, n Node, ports []Port) []specs.Object {
	return []specs.Object{nodeService(m, pool, n, n.Pod+"-nodeport", corev1.ServiceTypeNodePort, ports,
		func(port Port) int32 { return int32(p.port(n, port)) }, nil)}
}

func (p nodePort) SANs(n Node) (dns, ips []string) { return addressSANs(p.addresses[n.Alias]) }

// Check keeps every node port in the cluster's range and unique in its cluster.
func (p nodePort) Check(net *Network, nodes []Node) []results.Problem {
	var out []results.Problem
	path := net.path("network.nodePort")
	used := map[string]map[int]owner{}
	for _, n := range nodes {
		out = append(out, serviceName(net, n, n.Pod+"-nodeport")...)
		if used[n.Alias] == nil {
			used[n.Alias] = map[int]owner{}
		}
		for _, port := range net.Ports(n.Node) {
			np := p.port(n, port)
			if np < p.cfg.RangeMin || np > p.cfg.RangeMax {
				out = append(out, results.Problem{Path: path, Message: fmt.Sprintf(
					"Kafka %s: node port %d of node %d (%s, %s) is outside the node port range %d-%d: lower portBase or stride, or widen the range",
					net.Cluster, np, n.ID, n.Pod, port.Name, p.cfg.RangeMin, p.cfg.RangeMax)})
			}
			if prev, ok := used[n.Alias][np]; ok {
				out = append(out, results.Problem{Path: path + ".stride", Message: fmt.Sprintf(
					"Kafka %s: node port %d is given to node %d (%s) and node %d (%s) in cluster %s: the stride must exceed the slots a node uses",
					net.Cluster, np, prev.node.ID, prev.port.Name, n.ID, port.Name, n.Alias)})
				continue
			}
			used[n.Alias][np] = owner{n, port}
		}
	}
	return append(out, p.listenerCollisions(net, nodes, used)...)
}

// listenerCollisions reports the pinned node ports of listener Services
// that the provider gives a node of the same cluster: the API server
// refuses the second Service to claim one.
func (p nodePort) listenerCollisions(net *Network, nodes []Node, used map[string]map[int]owner) []results.Problem {
	var out []results.Problem
	report := func(alias string, np int, what string, l brokerconfig.Listener) {
		if prev, ok := used[alias][np]; ok {
			out = append(out, results.Problem{Path: net.path("network.nodePort"), Message: fmt.Sprintf(
				"Kafka %s: node port %d of listener %s (%s) is also the node port of node %d (%s) in cluster %s: move portBase, or the listener's nodePort",
				net.Cluster, np, l.Name, what, prev.node.ID, prev.port.Name, alias)})
		}
	}
	for _, l := range net.rendered {
		if l.Type != brokerconfig.ListenerNodePort && l.Type != brokerconfig.ListenerLoadBalancer {
			continue
		}
		if bp := l.Config.BootstrapNodePort; bp != 0 {
			for _, alias := range net.Entry.Aliases() {
				report(alias, bp, "its bootstrap Service", l)
			}
		}
		for _, n := range nodes {
			if np := l.BrokerNodePort(n.ID); n.Broker && np != 0 {
				report(n.Alias, np, fmt.Sprintf("the Service of broker %d", n.ID), l)
			}
		}
	}
	return out
}

func (p nodePort) Note() string {
	return "NodePort: other clusters reach every node of a cluster at that cluster's one address, so the firewall must open the node ports between clusters, " +
		"and node certificates share that address as SAN: the TLS identity is per cluster, not per node"
}

// owner is the node and port a provider node port belongs to.
type owner struct {
	node Node
	port Port
}

// serviceName checks the name of a provider's per-node Service.
func serviceName(net *Network, n Node, name string) []results.Problem {
	if msgs := validation.IsDNS1035Label(name); len(msgs) > 0 {
		return []results.Problem{{Path: net.path("network.provider"), Message: fmt.Sprintf(
			"Kafka %s: Service %s of node %d cannot be named so: %s; shorten the Kafka or KafkaNodePool name", net.Cluster, name, n.ID, msgs[0])}}
	}
	return nil
}
