package kubevalidate

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// podSetGVK is Strimzi's StrimziPodSet. Its CRD keeps spec.pods as opaque
// objects, so the operator's later Pod create is checked here instead.
var podSetGVK = schema.GroupVersionKind{Group: "core.strimzi.io", Version: "v1", Kind: "StrimziPodSet"}

var podGVK = corev1.SchemeGroupVersion.WithKind("Pod")

// checkPodSetPods validates every spec.pods[i] through the Pod create path
// and the Pod Security profile, with paths prefixed by spec.pods[i].
// Pods without a namespace get the StrimziPodSet's, as the operator does.
func (v *Validator) checkPodSetPods(obj map[string]any, ns string, ps *problems) {
	spec, _ := obj["spec"].(map[string]any)
	pods, _ := spec["pods"].([]any)
	for i, p := range pods {
		prefix := fmt.Sprintf("spec.pods[%d]", i)
		pod, ok := p.(map[string]any)
		if !ok {
			continue // the CRD schema already reports it
		}
		pod = runtime.DeepCopyJSON(pod)
		stripFunctionAnnotations(pod)
		if pod["apiVersion"] == nil && pod["kind"] == nil {
			pod["apiVersion"], pod["kind"] = "v1", "Pod"
		}
		if got := gvkOf(refOf(pod)); got != podGVK {
			ps.add(ClassInvalid, prefix, "must be a v1 Pod, not %s", got)
			continue
		}
		if refOf(pod).Namespace == "" {
			setNamespace(pod, ns)
		}
		if versioned := createBuiltin(builtins[podGVK], podGVK, pod, prefix, ps); versioned != nil {
			p := versioned.(*corev1.Pod)
			v.checkPodSecurity(&p.ObjectMeta, &p.Spec, prefix+".spec", ps)
		}
	}
}
