package specs

import (
	"testing"

	"github.com/stretchr/testify/assert"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestPodDisruptionBudget(t *testing.T) {
	meta := func() metav1.ObjectMeta {
		return metav1.ObjectMeta{Name: "my-connect-connect", Namespace: "ns", Labels: map[string]string{"strimzi.io/cluster": "my-connect"}}
	}
	selector := map[string]string{"strimzi.io/cluster": "my-connect", "strimzi.io/kind": "KafkaConnect"}

	t.Run("without a template one pod may be unavailable", func(t *testing.T) {
		pdb := PodDisruptionBudget(meta(), selector, 3, nil)
		assert.Equal(t, metav1.TypeMeta{APIVersion: "policy/v1", Kind: "PodDisruptionBudget"}, pdb.TypeMeta)
		assert.Equal(t, meta(), pdb.ObjectMeta)
		assert.Equal(t, ptr.To(intstr.FromInt32(2)), pdb.Spec.MinAvailable)
		assert.Equal(t, &metav1.LabelSelector{MatchLabels: selector}, pdb.Spec.Selector)
		assert.Nil(t, pdb.Spec.MaxUnavailable)
	})
	cases := map[string]struct {
		pods, maxUnavailable int32
		want                 int32
	}{
		"none may be unavailable": {3, 0, 3},
		"two of three":            {3, 2, 1},
		"never below zero":        {1, 5, 0},
		"no pods and the default": {0, 1, 0},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			pdb := PodDisruptionBudget(meta(), selector, c.pods, &strimzi.PodDisruptionBudgetTemplate{MaxUnavailable: ptr.To(c.maxUnavailable)})
			assert.Equal(t, intstr.FromInt32(c.want), *pdb.Spec.MinAvailable)
		})
	}
	t.Run("template metadata: labels merged, annotations set", func(t *testing.T) {
		in := meta()
		pdb := PodDisruptionBudget(in, selector, 2, &strimzi.PodDisruptionBudgetTemplate{Metadata: strimzi.MetadataTemplate{
			Labels:      map[string]string{"team": "a"},
			Annotations: map[string]string{"note": "b"},
		}})
		assert.Equal(t, map[string]string{"strimzi.io/cluster": "my-connect", "team": "a"}, pdb.Labels)
		assert.Equal(t, map[string]string{"note": "b"}, pdb.Annotations)
		assert.Equal(t, intstr.FromInt32(1), *pdb.Spec.MinAvailable, "a template without maxUnavailable keeps the default")
		assert.Equal(t, meta().Labels, in.Labels, "the caller's labels are not changed")
	})
	t.Run("a template without annotations keeps the caller's", func(t *testing.T) {
		in := meta()
		in.Annotations = map[string]string{"kept": "yes"}
		pdb := PodDisruptionBudget(in, selector, 2, &strimzi.PodDisruptionBudgetTemplate{})
		assert.Equal(t, map[string]string{"kept": "yes"}, pdb.Annotations)
		assert.Equal(t, meta().Labels, pdb.Labels)
	})
}

func TestMaxUnavailablePodDisruptionBudget(t *testing.T) {
	meta := metav1.ObjectMeta{Name: "c-kafka-exporter", Namespace: "ns", Labels: map[string]string{"strimzi.io/cluster": "c"}}
	selector := map[string]string{"strimzi.io/name": "c-kafka-exporter"}

	pdb := MaxUnavailablePodDisruptionBudget(meta, selector, nil)
	assert.Equal(t, metav1.TypeMeta{APIVersion: "policy/v1", Kind: "PodDisruptionBudget"}, pdb.TypeMeta)
	assert.Equal(t, ptr.To(intstr.FromInt32(1)), pdb.Spec.MaxUnavailable, "one pod may go by default")
	assert.Nil(t, pdb.Spec.MinAvailable)
	assert.Equal(t, selector, pdb.Spec.Selector.MatchLabels)

	pdb = MaxUnavailablePodDisruptionBudget(meta, selector, &strimzi.PodDisruptionBudgetTemplate{
		MaxUnavailable: ptr.To[int32](0),
		Metadata:       strimzi.MetadataTemplate{Labels: map[string]string{"team": "a"}, Annotations: map[string]string{"note": "b"}},
	})
	assert.Equal(t, ptr.To(intstr.FromInt32(0)), pdb.Spec.MaxUnavailable)
	assert.Equal(t, map[string]string{"strimzi.io/cluster": "c", "team": "a"}, pdb.Labels)
	assert.Equal(t, map[string]string{"note": "b"}, pdb.Annotations)
	assert.Equal(t, map[string]string{"strimzi.io/cluster": "c"}, meta.Labels, "the caller's labels are not changed")
}
