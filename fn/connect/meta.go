package connect

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// objectMeta is the metadata of a Connect object in the CR's namespace.
func (m *Model) objectMeta(name string, labels, annotations map[string]string) metav1.ObjectMeta {
	return specs.ObjectMeta(name, m.Namespace, labels, annotations)
}
