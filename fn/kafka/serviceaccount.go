package kafka

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// ServiceAccount returns <cluster>-kafka, which every node runs as
// (AbstractModel.generateServiceAccount).
func (m *Model) ServiceAccount() *corev1.ServiceAccount {
	meta := metadataOf(m.tmpl.ServiceAccount)
	return specs.ServiceAccount(m.objectMeta(names.Kafka(m.Name), labels.Merge(m.resourceLabels, meta.Labels), meta.Annotations))
}
