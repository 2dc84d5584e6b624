package kafka

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// NetworkPolicy returns <cluster>-network-policy-kafka: the control plane
// open to the nodes and the operator, replication also to Strimzi's other
// components, the agent port to the operator only, and each listener to its
// networkPolicyPeers (everyone without); metrics and JMX are open
// (KafkaCluster.generateNetworkPolicy). Nil when network policies are off.
func (m *Model) NetworkPolicy() *networkingv1.NetworkPolicy {
	if !*m.cfg.NetworkPolicies {
		return nil
	}
	byName := func(name string) networkingv1.NetworkPolicyPeer {
		return networkingv1.NetworkPolicyPeer{PodSelector: &metav1.LabelSelector{MatchLabels: map[string]string{labels.Name: name}}}
	}
	kafka := networkingv1.NetworkPolicyPeer{PodSelector: &metav1.LabelSelector{MatchLabels: m.selector()}}
	// The operator may run in any namespace, which is unknown offline.
	operator := networkingv1.NetworkPolicyPeer{
		PodSelector:       &metav1.LabelSelector{MatchLabels: map[string]string{labels.Kind: "cluster-operator"}},
		NamespaceSelector: &metav1.LabelSelector{},
	}
	rules := []networkingv1.NetworkPolicyIngressRule{
		ingress(brokerconfig.ControlPlanePort, kafka, operator),
		ingress(brokerconfig.ReplicationPort, operator, kafka, byName(m.Name+"-entity-operator"),
			byName(m.Name+"-kafka-exporter"), byName(m.Name+"-cruise-control")),
		ingress(AgentPort, operator),
	}
	for _, l := range m.Listeners {
		rules = append(rules, ingress(l.Port, m.listenerPeers(l)...))
	}
	if m.spec.MetricsConfig != nil {
		rules = append(rules, ingress(brokerconfig.MetricsPort))
	}
	if m.spec.JmxOptions != nil {
		rules = append(rules, ingress(JMXPort))
	}
	return &networkingv1.NetworkPolicy{
		TypeMeta:   metav1.TypeMeta{APIVersion: "networking.k8s.io/v1", Kind: "NetworkPolicy"},
		ObjectMeta: m.objectMeta(names.KafkaNetworkPolicy(m.Name), m.resourceLabels, nil),
		Spec: networkingv1.NetworkPolicySpec{
			PodSelector: metav1.LabelSelector{MatchLabels: m.selector()},
			Ingress:     rules,
		},
	}
}

func (m *Model) listenerPeers(l brokerconfig.Listener) []networkingv1.NetworkPolicyPeer {
	for _, cr := range m.spec.Listeners {
		if cr.Name == l.Name {
			return cr.NetworkPolicyPeers
		}
	}
	return nil
}

// ingress is NetworkPolicyUtils.createIngressRule: one TCP port, from peers.
func ingress(port int, from ...networkingv1.NetworkPolicyPeer) networkingv1.NetworkPolicyIngressRule {
	return networkingv1.NetworkPolicyIngressRule{
		Ports: []networkingv1.NetworkPolicyPort{{Port: ptr.To(intstr.FromInt(port)), Protocol: ptr.To(corev1.ProtocolTCP)}},
		From:  from,
	}
}
