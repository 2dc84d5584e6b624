package brokerconfig

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// Listener types (spec.kafka.listeners[].type).
const (
	ListenerInternal     = "internal"
	ListenerClusterIP    = "cluster-ip"
	ListenerRoute        = "route"
	ListenerLoadBalancer = "loadbalancer"
	ListenerNodePort     = "nodeport"
	ListenerIngress      = "ingress"
)

// Listener authentication types (spec.kafka.listeners[].authentication.type).
const (
	AuthTLS         = "tls"
	AuthScramSha512 = "scram-sha-512"
	AuthCustom      = "custom"
)

// Ports of the listeners Strimzi always configures, and the names of their
// container and Service ports.
const (
	ControlPlanePort     = 9090
	ReplicationPort      = 9091
	ControlPlanePortName = "tcp-ctrlplane"
	ReplicationPortName  = "tcp-replication"
)

// DefaultClusterDomain is the Kubernetes DNS domain Strimzi assumes when
// KUBERNETES_SERVICE_DNS_DOMAIN is not set.
const DefaultClusterDomain = "cluster.local"

// Listener is one item of spec.kafka.listeners (Strimzi: GenericKafkaListener).
type Listener struct {
	Name   string
	Port   int
	Type   string
	TLS    bool
	Auth   *ListenerAuth // nil: no authentication
	Config ListenerConfig
}

// ListenerAuth is a listener's authentication.
type ListenerAuth struct {
	Type string // AuthTLS, AuthScramSha512 or AuthCustom
	// SASL and ListenerConfig belong to custom authentication.
	SASL           bool
	ListenerConfig map[string]any
}

// ListenerConfig is the part of a listener's configuration that reaches
// server.config or its advertised addresses.
type ListenerConfig struct {
	MaxConnections            *int
	MaxConnectionCreationRate *int
	// CustomCert is set when brokerCertChainAndKey names a user certificate;
	// Strimzi copies it into the node's Secret under <name>-<port>.crt/.key.
	CustomCert bool
	// UserCert is brokerCertChainAndKey: the user's Secret and its keys.
	UserCert            UserCert
	UseServiceDNSDomain bool
	Brokers             []ListenerBroker
	// AdvertisedHostTemplate gives nodes without a configuration.brokers[]
	// advertisedHost theirs, with {nodeId} and {nodePodName} replaced.
	AdvertisedHostTemplate string
}

// UserCert is a certificate and key in a Secret of the user's.
type UserCert struct {
	Secret      string
	Certificate string
	Key         string
}

// ListenerBroker holds the per-node overrides of configuration.brokers[].
type ListenerBroker struct {
	Broker         int // node ID
	AdvertisedHost string
	AdvertisedPort *int
}

// Identifier is <name>-<port>, used in listener.name.* options and Secret
// keys (Strimzi: ListenersUtils.identifier).
func (l Listener) Identifier() string { return l.Name + "-" + strconv.Itoa(l.Port) }

// EnvVarIdentifier is <NAME>_<port> (Strimzi: ListenersUtils.envVarIdentifier).
func (l Listener) EnvVarIdentifier() string {
	return strings.ToUpper(l.Name) + "_" + strconv.Itoa(l.Port)
}

// configName is the listener's name in listeners= and the protocol map:
// the identifier in upper case.
func (l Listener) configName() string { return strings.ToUpper(l.Identifier()) }

// advertised applies advertisedHostTemplate, then configuration.brokers[],
// to a node's endpoint (Strimzi: ListenersUtils.brokerAdvertisedHost).
func (l Listener) advertised(n nodepools.Node, e Endpoint) Endpoint {
	return l.advertisedWith(l.overridesByNode(), n, e)
}

// advertisedWith is advertised with configuration.brokers[] indexed once
// for all nodes.
func (l Listener) advertisedWith(overrides map[int]brokerOverride, n nodepools.Node, e Endpoint) Endpoint {
	if t := l.Config.AdvertisedHostTemplate; t != "" {
		e.Host = strings.ReplaceAll(strings.ReplaceAll(t, "{nodeId}", strconv.Itoa(n.ID)), "{nodePodName}", n.Pod)
	}
	return overrides[n.ID].apply(e)
}

// UserAdvertisedHost is the host the user gave a node on this listener,
// with configuration.brokers[].advertisedHost or advertisedHostTemplate, or
// "" (Strimzi: ListenersUtils.brokerAdvertisedHost).
func (l Listener) UserAdvertisedHost(n nodepools.Node) string {
	return l.advertised(n, Endpoint{}).Host
}

// advertisedOverride applies configuration.brokers[] to an endpoint: a set
// advertisedHost or advertisedPort for the node wins
// (Strimzi: ListenersUtils.brokerAdvertisedHost and advertisedPortFromOverrideOrParameter).
func (l Listener) advertisedOverride(nodeID int, e Endpoint) Endpoint {
	return l.overridesByNode()[nodeID].apply(e)
}

// brokerOverride is what configuration.brokers[] sets for one node.
type brokerOverride struct {
	host string
	port *int
}

// overridesByNode indexes configuration.brokers[] by node ID: of the
// entries for a node, the first that sets a host and the first that sets a
// port win.
func (l Listener) overridesByNode() map[int]brokerOverride {
	out := make(map[int]brokerOverride, len(l.Config.Brokers))
	for _, b := range l.Config.Brokers {
		o := out[b.Broker]
		if o.host == "" {
			o.host = b.AdvertisedHost
		}
		if o.port == nil {
			o.port = b.AdvertisedPort
		}
		out[b.Broker] = o
	}
	return out
}

func (o brokerOverride) apply(e Endpoint) Endpoint {
	if o.host != "" {
		e.Host = o.host
	}
	if o.port != nil {
		e.Port = *o.port
	}
	return e
}

// Endpoint is an advertised address.
type Endpoint struct {
	Host string
	Port int
}

// EndpointProvider tells the configuration builder where a node can be
// reached. In one Kubernetes cluster that is its pod DNS name behind the
// headless Service; a network provider spanning clusters answers otherwise.
type EndpointProvider interface {
	// NodeHost is the host of the node's control-plane and replication
	// listeners and of its entry in controller.quorum.voters.
	NodeHost(n nodepools.Node) string
	// Endpoint is the advertised address of a user listener on a broker,
	// before configuration.brokers[] overrides.
	Endpoint(n nodepools.Node, l Listener) (Endpoint, error)
}

// InCluster is the EndpointProvider of a cluster that lives in one
// Kubernetes cluster, as Strimzi's KafkaListenersReconciler sees it. It knows
// internal and cluster-ip listeners; the others need addresses that exist
// only once their Services, Routes or Ingresses do.
type InCluster struct {
	Cluster   string
	Namespace string
	// ClusterDomain is KUBERNETES_SERVICE_DNS_DOMAIN, used only by listeners
	// with useServiceDnsDomain; DefaultClusterDomain when empty.
	ClusterDomain string
}

var _ EndpointProvider = InCluster{}

// NodeHost is <pod>.<cluster>-kafka-brokers.<namespace>.svc: Strimzi leaves
// the cluster domain out here (DnsNameGenerator.podDnsNameWithoutClusterDomain).
func (p InCluster) NodeHost(n nodepools.Node) string {
	return n.Pod + "." + names.KafkaBrokersService(p.Cluster) + "." + p.Namespace + ".svc"
}

// Endpoint gives an internal listener the pod's DNS name and a cluster-ip
// listener its per-broker Service, with the cluster domain when the listener
// asks for useServiceDnsDomain; the port is the listener's.
func (p InCluster) Endpoint(n nodepools.Node, l Listener) (Endpoint, error) {
	switch l.Type {
	case ListenerInternal:
		host := p.NodeHost(n)
		if l.Config.UseServiceDNSDomain {
			host += "." + p.domain()
		}
		return Endpoint{host, l.Port}, nil
	case ListenerClusterIP:
		host := PerBrokerService(names.KafkaPodSet(p.Cluster, n.Pool), n.ID, l) + "." + p.Namespace + ".svc"
		if l.Config.UseServiceDNSDomain {
			host += "." + p.domain()
		}
		return Endpoint{host, l.Port}, nil
	default:
		return Endpoint{}, fmt.Errorf("listener %s of type %s: the advertised address of node %d is not known before its %s exists",
			l.Name, l.Type, n.ID, exposure(l.Type))
	}
}

func (p InCluster) domain() string {
	if p.ClusterDomain == "" {
		return DefaultClusterDomain
	}
	return p.ClusterDomain
}

func exposure(listenerType string) string {
	switch listenerType {
	case ListenerRoute:
		return "Route"
	case ListenerIngress:
		return "Ingress"
	default:
		return "Service"
	}
}

// PerBrokerService names a node's Service of a listener: <base>-<name>-<id>,
// or <base>-<id> for the listener "external" on port 9094, which kept the
// name older Strimzi versions used
// (Strimzi: ListenersUtils.backwardsCompatiblePerBrokerServiceName).
func PerBrokerService(base string, nodeID int, l Listener) string {
	if l.Port == 9094 && l.Name == "external" {
		return base + "-" + strconv.Itoa(nodeID)
	}
	return base + "-" + l.Name + "-" + strconv.Itoa(nodeID)
}

// ListenerSupport is implemented by providers that know the endpoints of
// some listener types only; the model renders just those listeners.
type ListenerSupport interface {
	Supports(l Listener) bool
}

var _ ListenerSupport = InCluster{}

// Supports reports whether the provider knows the listener's endpoints
// before anything exists in the cluster: internal and cluster-ip listeners.
func (p InCluster) Supports(l Listener) bool {
	return l.Type == ListenerInternal || l.Type == ListenerClusterIP
}

// PortName is the name of the listener's container and Service port:
// tcp-clients, tcp-clientstls and tcp-external for the listeners older
// Strimzi versions had, else tcp-<name> (ListenersUtils.backwardsCompatiblePortName).
func (l Listener) PortName() string {
	switch {
	case l.Port == 9092 && l.Name == "plain" && l.Type == ListenerInternal:
		return "tcp-clients"
	case l.Port == 9093 && l.Name == "tls" && l.Type == ListenerInternal:
		return "tcp-clientstls"
	case l.Port == 9094 && l.Name == "external":
		return "tcp-external"
	}
	return "tcp-" + l.Name
}
