package kafka

import (
	"k8s.io/apimachinery/pkg/util/intstr"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Route is the part of OpenShift's route.openshift.io/v1 Route that a
// route listener uses.
type Route struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              RouteSpec `json:"spec"`
}

// RouteSpec is the Route's spec, in the API's field order.
type RouteSpec struct {
	Host string           `json:"host,omitempty"`
	Port *RoutePort       `json:"port,omitempty"`
	TLS  *RouteTLS        `json:"tls,omitempty"`
	To   RouteTargetRefer `json:"to"`
}

// RoutePort is the target port of the Service.
type RoutePort struct {
	TargetPort intstr.IntOrString `json:"targetPort"`
}

// RouteTLS is the Route's TLS termination.
type RouteTLS struct {
	Termination string `json:"termination"`
}

// RouteTargetRefer names the Service a Route leads to.
type RouteTargetRefer struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// TLSRoute is the part of the Gateway API's gateway.networking.k8s.io/v1
// TLSRoute that a tlsroute listener uses.
type TLSRoute struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              TLSRouteSpec `json:"spec"`
}

// TLSRouteSpec is the TLSRoute's spec.
type TLSRouteSpec struct {
	ParentRefs []strimzi.ParentReference `json:"parentRefs,omitempty"`
	Hostnames  []string                  `json:"hostnames,omitempty"`
	Rules      []TLSRouteRule            `json:"rules"`
}

// TLSRouteRule sends the route's connections to its backends.
type TLSRouteRule struct {
	BackendRefs []BackendRef `json:"backendRefs"`
}

// BackendRef is a Service and its port.
type BackendRef struct {
	Name string `json:"name"`
	Port int32  `json:"port"`
}

// Kinds the listeners render beside Services and Ingresses.
var (
	routeType    = metav1.TypeMeta{APIVersion: "route.openshift.io/v1", Kind: "Route"}
	tlsRouteType = metav1.TypeMeta{APIVersion: "gateway.networking.k8s.io/v1", Kind: "TLSRoute"}
)

// routeSpec passes TLS through to the listener's port of a Service.
func routeSpec(host, service string, l brokerconfig.Listener) RouteSpec {
	return RouteSpec{
		Host: host,
		Port: &RoutePort{TargetPort: intstr.FromInt32(int32(l.Port))},
		TLS:  &RouteTLS{Termination: "passthrough"},
		To:   RouteTargetRefer{Kind: "Service", Name: service},
	}
}

// BootstrapRoutes returns a Route to <cluster>-kafka-<listener>-bootstrap
// for each route listener, named alike
// (KafkaCluster.generateExternalBootstrapRoutes). The bootstrap labels and
// annotations win over the template's.
func (m *Model) BootstrapRoutes() []*Route {
	meta := metadataOf(m.tmpl.ExternalBootstrapRoute)
	var out []*Route
	for _, l := range m.Listeners {
		if l.Type != brokerconfig.ListenerRoute {
			continue
		}
		b := bootstrapOf(m.listenerConfiguration(l))
		out = append(out, &Route{
			TypeMeta: routeType,
			ObjectMeta: m.objectMeta(names.KafkaListenerBootstrapRoute(m.Name, l.Name, l.Port),
				labels.Merge(m.resourceLabels, labels.UserMerged(meta.Labels), b.Labels),
				labels.Merge(labels.UserMerged(meta.Annotations), b.Annotations)),
			Spec: routeSpec(b.Host, names.KafkaListenerBootstrapService(m.Name, l.Name), l),
		})
	}
	return out
}

// PerPodRoutes returns a Route to each broker's Service of each route
// listener, named alike (KafkaCluster.generateExternalRoutes).
func (m *Model) PerPodRoutes(p *Pool) []*Route {
	if !p.Broker {
		return nil
	}
	meta := metadataOf(p.Template.PerPodRoute)
	var out []*Route
	for _, l := range m.Listeners {
		if l.Type != brokerconfig.ListenerRoute {
			continue
		}
		c := m.listenerConfiguration(l)
		for _, n := range p.Nodes {
			name := brokerconfig.PerBrokerService(names.KafkaPodSet(m.Name, p.Name), n.ID, l)
			out = append(out, &Route{
				TypeMeta: routeType,
				ObjectMeta: m.objectMeta(name,
					labels.Merge(p.resourceLabels, labels.UserMerged(meta.Labels), brokerLabels(c, n)),
					labels.Merge(labels.UserMerged(meta.Annotations), brokerAnnotations(c, n))),
				Spec: routeSpec(l.BrokerHost(n), name, l),
			})
		}
	}
	return out
}

// BootstrapTLSRoutes returns a TLSRoute to <cluster>-kafka-<listener>-bootstrap
// for each tlsroute listener (KafkaCluster.generateExternalBootstrapTlsRoutes);
// its metadata follows the route templates, as Strimzi's does.
func (m *Model) BootstrapTLSRoutes() []*TLSRoute {
	meta := metadataOf(m.tmpl.ExternalBootstrapRoute)
	var out []*TLSRoute
	for _, l := range m.Listeners {
		if l.Type != brokerconfig.ListenerTLSRoute {
			continue
		}
		c := m.listenerConfiguration(l)
		b := bootstrapOf(c)
		out = append(out, &TLSRoute{
			TypeMeta: tlsRouteType,
			ObjectMeta: m.objectMeta(names.KafkaListenerBootstrapRoute(m.Name, l.Name, l.Port),
				labels.Merge(m.resourceLabels, labels.UserMerged(meta.Labels), b.Labels),
				labels.Merge(labels.UserMerged(meta.Annotations), b.Annotations)),
			Spec: tlsRouteSpec(c, b.Host, names.KafkaListenerBootstrapService(m.Name, l.Name), l),
		})
	}
	return out
}

// PerPodTLSRoutes returns a TLSRoute to each broker's Service of each
// tlsroute listener (KafkaCluster.generateExternalTlsRoutes).
func (m *Model) PerPodTLSRoutes(p *Pool) []*TLSRoute {
	if !p.Broker {
		return nil
	}
	meta := metadataOf(p.Template.PerPodRoute)
	var out []*TLSRoute
	for _, l := range m.Listeners {
		if l.Type != brokerconfig.ListenerTLSRoute {
			continue
		}
		c := m.listenerConfiguration(l)
		for _, n := range p.Nodes {
			name := brokerconfig.PerBrokerService(names.KafkaPodSet(m.Name, p.Name), n.ID, l)
			out = append(out, &TLSRoute{
				TypeMeta: tlsRouteType,
				ObjectMeta: m.objectMeta(name,
					labels.Merge(p.resourceLabels, labels.UserMerged(meta.Labels), brokerLabels(c, n)),
					labels.Merge(labels.UserMerged(meta.Annotations), brokerAnnotations(c, n))),
				Spec: tlsRouteSpec(c, l.BrokerHost(n), name, l),
			})
		}
	}
	return out
}

func tlsRouteSpec(c *strimzi.ListenerConfiguration, host, service string, l brokerconfig.Listener) TLSRouteSpec {
	return TLSRouteSpec{
		ParentRefs: c.ParentRefs,
		Hostnames:  []string{host},
		Rules:      []TLSRouteRule{{BackendRefs: []BackendRef{{Name: service, Port: int32(l.Port)}}}},
	}
}

func bootstrapOf(c *strimzi.ListenerConfiguration) *strimzi.ListenerBootstrap {
	if c.Bootstrap == nil {
		return &strimzi.ListenerBootstrap{}
	}
	return c.Bootstrap
}
