package connect

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/names"
)

// NetworkPolicy returns <cluster>-connect when the KafkaConnect manages
// connectors as KafkaConnector resources (strimzi.io/use-connector-resources):
// the REST API opens to the workers and the operator only; metrics and JMX
// ports open to all (KafkaConnectCluster.generateNetworkPolicy). Nil otherwise.
func (m *Model) NetworkPolicy() *networkingv1.NetworkPolicy {
	if !*m.cfg.NetworkPolicies || !strings.EqualFold(m.cr.Annotations[useConnectorsAnno], "true") {
		return nil
	}
	port := func(p int) networkingv1.NetworkPolicyPort {
		return networkingv1.NetworkPolicyPort{Port: ptr.To(intstr.FromInt(p)), Protocol: ptr.To(corev1.ProtocolTCP)}
	}
	rules := []networkingv1.NetworkPolicyIngressRule{{
		Ports: []networkingv1.NetworkPolicyPort{port(RESTPort)},
		From: []networkingv1.NetworkPolicyPeer{
			{PodSelector: &metav1.LabelSelector{MatchLabels: m.selector()}},
			// The operator may run in another namespace, unknown offline.
			{PodSelector: &metav1.LabelSelector{MatchLabels: map[string]string{"strimzi.io/kind": "cluster-operator"}},
				NamespaceSelector: &metav1.LabelSelector{}},
		},
	}}
	if m.spec.MetricsConfig != nil {
		rules = append(rules, networkingv1.NetworkPolicyIngressRule{Ports: []networkingv1.NetworkPolicyPort{port(MetricsPort)}})
	}
	if m.spec.JmxOptions != nil {
		rules = append(rules, networkingv1.NetworkPolicyIngressRule{Ports: []networkingv1.NetworkPolicyPort{port(JMXPort)}})
	}
	return &networkingv1.NetworkPolicy{
		TypeMeta:   metav1.TypeMeta{APIVersion: "networking.k8s.io/v1", Kind: "NetworkPolicy"},
		ObjectMeta: m.objectMeta(names.Connect(m.Cluster), m.resourceLabels, nil),
		Spec: networkingv1.NetworkPolicySpec{
			PodSelector: metav1.LabelSelector{MatchLabels: m.selector()},
			Ingress:     rules,
		},
	}
}
