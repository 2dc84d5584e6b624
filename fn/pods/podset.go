package pods

import (
	"encoding/json"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/digest"
)

// Pod annotation keys shared by Kafka and Connect.
const (
	AnnoConfigurationHash = "strimzi.io/configuration-hash"
	AnnoRevision          = "strimzi.io/revision"
	AnnoResourceRevision  = "strimzi.io/resource-revision"
)

// StrimziPodSet is core.strimzi.io/v1 StrimziPodSet, the operator's workload.
type StrimziPodSet struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              StrimziPodSetSpec `json:"spec"`
}

// StrimziPodSetSpec lists the pods; only selector.matchLabels is honoured.
type StrimziPodSetSpec struct {
	Selector metav1.LabelSelector `json:"selector"`
	Pods     []*corev1.Pod        `json:"pods"`
}

// NewPodSet wraps pods in a StrimziPodSet with meta and selector labels.
func NewPodSet(meta metav1.ObjectMeta, selector map[string]string, pods []*corev1.Pod) *StrimziPodSet {
	return &StrimziPodSet{
		TypeMeta:   metav1.TypeMeta{APIVersion: "core.strimzi.io/v1", Kind: "StrimziPodSet"},
		ObjectMeta: meta,
		Spec:       StrimziPodSetSpec{Selector: metav1.LabelSelector{MatchLabels: selector}, Pods: pods},
	}
}

// SetRevisions sets strimzi.io/revision and strimzi.io/resource-revision,
// last, as Strimzi does (PodRevision). resource-revision hashes the JSON array
// of the containers' resources (init containers first; "[]" without any,
// 97d170e1). revision hashes the pod without resources; Strimzi hashes
// fabric8's JSON, which only a Java runtime reproduces, so this is a stable
// substitute that changes whenever the pod does.
func SetRevisions(p *corev1.Pod) {
	var res []corev1.ResourceRequirements
	for _, c := range append(append([]corev1.Container{}, p.Spec.InitContainers...), p.Spec.Containers...) {
		if len(c.Resources.Limits) > 0 || len(c.Resources.Requests) > 0 || len(c.Resources.Claims) > 0 {
			res = append(res, c.Resources)
		}
	}
	resJSON := []byte("[]")
	if len(res) > 0 {
		resJSON, _ = json.Marshal(res)
	}
	bare := p.DeepCopy()
	for _, cs := range [][]corev1.Container{bare.Spec.InitContainers, bare.Spec.Containers} {
		for i := range cs {
			cs[i].Resources = corev1.ResourceRequirements{}
		}
	}
	podJSON, _ := json.Marshal(bare)
	if p.Annotations == nil {
		p.Annotations = map[string]string{}
	}
	p.Annotations[AnnoRevision] = digest.HashStubBytes(podJSON)
	p.Annotations[AnnoResourceRevision] = digest.HashStubBytes(resJSON)
}
