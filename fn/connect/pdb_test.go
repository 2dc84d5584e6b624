package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

func TestPodDisruptionBudget(t *testing.T) {
	pdb := connectModel(t).PodDisruptionBudget()
	assert.Equal(t, metav1.TypeMeta{APIVersion: "policy/v1", Kind: "PodDisruptionBudget"}, pdb.TypeMeta)
	assert.Equal(t, "my-connect-connect", pdb.Name)
	assert.Equal(t, "my-namespace", pdb.Namespace)
	assert.Equal(t, resourceLabels(nil), pdb.Labels)
	assert.Nil(t, pdb.Annotations)
	assert.Nil(t, pdb.OwnerReferences)
	assert.Equal(t, &metav1.LabelSelector{MatchLabels: workerSelector}, pdb.Spec.Selector)
	assert.Equal(t, intstr.FromInt32(2), *pdb.Spec.MinAvailable, "three workers by default, one may go")
}

func TestPodDisruptionBudgetMinAvailable(t *testing.T) {
	cases := map[string]struct {
		spec []string
		want int32
	}{
		"one worker":                    {[]string{"replicas: 1"}, 0},
		"no workers":                    {[]string{"replicas: 0"}, 0},
		"template maxUnavailable":       {[]string{"replicas: 5", "template: {podDisruptionBudget: {maxUnavailable: 2}}"}, 3},
		"template maxUnavailable 0":     {[]string{"replicas: 5", "template: {podDisruptionBudget: {maxUnavailable: 0}}"}, 5},
		"maxUnavailable above replicas": {[]string{"replicas: 2", "template: {podDisruptionBudget: {maxUnavailable: 3}}"}, 0},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, intstr.FromInt32(c.want), *connectModel(t, c.spec...).PodDisruptionBudget().Spec.MinAvailable)
		})
	}
}

func TestPodDisruptionBudgetTemplateMetadata(t *testing.T) {
	pdb := connectModel(t, "template: {podDisruptionBudget: {metadata: {labels: {team: a}, annotations: {note: b}}}}").PodDisruptionBudget()
	assert.Equal(t, resourceLabels(map[string]string{"team": "a"}), pdb.Labels)
	assert.Equal(t, map[string]string{"note": "b"}, pdb.Annotations)
}
