package connect

import (
	policyv1 "k8s.io/api/policy/v1"

	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// PodDisruptionBudget returns <cluster>-connect over the workers.
func (m *Model) PodDisruptionBudget() *policyv1.PodDisruptionBudget {
	return specs.PodDisruptionBudget(m.objectMeta(names.Connect(m.Name), m.resourceLabels, nil),
		m.selector(), m.Replicas, m.tmpl.PodDisruptionBudget)
}
