package kafka

import (
	"reflect"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

// ClusterObjects returns the objects the cluster shares, in a stable order:
// ServiceAccount, RBAC, Services, NetworkPolicy and PodDisruptionBudget,
// then the Entity Operator's. Optional objects that do not apply are left out.
func (m *Model) ClusterObjects() []any {
	return append(m.ClusterObjectsOf(m.Pools), m.EntityOperator.Objects()...)
}

// ClusterObjectsOf returns ClusterObjects as a Kubernetes cluster running
// only the given pools needs them: the Role names the Secrets of their
// nodes and the PodDisruptionBudget counts their nodes, the only ones it
// can protect there.
func (m *Model) ClusterObjectsOf(pools []*Pool) []any {
	var nodes []nodepools.Node
	for _, p := range pools {
		nodes = append(nodes, p.Nodes...)
	}
	var out []any
	add := func(objs ...any) { out = appendSet(out, objs...) }
	add(m.ServiceAccount(), m.role(nodes), m.RoleBinding(), m.ClusterRoleBinding(),
		m.BootstrapService(), m.BrokersService())
	for _, s := range m.ListenerBootstrapServices() {
		add(s)
	}
	add(m.NetworkPolicy())
	if *m.cfg.PodDisruptionBudgets {
		add(m.podDisruptionBudget(len(nodes)))
	}
	return out
}

// PoolObjects returns the objects of one pool: per-node ConfigMaps, claims
// and Services, then the StrimziPodSet, the StatefulSet or the bare Pods
// (workload option). A StatefulSet's claims come from its
// volumeClaimTemplates: its controller creates them, and adopts a claim
// left from an earlier scale-up, which a rendered claim would contend for.
func (m *Model) PoolObjects(p *Pool) []any {
	var out []any
	add := func(objs ...any) { out = appendSet(out, objs...) }
	for _, cm := range m.ConfigMaps(p) {
		add(cm)
	}
	if m.cfg.Workload != config.WorkloadStatefulSet {
		for _, pvc := range m.PVCs(p) {
			add(pvc)
		}
	}
	for _, s := range m.PerPodServices(p) {
		add(s)
	}
	switch m.cfg.Workload {
	case config.WorkloadStrimziPodSet:
		add(m.PodSet(p))
	case config.WorkloadStatefulSet:
		add(m.StatefulSet(p))
	default:
		for _, pod := range m.Pods(p) {
			add(pod)
		}
	}
	return out
}

// appendSet appends the objects that are not nil pointers.
func appendSet(out []any, objs ...any) []any {
	for _, o := range objs {
		if o == nil {
			continue
		}
		if v := reflect.ValueOf(o); v.Kind() == reflect.Pointer && v.IsNil() {
			continue
		}
		out = append(out, o)
	}
	return out
}
