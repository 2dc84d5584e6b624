package stretch

import (
	"fmt"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Node is a Kafka node with the alias of the Kubernetes cluster it runs in.
type Node struct {
	nodepools.Node
	Alias string
}

// Port is a port of a node that other clusters reach.
type Port struct {
	Name   string // the Service port name: tcp-ctrlplane, tcp-replication, tcp-clients, …
	Number int    // the container port
	// Slot orders the node's ports for node port numbering: 0 control
	// plane, 1 replication, 2 and on the internal listeners in order.
	Slot int
}

// Ports the nodes always have.
var (
	ControlPlanePort = Port{Name: brokerconfig.ControlPlanePortName, Number: brokerconfig.ControlPlanePort, Slot: 0}
	ReplicationPort  = Port{Name: brokerconfig.ReplicationPortName, Number: brokerconfig.ReplicationPort, Slot: 1}
)

// Network is the brokerconfig package's EndpointProvider and Topology for
// one stretched Kafka: it places nodes by their pool's alias and asks the
// Provider for the addresses of the control plane, replication and
// internal listeners. External listeners keep the addresses their
// configuration gives (brokerconfig.ExternalEndpoint), whatever cluster a
// broker runs in; each cluster exposes its own brokers through them.
// cluster-ip listeners are left out: their names resolve in one cluster.
type Network struct {
	Entry     *config.Stretch
	Index     int // of Entry in spec.stretch, for field paths
	Cluster   string
	Namespace string
	Provider  Provider

	clusterDomain string
	aliases       map[string]string       // pool name to alias
	listeners     []brokerconfig.Listener // internal listeners in spec order
	rendered      []brokerconfig.Listener // the listeners the nodes have, in spec order
}

var (
	_ brokerconfig.EndpointProvider = (*Network)(nil)
	_ brokerconfig.Topology         = (*Network)(nil)
	_ brokerconfig.ListenerSupport  = (*Network)(nil)
)

// New returns the network of a Kafka that Validate found stretched by
// entries[index].
func New(k *strimzi.Kafka, pools []*strimzi.KafkaNodePool, entries []config.Stretch, index int, clusterDomain string) *Network {
	net := &Network{
		Entry: &entries[index], Index: index, Cluster: k.Name, Namespace: k.Namespace,
		clusterDomain: clusterDomain, aliases: map[string]string{},
	}
	for _, p := range pools {
		net.aliases[p.Name] = p.Annotations[AnnoAlias]
	}
	if k.Spec.Kafka != nil {
		for _, l := range k.Spec.Kafka.Listeners {
			bl := kafka.ListenerFrom(l)
			if l.Type == brokerconfig.ListenerInternal {
				net.listeners = append(net.listeners, bl)
			}
			if net.Supports(bl) {
				net.rendered = append(net.rendered, bl)
			}
		}
	}
	net.Provider = newProvider(net)
	return net
}

func newProvider(net *Network) Provider {
	n := net.Entry.Network
	switch n.Provider {
	case config.ProviderNodePort:
		return newNodePort(net)
	case config.ProviderLoadBalancer:
		return newLoadBalancer(net)
	case config.ProviderDNSTemplate:
		return dnsTemplate{cluster: net.Cluster, namespace: net.Namespace, host: n.DNSTemplate.Host}
	default:
		return mcs{cluster: net.Cluster, namespace: net.Namespace, domain: n.MCS.ClustersetDomain, exportBootstrap: n.MCS.ExportBootstrap}
	}
}

// Alias is the alias of the cluster a pool runs in.
func (net *Network) Alias(pool string) string { return net.aliases[pool] }

// Node places a node.
func (net *Network) Node(n nodepools.Node) Node { return Node{Node: n, Alias: net.aliases[n.Pool]} }

// Ports are the ports of a node that other clusters reach: the control
// plane on controllers, replication and the internal listeners on brokers.
func (net *Network) Ports(n nodepools.Node) []Port {
	var out []Port
	if n.Controller {
		out = append(out, ControlPlanePort)
	}
	if n.Broker {
		out = append(out, ReplicationPort)
		for i, l := range net.listeners {
			out = append(out, Port{Name: l.PortName(), Number: l.Port, Slot: 2 + i})
		}
	}
	return out
}

// NodeHost is the host the provider gives the node's control plane.
func (net *Network) NodeHost(n nodepools.Node) string { return net.ControlPlane(n).Host }

// Endpoint is the provider's address of an internal listener on a broker,
// or what an external listener's configuration gives.
func (net *Network) Endpoint(n nodepools.Node, l brokerconfig.Listener) (brokerconfig.Endpoint, error) {
	if l.External() {
		return brokerconfig.ExternalEndpoint(n, l), nil
	}
	for i, il := range net.listeners {
		if il.Name == l.Name {
			return net.Provider.Endpoint(net.Node(n), Port{Name: l.PortName(), Number: l.Port, Slot: 2 + i}), nil
		}
	}
	return brokerconfig.Endpoint{}, fmt.Errorf("listener %s of type %s has no address in a stretch cluster", l.Name, l.Type)
}

// Supports keeps internal listeners, which the provider exposes, and
// external ones, whose addresses hold in every cluster.
func (net *Network) Supports(l brokerconfig.Listener) bool {
	return l.Type == brokerconfig.ListenerInternal || l.External()
}

// ControlPlane is the provider's address of the node's control plane.
func (net *Network) ControlPlane(n nodepools.Node) brokerconfig.Endpoint {
	return net.Provider.Endpoint(net.Node(n), ControlPlanePort)
}

// Replication is the provider's address of the node's replication listener.
func (net *Network) Replication(n nodepools.Node) brokerconfig.Endpoint {
	return net.Provider.Endpoint(net.Node(n), ReplicationPort)
}

// Rack is the node's alias.
func (net *Network) Rack(n nodepools.Node) string { return net.aliases[n.Pool] }

// DynamicQuorum follows spec.stretch[].quorum.
func (net *Network) DynamicQuorum() bool { return net.Entry.Quorum == config.QuorumDynamic }

// path is a field path below this Kafka's spec.stretch entry.
func (net *Network) path(format string, args ...any) string {
	return fmt.Sprintf("spec.stretch[%d].", net.Index) + fmt.Sprintf(format, args...)
}

// clusterIndex is the index of an alias in the entry's clusters.
func (net *Network) clusterIndex(alias string) int {
	for i, c := range net.Entry.Clusters {
		if c.Alias == alias {
			return i
		}
	}
	return -1
}
