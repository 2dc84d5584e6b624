package kafka

import (
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// PodDisruptionBudget returns <cluster>-kafka over the nodes of all pools:
// minAvailable is their number minus maxUnavailable (default 1), never below
// 0 (PodDisruptionBudgetUtils.createCustomControllerPodDisruptionBudget).
func (m *Model) PodDisruptionBudget() *policyv1.PodDisruptionBudget {
	return m.podDisruptionBudget(len(m.Nodes()))
}

func (m *Model) podDisruptionBudget(nodes int) *policyv1.PodDisruptionBudget {
	maxUnavailable := int32(1)
	var l, a map[string]string
	if t := m.tmpl.PodDisruptionBudget; t != nil {
		l, a = t.Metadata.Labels, t.Metadata.Annotations
		if t.MaxUnavailable != nil {
			maxUnavailable = *t.MaxUnavailable
		}
	}
	minAvailable := intstr.FromInt32(max(0, int32(nodes)-maxUnavailable))
	return &policyv1.PodDisruptionBudget{
		TypeMeta:   metav1.TypeMeta{APIVersion: "policy/v1", Kind: "PodDisruptionBudget"},
		ObjectMeta: m.objectMeta(names.Kafka(m.Name), labels.Merge(m.resourceLabels, l), a),
		Spec: policyv1.PodDisruptionBudgetSpec{
			MinAvailable: &minAvailable,
			Selector:     &metav1.LabelSelector{MatchLabels: m.selector()},
		},
	}
}
