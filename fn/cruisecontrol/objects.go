package cruisecontrol

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// ServiceAccount is <cluster>-cruise-control, which the pod runs as
// (AbstractModel.generateServiceAccount).
func (m *Model) ServiceAccount() *corev1.ServiceAccount {
	var extraLabels, annotations map[string]string
	if t := m.tmpl.ServiceAccount; t != nil {
		extraLabels, annotations = t.Metadata.Labels, t.Metadata.Annotations
	}
	return specs.ServiceAccount(specs.ObjectMeta(m.Name, m.in.Namespace, labels.Merge(m.resourceLabels, extraLabels), annotations))
}

// Service is the REST API Service <cluster>-cruise-control, port 9090
// (CruiseControl.generateService).
func (m *Model) Service() *corev1.Service {
	t := m.tmpl.APIService
	if t == nil {
		t = &strimzi.ServiceTemplate{}
	}
	return &corev1.Service{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: specs.ObjectMeta(m.Name, m.in.Namespace,
			labels.Merge(m.resourceLabels, labels.UserMerged(t.Metadata.Labels)), labels.UserMerged(t.Metadata.Annotations)),
		Spec: corev1.ServiceSpec{
			Type:           corev1.ServiceTypeClusterIP,
			Selector:       m.selector(),
			Ports:          []corev1.ServicePort{specs.ServicePort(RESTPortName, RESTPort)},
			IPFamilyPolicy: t.IPFamilyPolicy,
			IPFamilies:     t.IPFamilies,
		},
	}
}

// NetworkPolicy opens the REST API to the cluster operator and, with a
// Topic Operator, to the Entity Operator, and the metrics port to
// everyone (CruiseControl.generateNetworkPolicy). Where the operator runs
// is unknown offline, so both peers match any namespace, as Strimzi's do
// for an operator in another namespace without namespace labels.
func (m *Model) NetworkPolicy() *networkingv1.NetworkPolicy {
	peers := []networkingv1.NetworkPolicyPeer{specs.OperatorPeer()}
	if m.in.TopicOperator {
		eo := specs.OperatorPeer()
		eo.PodSelector = &metav1.LabelSelector{MatchLabels: map[string]string{labels.Name: names.EntityOperator(m.in.Cluster)}}
		peers = append(peers, eo)
	}
	rules := []networkingv1.NetworkPolicyIngressRule{specs.IngressRule(RESTPort, peers...)}
	if m.jmxExporter() {
		rules = append(rules, specs.IngressRule(MetricsPort))
	}
	return specs.NetworkPolicy(specs.ObjectMeta(names.CruiseControlNetworkPolicy(m.in.Cluster), m.in.Namespace, m.resourceLabels, nil),
		m.selector(), rules)
}

// PodDisruptionBudget lets the template's maxUnavailable pods (default 1)
// go (CruiseControl.generatePodDisruptionBudget).
func (m *Model) PodDisruptionBudget() *policyv1.PodDisruptionBudget {
	return specs.MaxUnavailablePodDisruptionBudget(specs.ObjectMeta(m.Name, m.in.Namespace, m.resourceLabels, nil),
		m.selector(), m.tmpl.PodDisruptionBudget)
}
