package kafka

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// objectMeta is the metadata of an object in the cluster's namespace.
// Rendered objects never carry ownerReferences: nothing owns them offline.
func (m *Model) objectMeta(name string, labels, annotations map[string]string) metav1.ObjectMeta {
	if len(annotations) == 0 {
		annotations = nil
	}
	if len(labels) == 0 {
		labels = nil
	}
	return metav1.ObjectMeta{Name: name, Namespace: m.Namespace, Labels: labels, Annotations: annotations}
}
