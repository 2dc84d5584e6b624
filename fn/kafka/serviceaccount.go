package kafka

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// ServiceAccount returns <cluster>-kafka, which every node runs as
// (AbstractModel.generateServiceAccount).
func (m *Model) ServiceAccount() *corev1.ServiceAccount {
	meta := metadataOf(m.tmpl.ServiceAccount)
	return &corev1.ServiceAccount{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ServiceAccount"},
		ObjectMeta: m.objectMeta(names.Kafka(m.Name), labels.Merge(m.resourceLabels, meta.Labels), meta.Annotations),
	}
}
