package kafka

import (
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// ingressPassthrough are the annotations that make an NGINX ingress
// controller pass TLS through to the brokers
// (KafkaCluster.generateInternalIngressAnnotations).
var ingressPassthrough = map[string]string{
	"ingress.kubernetes.io/ssl-passthrough":        "true",
	"nginx.ingress.kubernetes.io/ssl-passthrough":  "true",
	"nginx.ingress.kubernetes.io/backend-protocol": "HTTPS",
}

// BootstrapIngresses returns an Ingress to <cluster>-kafka-<listener>-bootstrap
// for each ingress listener, named alike
// (KafkaCluster.generateExternalBootstrapIngresses).
func (m *Model) BootstrapIngresses() []*networkingv1.Ingress {
	meta := metadataOf(m.tmpl.ExternalBootstrapIngress)
	var out []*networkingv1.Ingress
	for _, l := range m.Listeners {
		if l.Type != brokerconfig.ListenerIngress {
			continue
		}
		c := m.listenerConfiguration(l)
		b := bootstrapOf(c)
		out = append(out, ingress(m.objectMeta(names.KafkaListenerBootstrapRoute(m.Name, l.Name, l.Port),
			labels.Merge(m.resourceLabels, labels.UserMerged(meta.Labels), b.Labels),
			labels.Merge(ingressPassthrough, labels.UserMerged(meta.Annotations), b.Annotations)),
			c, b.Host, names.KafkaListenerBootstrapService(m.Name, l.Name), l))
	}
	return out
}

// PerPodIngresses returns an Ingress to each broker's Service of each
// ingress listener, named alike (KafkaCluster.generateExternalIngresses).
func (m *Model) PerPodIngresses(p *Pool) []*networkingv1.Ingress {
	if !p.Broker {
		return nil
	}
	meta := metadataOf(p.Template.PerPodIngress)
	var out []*networkingv1.Ingress
	for _, l := range m.Listeners {
		if l.Type != brokerconfig.ListenerIngress {
			continue
		}
		c := m.listenerConfiguration(l)
		for _, n := range p.Nodes {
			name := brokerconfig.PerBrokerService(names.KafkaPodSet(m.Name, p.Name), n.ID, l)
			out = append(out, ingress(m.objectMeta(name,
				labels.Merge(p.resourceLabels, labels.UserMerged(meta.Labels), brokerLabels(c, n)),
				labels.Merge(ingressPassthrough, labels.UserMerged(meta.Annotations), brokerAnnotations(c, n))),
				c, l.BrokerHost(n), name, l))
		}
	}
	return out
}

// ingress routes every path of host to the listener's port of a Service,
// with TLS for the host, through the listener's ingress class.
func ingress(om metav1.ObjectMeta, c *strimzi.ListenerConfiguration, host, service string, l brokerconfig.Listener) *networkingv1.Ingress {
	var class *string
	if c.Class != "" {
		class = ptr.To(c.Class)
	}
	backend := networkingv1.IngressBackend{Service: &networkingv1.IngressServiceBackend{
		Name: service, Port: networkingv1.ServiceBackendPort{Number: int32(l.Port)},
	}}
	return &networkingv1.Ingress{
		TypeMeta:   metav1.TypeMeta{APIVersion: "networking.k8s.io/v1", Kind: "Ingress"},
		ObjectMeta: om,
		Spec: networkingv1.IngressSpec{
			IngressClassName: class,
			Rules: []networkingv1.IngressRule{{
				Host: host,
				IngressRuleValue: networkingv1.IngressRuleValue{HTTP: &networkingv1.HTTPIngressRuleValue{
					Paths: []networkingv1.HTTPIngressPath{{Path: "/", PathType: ptr.To(networkingv1.PathTypePrefix), Backend: backend}},
				}},
			}},
			TLS: []networkingv1.IngressTLS{{Hosts: []string{host}}},
		},
	}
}
