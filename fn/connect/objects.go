package connect

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/config"
)

// Objects returns every object of the KafkaConnect in a stable order.
// Optional objects that do not apply are left out.
func (m *Model) Objects() []any {
	var out []any
	add := func(objs ...any) {
		for _, o := range objs {
			if !isNil(o) {
				out = append(out, o)
			}
		}
	}
	if m.build != nil {
		add(m.build.Objects...)
	}
	add(m.ServiceAccount(), m.Role(), m.RoleBinding(), m.ClusterRoleBinding(), m.ConfigMap(),
		m.SharedStorageClaim(), m.APIService(), m.HeadlessService(), m.NetworkPolicy())
	if *m.cfg.PodDisruptionBudgets {
		add(m.PodDisruptionBudget())
	}
	switch m.cfg.Workload {
	case config.WorkloadStrimziPodSet:
		ps := m.PodSet()
		m.dependOnBuild(&ps.ObjectMeta)
		add(ps)
	case config.WorkloadStatefulSet:
		s := m.StatefulSet()
		m.dependOnBuild(&s.ObjectMeta)
		add(s)
	default:
		for _, p := range m.Pods() {
			m.dependOnBuild(&p.ObjectMeta)
			add(p)
		}
	}
	return out
}

// OperatorlessObjects are the objects a running operator does not create
// from a kept KafkaConnect: the build's objects, as the kept resource has
// no build left, and the shared storage claim.
func (m *Model) OperatorlessObjects() []any {
	var out []any
	if m.build != nil {
		out = append(out, m.build.Objects...)
	}
	if pvc := m.SharedStorageClaim(); pvc != nil {
		out = append(out, pvc)
	}
	return out
}

// AnnoDependsOn makes kpt live apply and Config Sync apply an object only
// once the objects it names are reconciled: a Job when it has succeeded.
const AnnoDependsOn = "config.kubernetes.io/depends-on"

// dependOnBuild orders a workload object after the build. The annotation is
// the workload's own, outside the pod revision, so it never restarts pods.
func (m *Model) dependOnBuild(meta *metav1.ObjectMeta) {
	if m.build == nil || m.build.DependsOn == "" {
		return
	}
	if meta.Annotations == nil {
		meta.Annotations = map[string]string{}
	}
	meta.Annotations[AnnoDependsOn] = m.build.DependsOn
}
