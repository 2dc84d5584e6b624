package kafka

import (
	"maps"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
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
// each cluster-ip listener (KafkaCluster.generateExternalBootstrapServices).
func (m *Model) ListenerBootstrapServices() []*corev1.Service {
	meta := metadataOf(m.tmpl.ExternalBootstrapService)
	var out []*corev1.Service
	for _, l := range m.Listeners {
		if l.Type != brokerconfig.ListenerClusterIP {
			continue
		}
		c := m.listenerConfiguration(l)
		var bl, ba map[string]string
		if c.Bootstrap != nil {
			bl, ba = c.Bootstrap.Labels, c.Bootstrap.Annotations
		}
		out = append(out, m.listenerService(names.KafkaListenerBootstrapService(m.Name, l.Name),
			labels.Merge(m.resourceLabels, bl, labels.UserMerged(meta.Labels)),
			labels.Merge(ba, labels.UserMerged(meta.Annotations)), m.brokerSelector(), l, c))
	}
	return out
}

// PerPodServices returns, for each cluster-ip listener, one Service per
// broker of the pool, <cluster>-<pool>-<listener>-<id>, which the broker
// advertises (KafkaCluster.generatePerPodServices).
func (m *Model) PerPodServices(p *Pool) []*corev1.Service {
	if !p.Broker {
		return nil
	}
	meta := metadataOf(p.Template.PerPodService)
	var out []*corev1.Service
	for _, l := range m.Listeners {
		if l.Type != brokerconfig.ListenerClusterIP {
			continue
		}
		c := m.listenerConfiguration(l)
		// The first configuration.brokers[] entry of a node gives its Service's labels.
		first := make(map[int]strimzi.ListenerBroker, len(c.Brokers))
		for _, b := range c.Brokers {
			if b.Broker == nil {
				continue
			}
			if _, seen := first[*b.Broker]; !seen {
				first[*b.Broker] = b
			}
		}
		for _, n := range p.Nodes {
			bl, ba := first[n.ID].Labels, first[n.ID].Annotations
			out = append(out, m.listenerService(brokerconfig.PerBrokerService(names.KafkaPodSet(m.Name, p.Name), n.ID, l),
				labels.Merge(p.resourceLabels, bl, labels.UserMerged(meta.Labels)),
				labels.Merge(ba, labels.UserMerged(meta.Annotations)), m.PodSelector(p, n), l, c))
		}
	}
	return out
}

// listenerService is ServiceUtils.createService for a listener's Service.
func (m *Model) listenerService(name string, l, a, selector map[string]string, lis brokerconfig.Listener, c *strimzi.ListenerConfiguration) *corev1.Service {
	svc := &corev1.Service{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: m.objectMeta(name, l, a),
		Spec: corev1.ServiceSpec{
			Type:           corev1.ServiceTypeClusterIP,
			Selector:       selector,
			Ports:          []corev1.ServicePort{specs.ServicePort(lis.PortName(), int32(lis.Port))},
			IPFamilyPolicy: c.IPFamilyPolicy,
			IPFamilies:     c.IPFamilies,
		},
	}
	if c.PublishNotReadyAddresses != nil {
		svc.Spec.PublishNotReadyAddresses = *c.PublishNotReadyAddresses
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
