package connect

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// objectMeta is the metadata of a Connect object in the CR's namespace.
func (m *Model) objectMeta(name string, labels, annotations map[string]string) metav1.ObjectMeta {
	if len(annotations) == 0 {
		annotations = nil
	}
	return metav1.ObjectMeta{Name: name, Namespace: m.Ns, Labels: labels, Annotations: annotations}
}
