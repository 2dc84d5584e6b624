package brokerconfig

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

// ExternalTLSPort is the port clients reach route, ingress and tlsroute
// listeners on (KafkaCluster.ROUTE_PORT, INGRESS_PORT, TLSROUTE_PORT).
const ExternalTLSPort = 443

// HasOwnServices reports whether the listener has a bootstrap Service and
// one Service per broker of its own: every type but internal
// (ListenersUtils.listenersWithOwnServices).
func (l Listener) HasOwnServices() bool { return l.Type != ListenerInternal }

// External reports whether clients outside Kubernetes reach the listener.
func (l Listener) External() bool {
	switch l.Type {
	case ListenerNodePort, ListenerLoadBalancer, ListenerRoute, ListenerIngress, ListenerTLSRoute:
		return true
	}
	return false
}

// HostRouted reports whether the listener's brokers are told apart by
// host name (route, ingress, tlsroute), which configuration.brokers[].host
// and hostTemplate give.
func (l Listener) HostRouted() bool {
	return l.Type == ListenerRoute || l.Type == ListenerIngress || l.Type == ListenerTLSRoute
}

// BrokerHost is the node's configuration.brokers[].host, else its
// hostTemplate, else "" (ListenersUtils.brokerHost).
func (l Listener) BrokerHost(n nodepools.Node) string {
	for _, b := range l.Config.Brokers {
		if b.Broker == n.ID && b.Host != "" {
			return b.Host
		}
	}
	if t := l.Config.HostTemplate; t != "" {
		return RenderTemplate(t, n)
	}
	return ""
}

// BrokerNodePort is the node's pinned configuration.brokers[].nodePort, or 0.
func (l Listener) BrokerNodePort(nodeID int) int {
	for _, b := range l.Config.Brokers {
		if b.Broker == nodeID && b.NodePort != nil {
			return *b.NodePort
		}
	}
	return 0
}

// BrokerLoadBalancerIP is the node's configuration.brokers[].loadBalancerIP, or "".
func (l Listener) BrokerLoadBalancerIP(nodeID int) string {
	for _, b := range l.Config.Brokers {
		if b.Broker == nodeID && b.LoadBalancerIP != "" {
			return b.LoadBalancerIP
		}
	}
	return ""
}

// ExternalEndpoint is where a broker is reached on an external listener,
// before configuration.brokers[] and the advertised templates override it,
// as far as the custom resource states it. Strimzi reads the rest from the
// running cluster (KafkaListenersReconciler); a Host or Port left empty
// here must come from an override.
//
//   - nodeport: the address of the Kubernetes node the broker runs on, which
//     the kafka-init container writes before Kafka starts, and the pinned
//     node port of the broker's Service;
//   - loadbalancer: the loadBalancerIP requested for the broker's Service
//     (the operator reads the Service's status), on the listener's port;
//   - route, ingress, tlsroute: the broker's host, on port 443.
func ExternalEndpoint(n nodepools.Node, l Listener) Endpoint {
	switch l.Type {
	case ListenerNodePort:
		return Endpoint{Host: NodePortAddress(l.Config.PreferredNodePortAddressType), Port: l.BrokerNodePort(n.ID)}
	case ListenerLoadBalancer:
		return Endpoint{Host: l.BrokerLoadBalancerIP(n.ID), Port: l.Port}
	case ListenerRoute, ListenerIngress, ListenerTLSRoute:
		return Endpoint{Host: l.BrokerHost(n), Port: ExternalTLSPort}
	}
	return Endpoint{}
}

// NodePortAddress is the config-provider reference to the node address the
// kafka-init container writes for nodeport listeners: the preferred type
// lower-cased, or "default" (KafkaListenersReconciler.nodePortAddressEnvVar).
func NodePortAddress(preferred string) string {
	t := "default"
	if preferred != "" {
		t = strings.ToLower(preferred)
	}
	return "${strimzifile:/opt/kafka/init/external.address:nodeport." + t + ".address}"
}

// Advertised is the address a broker advertises on a listener with every
// override applied, and whether host and port are both known.
func (l Listener) Advertised(n nodepools.Node, e Endpoint) (Endpoint, bool) {
	e = l.advertised(n, e)
	return e, e.Host != "" && e.Port != 0
}

// PortTemplate evaluates advertisedPortTemplate for a node: {nodeId}
// replaced, then +, -, * and parentheses over numbers, truncated to an int
// (ListenersUtils.renderPortTemplate).
func PortTemplate(template string, nodeID int) (int, error) {
	p := &exprParser{s: strings.ReplaceAll(template, "{nodeId}", strconv.Itoa(nodeID))}
	v, err := p.sum()
	if err == nil {
		p.space()
		if p.i < len(p.s) {
			err = fmt.Errorf("unexpected %q", p.s[p.i:])
		}
	}
	if err != nil || math.IsNaN(v) {
		//lint:ignore ST1005 Strimzi's message, word for word
		return 0, fmt.Errorf("Invalid advertised port template: %s", template)
	}
	switch {
	case v >= math.MaxInt32:
		return math.MaxInt32, nil
	case v <= math.MinInt32:
		return math.MinInt32, nil
	}
	return int(v), nil // Java's intValue truncates toward zero
}

// exprParser is a recursive-descent parser of sums and products.
type exprParser struct {
	s     string
	i     int
	depth int
}

func (p *exprParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *exprParser) sum() (float64, error) {
	v, err := p.product()
	for err == nil {
		p.space()
		if p.i >= len(p.s) || (p.s[p.i] != '+' && p.s[p.i] != '-') {
			break
		}
		op := p.s[p.i]
		p.i++
		var r float64
		if r, err = p.product(); op == '+' {
			v += r
		} else {
			v -= r
		}
	}
	return v, err
}

func (p *exprParser) product() (float64, error) {
	v, err := p.unary()
	for err == nil {
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != '*' {
			break
		}
		p.i++
		var r float64
		r, err = p.unary()
		v *= r
	}
	return v, err
}

func (p *exprParser) unary() (float64, error) {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '-' {
		p.i++
		v, err := p.unary()
		return -v, err
	}
	if p.i < len(p.s) && p.s[p.i] == '(' {
		if p.depth++; p.depth > 32 {
			return 0, fmt.Errorf("too deep")
		}
		p.i++
		v, err := p.sum()
		p.depth--
		if err != nil {
			return 0, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ')' {
			return 0, fmt.Errorf("missing )")
		}
		p.i++
		return v, nil
	}
	start := p.i
	for p.i < len(p.s) && (p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] == '.') {
		p.i++
	}
	if start == p.i || p.i-start > 18 {
		return 0, fmt.Errorf("number expected")
	}
	return strconv.ParseFloat(p.s[start:p.i], 64)
}

// MissingAddress reports whether a broker's address on an external
// listener is not known before the cluster runs.
func (l Listener) MissingAddress(n nodepools.Node) bool {
	_, ok := l.Advertised(n, ExternalEndpoint(n, l))
	return l.External() && !ok
}

// AddressHint says, for brokers ("broker 1", "brokers 1, 2") whose addresses on the
// listener are not known offline, what the running cluster would give and
// which fields to set instead.
func (l Listener) AddressHint(brokers string) string {
	switch l.Type {
	case ListenerNodePort:
		return "Kubernetes assigns the node port of each broker's Service when it is created: pin it with configuration.brokers[].nodePort for " + brokers +
			", or set configuration.brokers[].advertisedPort or configuration.advertisedPortTemplate"
	case ListenerLoadBalancer:
		return "each broker's LoadBalancer Service gets an address only when it is created: set configuration.brokers[].advertisedHost (or loadBalancerIP) for " + brokers +
			", or configuration.advertisedHostTemplate"
	case ListenerRoute:
		return "OpenShift gives each broker's Route a host only when it is created: set configuration.brokers[].host for " + brokers +
			", or configuration.hostTemplate (or advertisedHost, advertisedHostTemplate)"
	default:
		return "set configuration.brokers[].host for " + brokers + ", or configuration.hostTemplate"
	}
}
