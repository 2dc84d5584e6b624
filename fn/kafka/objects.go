package kafka

import (
	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// ClusterObjects returns the objects the cluster shares, in a stable order:
// ServiceAccount, RBAC, Services, NetworkPolicy and PodDisruptionBudget.
// Optional objects that do not apply are left out.
func (m *Model) ClusterObjects() []specs.Object { return m.ClusterObjectsOf(m.Pools) }

// ClusterObjectsOf returns ClusterObjects as a Kubernetes cluster running
// only the given pools needs them: the Role names the Secrets of their
// nodes and the PodDisruptionBudget counts their nodes, the only ones it
// can protect there.
func (m *Model) ClusterObjectsOf(pools []*Pool) []specs.Object {
	var nodes []nodepools.Node
	for _, p := range pools {
		nodes = append(nodes, p.Nodes...)
	}
	var out []specs.Object
	out = specs.Append(out, m.ServiceAccount())
	out = specs.Append(out, m.role(nodes))
	out = specs.Append(out, m.RoleBinding())
	out = specs.Append(out, m.ClusterRoleBinding())
	out = specs.Append(out, m.BootstrapService())
	out = specs.Append(out, m.BrokersService())
	out = specs.Append(out, m.ListenerBootstrapServices()...)
	out = specs.Append(out, m.NetworkPolicy())
	if *m.cfg.PodDisruptionBudgets {
		out = specs.Append(out, m.podDisruptionBudget(len(nodes)))
	}
	return out
}

// PoolObjects returns the objects of one pool: per-node ConfigMaps, claims
// and Services, then the StrimziPodSet or the bare Pods (workload option).
func (m *Model) PoolObjects(p *Pool) []specs.Object {
	var out []specs.Object
	out = specs.Append(out, m.ConfigMaps(p)...)
	out = specs.Append(out, m.PVCs(p)...)
	out = specs.Append(out, m.PerPodServices(p)...)
	if m.cfg.Workload == config.WorkloadStrimziPodSet {
		out = specs.Append(out, m.PodSet(p))
	} else {
		out = specs.Append(out, m.Pods(p)...)
	}
	return out
}
