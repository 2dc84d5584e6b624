package kafka

import (
	policyv1 "k8s.io/api/policy/v1"

	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// PodDisruptionBudget returns <cluster>-kafka over the nodes of all pools.
func (m *Model) PodDisruptionBudget() *policyv1.PodDisruptionBudget {
	return m.podDisruptionBudget(len(m.Nodes()))
}

// podDisruptionBudget is the PDB over nodes pods, which a stretched cluster
// counts per Kubernetes cluster.
func (m *Model) podDisruptionBudget(nodes int) *policyv1.PodDisruptionBudget {
	return specs.PodDisruptionBudget(m.objectMeta(names.Kafka(m.Name), m.resourceLabels, nil),
		m.selector(), int32(nodes), m.tmpl.PodDisruptionBudget)
}
