package specs

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// ObjectMeta is the metadata of a rendered object. Empty maps are left out
// so that they are not written as {}. Rendered objects never carry
// ownerReferences: nothing owns them offline.
func ObjectMeta(name, namespace string, labels, annotations map[string]string) metav1.ObjectMeta {
	if len(labels) == 0 {
		labels = nil
	}
	if len(annotations) == 0 {
		annotations = nil
	}
	return metav1.ObjectMeta{Name: name, Namespace: namespace, Labels: labels, Annotations: annotations}
}

// ClusterScoped is meta without its namespace, for cluster-scoped objects.
func ClusterScoped(meta metav1.ObjectMeta) metav1.ObjectMeta {
	meta.Namespace = ""
	return meta
}
