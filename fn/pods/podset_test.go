package pods

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/digest"
)

func TestNewPodSet(t *testing.T) {
	meta := metav1.ObjectMeta{Name: "my-connect-connect", Namespace: "ns"}
	selector := map[string]string{"strimzi.io/controller": "strimzipodset"}
	pods := []*corev1.Pod{{ObjectMeta: metav1.ObjectMeta{Name: "my-connect-connect-0"}}}

	ps := NewPodSet(meta, selector, pods)
	assert.Equal(t, metav1.TypeMeta{APIVersion: "core.strimzi.io/v1", Kind: "StrimziPodSet"}, ps.TypeMeta)
	assert.Equal(t, meta, ps.ObjectMeta)
	assert.Equal(t, selector, ps.Spec.Selector.MatchLabels)
	assert.Equal(t, pods, ps.Spec.Pods)

	raw, err := json.Marshal(ps)
	require.NoError(t, err)
	var doc struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Spec       struct {
			Selector struct {
				MatchLabels map[string]string `json:"matchLabels"`
			} `json:"selector"`
			Pods []json.RawMessage `json:"pods"`
		} `json:"spec"`
	}
	require.NoError(t, json.Unmarshal(raw, &doc))
	assert.Equal(t, "core.strimzi.io/v1", doc.APIVersion)
	assert.Equal(t, "StrimziPodSet", doc.Kind)
	assert.Equal(t, selector, doc.Spec.Selector.MatchLabels, "the fields the StrimziPodSet CRD names")
	assert.Len(t, doc.Spec.Pods, 1)
}

func testPod() *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "p", Annotations: map[string]string{"strimzi.io/configuration-hash": "d4db54b0"}},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: "i"}}},
	}
}

func TestSetRevisionsWithoutResources(t *testing.T) {
	p := testPod()
	SetRevisions(p)
	assert.Equal(t, "97d170e1", p.Annotations[AnnoResourceRevision], `the hash of "[]"`)
	assert.Regexp(t, `^[0-9a-f]{8}$`, p.Annotations[AnnoRevision])
	assert.Equal(t, "d4db54b0", p.Annotations[AnnoConfigurationHash], "other annotations stay")

	bare := testPod()
	bare.Annotations = nil
	SetRevisions(bare)
	assert.Equal(t, "97d170e1", bare.Annotations[AnnoResourceRevision], "annotations are created when missing")
}

func TestSetRevisionsHashesResourcesInitContainersFirst(t *testing.T) {
	initRes := corev1.ResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("100m")}}
	mainRes := corev1.ResourceRequirements{Limits: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("1Gi")}}
	p := testPod()
	p.Spec.Containers[0].Resources = mainRes
	p.Spec.InitContainers = []corev1.Container{{Name: "init"}, {Name: "rack", Resources: initRes}}

	SetRevisions(p)
	want, err := json.Marshal([]corev1.ResourceRequirements{initRes, mainRes})
	require.NoError(t, err)
	assert.Equal(t, digest.HashStubBytes(want), p.Annotations[AnnoResourceRevision], "containers without resources are left out")
	assert.Equal(t, mainRes, p.Spec.Containers[0].Resources, "the pod keeps its resources")
	assert.Equal(t, initRes, p.Spec.InitContainers[1].Resources)
}

func TestSetRevisionsSeparatesPodAndResources(t *testing.T) {
	revisions := func(mutate func(*corev1.Pod)) (string, string) {
		p := testPod()
		mutate(p)
		SetRevisions(p)
		return p.Annotations[AnnoRevision], p.Annotations[AnnoResourceRevision]
	}
	baseRev, baseRes := revisions(func(*corev1.Pod) {})

	rev, res := revisions(func(p *corev1.Pod) {
		p.Spec.Containers[0].Resources.Limits = corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("2Gi")}
	})
	assert.Equal(t, baseRev, rev, "resources do not change the revision")
	assert.NotEqual(t, baseRes, res)

	rev, res = revisions(func(p *corev1.Pod) { p.Spec.Containers[0].Image = "other" })
	assert.NotEqual(t, baseRev, rev, "any other change does")
	assert.Equal(t, baseRes, res)

	again, _ := revisions(func(*corev1.Pod) {})
	assert.Equal(t, baseRev, again, "deterministic")
}
