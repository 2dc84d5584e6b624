package brokerconfig

import (
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

// Topology is implemented by an EndpointProvider whose nodes run in several
// Kubernetes clusters. It gives the control-plane and replication endpoints,
// which need not be NodeHost with the container ports (a NodePort Service
// advertises its node port), names the Kubernetes cluster of each node and
// chooses the quorum form. The configuration builder asks it for every
// address, so advertised.listeners, the quorum and the voters agree.
type Topology interface {
	// ControlPlane is the node's CONTROLPLANE-9090 endpoint and its entry
	// in the quorum.
	ControlPlane(n nodepools.Node) Endpoint
	// Replication is the node's REPLICATION-9091 endpoint.
	Replication(n nodepools.Node) Endpoint
	// Rack is the Kubernetes cluster of the node: its broker.rack, or the
	// prefix of the rack spec.kafka.rack gives.
	Rack(n nodepools.Node) string
	// DynamicQuorum writes controller.quorum.bootstrap.servers instead of
	// controller.quorum.voters.
	DynamicQuorum() bool
}

func (c *Cluster) topology() (Topology, bool) {
	t, ok := c.endpoints().(Topology)
	return t, ok
}

// controlPlane is where the node's controller listens for the quorum.
func (c *Cluster) controlPlane(n nodepools.Node) Endpoint {
	if t, ok := c.topology(); ok {
		return t.ControlPlane(n)
	}
	return Endpoint{c.endpoints().NodeHost(n), ControlPlanePort}
}

func (c *Cluster) replication(n nodepools.Node) Endpoint {
	if t, ok := c.topology(); ok {
		return t.Replication(n)
	}
	return Endpoint{c.endpoints().NodeHost(n), ReplicationPort}
}

// DynamicQuorum reports whether the quorum is formed dynamically (KIP-853).
func (c *Cluster) DynamicQuorum() bool {
	t, ok := c.topology()
	return ok && t.DynamicQuorum()
}

func (e Endpoint) String() string { return e.Host + ":" + strconv.Itoa(e.Port) }

// controllers are the controller nodes by node ID.
func (c *Cluster) controllers() []nodepools.Node { return c.shared().controllers }

// sharedConfig is what the configurations of all nodes share, worked out
// once per cluster rather than once per node.
type sharedConfig struct {
	// nodes and listeners are what it was worked out from.
	nodes       []nodepools.Node
	listeners   []Listener
	controllers []nodepools.Node
	// overrides index each listener's configuration.brokers[].
	overrides []map[int]brokerOverride
}

func (c *Cluster) shared() *sharedConfig {
	if s := c.sharedCache; s != nil && sameSlice(s.nodes, c.Nodes) && sameSlice(s.listeners, c.Listeners) {
		return s
	}
	s := &sharedConfig{nodes: c.Nodes, listeners: c.Listeners}
	for _, n := range sortedByID(c.Nodes) {
		if n.Controller {
			s.controllers = append(s.controllers, n)
		}
	}
	for _, l := range c.Listeners {
		s.overrides = append(s.overrides, l.overridesByNode())
	}
	c.sharedCache = s
	return s
}

// sameSlice tells whether a and b are the same slice, not just equal ones.
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// Voters is controller.quorum.voters: <id>@<host>:<port> for every
// controller, by node ID.
func (c *Cluster) Voters() string {
	var out []string
	for _, n := range c.controllers() {
		out = append(out, strconv.Itoa(n.ID)+"@"+c.controlPlane(n).String())
	}
	return strings.Join(out, ",")
}

// BootstrapServers is controller.quorum.bootstrap.servers: the controllers'
// endpoints by node ID, without IDs.
func (c *Cluster) BootstrapServers() string {
	var out []string
	for _, n := range c.controllers() {
		out = append(out, c.controlPlane(n).String())
	}
	return strings.Join(out, ",")
}

// InitialControllers is the --initial-controllers value that formats a
// dynamic quorum: <id>@<host>:<port>:<directory ID> for every controller,
// by node ID, with DirectoryID's stable IDs.
func (c *Cluster) InitialControllers() string {
	var out []string
	for _, n := range c.controllers() {
		out = append(out, strconv.Itoa(n.ID)+"@"+c.controlPlane(n).String()+":"+DirectoryID(c.Namespace, c.Name, n.ID))
	}
	return strings.Join(out, ",")
}

// AdvertisedControlPlane is the node's advertised CONTROLPLANE-9090
// address, "" on brokers.
func (c *Cluster) AdvertisedControlPlane(n nodepools.Node) string {
	if !n.Controller {
		return ""
	}
	return c.controlPlane(n).String()
}

// rackValue prefixes a rack with the node's Kubernetes cluster, so racks of
// different clusters never share a name.
func (c *Cluster) rackValue(n nodepools.Node, rack string) string {
	t, ok := c.topology()
	if !ok {
		return rack
	}
	if rack == "" {
		return t.Rack(n)
	}
	return t.Rack(n) + "-" + rack
}
