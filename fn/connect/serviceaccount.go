package connect

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// ServiceAccount returns <cluster>-connect (KafkaConnectCluster.generateServiceAccount).
func (m *Model) ServiceAccount() *corev1.ServiceAccount {
	var l, a map[string]string
	if t := m.tmpl.ServiceAccount; t != nil {
		l, a = t.Metadata.Labels, t.Metadata.Annotations
	}
	return &corev1.ServiceAccount{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ServiceAccount"},
		ObjectMeta: m.objectMeta(names.Connect(m.Cluster), labels.Merge(m.resourceLabels, l), a),
	}
}
