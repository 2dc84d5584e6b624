package specs

import (
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// PodDisruptionBudget returns the PDB of a component's pods: minAvailable is
// their number minus the template's maxUnavailable (default 1), never below
// 0; template metadata is added to meta
// (PodDisruptionBudgetUtils.createCustomControllerPodDisruptionBudget).
func PodDisruptionBudget(meta metav1.ObjectMeta, selector map[string]string, pods int32, t *strimzi.PodDisruptionBudgetTemplate) *policyv1.PodDisruptionBudget {
	maxUnavailable := int32(1)
	if t != nil {
		meta.Labels = labels.Merge(meta.Labels, t.Metadata.Labels)
		if len(t.Metadata.Annotations) > 0 {
			meta.Annotations = t.Metadata.Annotations
		}
		if t.MaxUnavailable != nil {
			maxUnavailable = *t.MaxUnavailable
		}
	}
	minAvailable := intstr.FromInt32(max(0, pods-maxUnavailable))
	return &policyv1.PodDisruptionBudget{
		TypeMeta:   metav1.TypeMeta{APIVersion: "policy/v1", Kind: "PodDisruptionBudget"},
		ObjectMeta: meta,
		Spec: policyv1.PodDisruptionBudgetSpec{
			MinAvailable: &minAvailable,
			Selector:     &metav1.LabelSelector{MatchLabels: selector},
		},
	}
}

// DeploymentPodDisruptionBudget is the PDB of a Deployment's pods, which
// its controller knows the number of: maxUnavailable from the template,
// else 1; template metadata is added to meta
// (PodDisruptionBudgetUtils.createPodDisruptionBudget).
func DeploymentPodDisruptionBudget(meta metav1.ObjectMeta, selector map[string]string, t *strimzi.PodDisruptionBudgetTemplate) *policyv1.PodDisruptionBudget {
	maxUnavailable := int32(1)
	if t != nil {
		meta.Labels = labels.Merge(meta.Labels, t.Metadata.Labels)
		if len(t.Metadata.Annotations) > 0 {
			meta.Annotations = t.Metadata.Annotations
		}
		if t.MaxUnavailable != nil {
			maxUnavailable = *t.MaxUnavailable
		}
	}
	return &policyv1.PodDisruptionBudget{
		TypeMeta:   metav1.TypeMeta{APIVersion: "policy/v1", Kind: "PodDisruptionBudget"},
		ObjectMeta: meta,
		Spec: policyv1.PodDisruptionBudgetSpec{
			MaxUnavailable: ptr.To(intstr.FromInt32(maxUnavailable)),
			Selector:       &metav1.LabelSelector{MatchLabels: selector},
		},
	}
}
