package kafka

import (
	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// ClusterObjects returns the objects the cluster shares, in a stable order:
// ServiceAccount, RBAC, Services, NetworkPolicy and PodDisruptionBudget,
// then the Kafka Exporter's and the Entity Operator's. Optional objects that
// do not apply are left out.
func (m *Model) ClusterObjects() []specs.Object {
	out := append(m.ClusterObjectsOf(m.Pools), m.KafkaExporter().Objects()...)
	return append(out, m.EntityOperator.Objects()...)
}

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

// PoolObjects returns the objects of one pool: in cert-manager mode the
// nodes' Certificates, then per-node ConfigMaps, claims
// and Services, then the StrimziPodSet, the StatefulSet or the bare Pods
// (workload option). A StatefulSet's claims come from its
// volumeClaimTemplates: its controller creates them, and adopts a claim
// left from an earlier scale-up, which a rendered claim would contend for.
func (m *Model) PoolObjects(p *Pool) []specs.Object {
	var out []specs.Object
	out = specs.Append(out, m.NodeCertificates(p)...)
	out = specs.Append(out, m.ConfigMaps(p)...)
	if m.cfg.Workload != config.WorkloadStatefulSet {
		out = specs.Append(out, m.PVCs(p)...)
	}
	out = specs.Append(out, m.PerPodServices(p)...)
	switch m.cfg.Workload {
	case config.WorkloadStrimziPodSet:
		out = specs.Append(out, m.PodSet(p))
	case config.WorkloadStatefulSet:
		out = specs.Append(out, m.StatefulSet(p))
	default:
		out = specs.Append(out, m.Pods(p)...)
	}
	return out
}
