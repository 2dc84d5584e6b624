package connect

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// ServiceAccount returns <cluster>-connect (KafkaConnectCluster.generateServiceAccount).
func (m *Model) ServiceAccount() *corev1.ServiceAccount {
	var l, a map[string]string
	if t := m.tmpl.ServiceAccount; t != nil {
		l, a = t.Metadata.Labels, t.Metadata.Annotations
	}
	return specs.ServiceAccount(m.objectMeta(names.Connect(m.Name), labels.Merge(m.resourceLabels, l), a))
}
