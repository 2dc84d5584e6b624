package kafkaexporter

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// ServiceAccount is <cluster>-kafka-exporter, which the pod runs as
// (AbstractModel.generateServiceAccount).
func (m *Model) ServiceAccount() *corev1.ServiceAccount {
	var extraLabels, annotations map[string]string
	if t := m.tmpl.ServiceAccount; t != nil {
		extraLabels, annotations = t.Metadata.Labels, t.Metadata.Annotations
	}
	return specs.ServiceAccount(specs.ObjectMeta(m.Name, m.in.Namespace, labels.Merge(m.resourceLabels, extraLabels), annotations))
}

// NetworkPolicy opens the metrics port to everyone: Prometheus scrapes the
// pod directly, as no Service exists (KafkaExporter.generateNetworkPolicy).
func (m *Model) NetworkPolicy() *networkingv1.NetworkPolicy {
	return specs.NetworkPolicy(specs.ObjectMeta(m.Name, m.in.Namespace, m.resourceLabels, nil), m.selector(),
		[]networkingv1.NetworkPolicyIngressRule{specs.IngressRule(MetricsPort)})
}

// PodDisruptionBudget lets the template's maxUnavailable pods (default 1)
// go (KafkaExporter.generatePodDisruptionBudget).
func (m *Model) PodDisruptionBudget() *policyv1.PodDisruptionBudget {
	return specs.MaxUnavailablePodDisruptionBudget(specs.ObjectMeta(m.Name, m.in.Namespace, m.resourceLabels, nil),
		m.selector(), m.tmpl.PodDisruptionBudget)
}
