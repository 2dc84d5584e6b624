package kafka

import (
	"maps"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// BootstrapService returns <cluster>-kafka-bootstrap: the brokers' replication
// port and internal listeners, labelled and annotated for service discovery
// (KafkaCluster.generateService).
func (m *Model) BootstrapService() *corev1.Service {
	t := m.tmpl.BootstrapService
	if t == nil {
		t = &strimzi.ServiceTemplate{}
	}
	l := cloneLabels(m.resourceLabels)
	l[labels.Discovery] = "true"
	annotations := map[string]string{labels.Discovery: m.discovery()}
	maps.Copy(annotations, labels.UserMerged(t.Metadata.Annotations))
	ports := []corev1.ServicePort{specs.ServicePort(brokerconfig.ReplicationPortName, brokerconfig.ReplicationPort)}
	for _, lis := range m.internalListeners() {
		ports = append(ports, specs.ServicePort(lis.PortName(), int32(lis.Port)))
	}
	return &corev1.Service{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: m.objectMeta(names.KafkaBootstrapService(m.Name), labels.Merge(l, labels.UserMerged(t.Metadata.Labels)), annotations),
		Spec: corev1.ServiceSpec{
			Type:           corev1.ServiceTypeClusterIP,
			Selector:       m.brokerSelector(),
			Ports:          ports,
			IPFamilyPolicy: t.IPFamilyPolicy,
			IPFamilies:     t.IPFamilies,
		},
	}
}

// BrokersService returns the headless <cluster>-kafka-brokers, which gives
// every node its DNS name, ready or not (KafkaCluster.generateHeadlessService).
func (m *Model) BrokersService() *corev1.Service {
	t := m.tmpl.BrokersService
	if t == nil {
		t = &strimzi.ServiceTemplate{}
	}
	ports := []corev1.ServicePort{
		specs.ServicePort(brokerconfig.ControlPlanePortName, brokerconfig.ControlPlanePort),
		specs.ServicePort(brokerconfig.ReplicationPortName, brokerconfig.ReplicationPort),
		specs.ServicePort(AgentPortName, AgentPort),
	}
	for _, l := range m.internalListeners() {
		ports = append(ports, specs.ServicePort(l.PortName(), int32(l.Port)))
	}
	ports = append(ports, m.jmx().ServicePorts()...)
	return &corev1.Service{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: m.objectMeta(names.KafkaBrokersService(m.Name), labels.Merge(m.resourceLabels, t.Metadata.Labels), t.Metadata.Annotations),
		Spec: corev1.ServiceSpec{
			Type:                     corev1.ServiceTypeClusterIP,
			ClusterIP:                corev1.ClusterIPNone,
			Selector:                 m.selector(),
			Ports:                    ports,
			PublishNotReadyAddresses: true,
			IPFamilyPolicy:           t.IPFamilyPolicy,
			IPFamilies:               t.IPFamilies,
		},
	}
}

// ListenerBootstrapServices returns <cluster>-kafka-<listener>-bootstrap for
// each listener but the internal ones, of the listener's Service type; a
// loadbalancer listener with createBootstrapService: false has none
// (KafkaCluster.generateExternalBootstrapServices).
func (m *Model) ListenerBootstrapServices() []*corev1.Service {
	meta := metadataOf(m.tmpl.ExternalBootstrapService)
	var out []*corev1.Service
	for _, l := range m.Listeners {
		if !l.HasOwnServices() {
			continue
		}
		c := m.listenerConfiguration(l)
		if l.Type == brokerconfig.ListenerLoadBalancer && c.CreateBootstrapService != nil && !*c.CreateBootstrapService {
			continue
		}
		b := c.Bootstrap
		if b == nil {
			b = &strimzi.ListenerBootstrap{}
		}
		svc := m.listenerService(names.KafkaListenerBootstrapService(m.Name, l.Name),
			labels.Merge(m.resourceLabels, b.Labels, labels.UserMerged(meta.Labels)),
			labels.Merge(b.Annotations, labels.UserMerged(meta.Annotations)), m.brokerSelector(), l, c,
			serviceAddress{nodePort: b.NodePort, loadBalancerIP: b.LoadBalancerIP, externalIPs: b.ExternalIPs})
		out = append(out, svc)
	}
	return out
}

// PerPodServices returns, for each listener but the internal ones, one
// Service per broker of the pool, <cluster>-<pool>-<listener>-<id>, which
// the broker's address leads to (KafkaCluster.generatePerPodServices).
func (m *Model) PerPodServices(p *Pool) []*corev1.Service {
	if !p.Broker {
		return nil
	}
	meta := metadataOf(p.Template.PerPodService)
	var out []*corev1.Service
	for _, l := range m.Listeners {
		if !l.HasOwnServices() {
			continue
		}
		c := m.listenerConfiguration(l)
		for _, n := range p.Nodes {
			bl, ba := brokerLabels(c, n), brokerAnnotations(c, n)
			addr := serviceAddress{loadBalancerIP: l.BrokerLoadBalancerIP(n.ID)}
			if np := l.BrokerNodePort(n.ID); np != 0 {
				addr.nodePort = ptr.To(int32(np))
			}
			if b := firstBroker(c, n.ID, func(b strimzi.ListenerBroker) bool { return b.ExternalIPs != nil }); b != nil {
				addr.externalIPs = b.ExternalIPs
			}
			out = append(out, m.listenerService(brokerconfig.PerBrokerService(names.KafkaPodSet(m.Name, p.Name), n.ID, l),
				labels.Merge(p.resourceLabels, bl, labels.UserMerged(meta.Labels)),
				labels.Merge(ba, labels.UserMerged(meta.Annotations)), m.PodSelector(p, n), l, c, addr))
		}
	}
	return out
}

// firstBroker is the first configuration.brokers[] entry of a node that
// has what ok asks for, or nil: Strimzi takes each per-broker field from
// such an entry.
func firstBroker(c *strimzi.ListenerConfiguration, nodeID int, ok func(strimzi.ListenerBroker) bool) *strimzi.ListenerBroker {
	for i, b := range c.Brokers {
		if b.Broker != nil && *b.Broker == nodeID && ok(b) {
			return &c.Brokers[i]
		}
	}
	return nil
}

// brokerLabels are a node's configuration.brokers[] labels, else the
// rendered perBrokerLabelsTemplate (ListenersUtils.brokerLabels).
func brokerLabels(c *strimzi.ListenerConfiguration, n nodepools.Node) map[string]string {
	if b := firstBroker(c, n.ID, func(b strimzi.ListenerBroker) bool { return b.Labels != nil }); b != nil && len(b.Labels) > 0 {
		return b.Labels
	}
	return renderTemplateMap(c.PerBrokerLabelsTemplate, n)
}

// brokerAnnotations are brokerLabels for annotations (ListenersUtils.brokerAnnotations).
func brokerAnnotations(c *strimzi.ListenerConfiguration, n nodepools.Node) map[string]string {
	if b := firstBroker(c, n.ID, func(b strimzi.ListenerBroker) bool { return b.Annotations != nil }); b != nil && len(b.Annotations) > 0 {
		return b.Annotations
	}
	return renderTemplateMap(c.PerBrokerAnnotationsTemplate, n)
}

func renderTemplateMap(t map[string]string, n nodepools.Node) map[string]string {
	if len(t) == 0 {
		return nil
	}
	out := make(map[string]string, len(t))
	for k, v := range t {
		out[k] = brokerconfig.RenderTemplate(v, n)
	}
	return out
}

// serviceAddress is what a listener Service asks of Kubernetes' addressing.
type serviceAddress struct {
	nodePort       *int32
	loadBalancerIP string
	externalIPs    []string
}

// serviceType is the listener's Service type (ListenersUtils.serviceType).
func serviceType(l brokerconfig.Listener) corev1.ServiceType {
	switch l.Type {
	case brokerconfig.ListenerNodePort:
		return corev1.ServiceTypeNodePort
	case brokerconfig.ListenerLoadBalancer:
		return corev1.ServiceTypeLoadBalancer
	}
	return corev1.ServiceTypeClusterIP
}

// listenerService is ServiceUtils.createService for a listener's Service,
// with the settings of its type.
func (m *Model) listenerService(name string, l, a, selector map[string]string, lis brokerconfig.Listener, c *strimzi.ListenerConfiguration, addr serviceAddress) *corev1.Service {
	port := specs.ServicePort(lis.PortName(), int32(lis.Port))
	svc := &corev1.Service{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: m.objectMeta(name, l, a),
		Spec: corev1.ServiceSpec{
			Type:           serviceType(lis),
			Selector:       selector,
			Ports:          []corev1.ServicePort{port},
			IPFamilyPolicy: c.IPFamilyPolicy,
			IPFamilies:     c.IPFamilies,
		},
	}
	if c.PublishNotReadyAddresses != nil {
		svc.Spec.PublishNotReadyAddresses = *c.PublishNotReadyAddresses
	}
	switch lis.Type {
	case brokerconfig.ListenerLoadBalancer:
		svc.Spec.Ports[0].NodePort = ptr.Deref(addr.nodePort, 0)
		svc.Spec.LoadBalancerIP = addr.loadBalancerIP
		if len(c.LoadBalancerSourceRanges) > 0 {
			svc.Spec.LoadBalancerSourceRanges = c.LoadBalancerSourceRanges
		}
		if len(c.Finalizers) > 0 {
			svc.Finalizers = c.Finalizers
		}
		if c.Class != "" {
			svc.Spec.LoadBalancerClass = ptr.To(c.Class)
		}
		svc.Spec.AllocateLoadBalancerNodePorts = c.AllocateLoadBalancerNodePorts
	case brokerconfig.ListenerNodePort:
		svc.Spec.Ports[0].NodePort = ptr.Deref(addr.nodePort, 0)
		if len(addr.externalIPs) > 0 {
			svc.Spec.ExternalIPs = addr.externalIPs
		}
	}
	if lis.Type == brokerconfig.ListenerLoadBalancer || lis.Type == brokerconfig.ListenerNodePort {
		svc.Spec.ExternalTrafficPolicy = corev1.ServiceExternalTrafficPolicyCluster
		if c.ExternalTrafficPolicy != "" {
			svc.Spec.ExternalTrafficPolicy = corev1.ServiceExternalTrafficPolicy(c.ExternalTrafficPolicy)
		}
	}
	return svc
}

// listenerConfiguration finds the custom resource's configuration of a
// rendered listener.
func (m *Model) listenerConfiguration(l brokerconfig.Listener) *strimzi.ListenerConfiguration {
	for _, cr := range m.spec.Listeners {
		if cr.Name == l.Name && cr.Configuration != nil {
			return cr.Configuration
		}
	}
	return &strimzi.ListenerConfiguration{}
}

func (m *Model) internalListeners() []brokerconfig.Listener {
	var out []brokerconfig.Listener
	for _, l := range m.Listeners {
		if l.Type == brokerconfig.ListenerInternal {
			out = append(out, l)
		}
	}
	return out
}

// discovery is the strimzi.io/discovery annotation: one object per listener,
// pretty-printed as Jackson's default printer does (KafkaCluster.getInternalDiscoveryAnnotation).
func (m *Model) discovery() string {
	var b strings.Builder
	b.WriteString("[ ")
	for i, l := range m.Listeners {
		if i > 0 {
			b.WriteString(", ")
		}
		auth := "none"
		if l.Auth != nil {
			auth = l.Auth.Type
		}
		b.WriteString("{\n")
		b.WriteString(`  "port" : ` + strconv.Itoa(l.Port) + ",\n")
		b.WriteString(`  "tls" : ` + strconv.FormatBool(l.TLS) + ",\n")
		b.WriteString(`  "protocol" : "kafka",` + "\n")
		b.WriteString(`  "auth" : ` + jsonString(auth) + "\n}")
	}
	if len(m.Listeners) > 0 {
		b.WriteString(" ]")
	} else {
		b.WriteString("]")
	}
	return b.String()
}
