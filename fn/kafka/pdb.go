package kafka

import (
	policyv1 "k8s.io/api/policy/v1"

	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
)

// PodDisruptionBudget returns <cluster>-kafka over the nodes of all pools.
func (m *Model) PodDisruptionBudget() *policyv1.PodDisruptionBudget {
	return pods.DisruptionBudget(m.objectMeta(names.Kafka(m.Name), m.resourceLabels, nil),
		m.selector(), int32(len(m.Nodes())), m.tmpl.PodDisruptionBudget)
}
