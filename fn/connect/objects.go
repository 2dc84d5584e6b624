package connect

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// Objects returns every object of the KafkaConnect in a stable order.
// Optional objects that do not apply are left out.
func (m *Model) Objects() []specs.Object {
	var out []specs.Object
	if m.build != nil {
		out = append(out, m.build.Objects...)
	}
	out = specs.Append(out, m.ServiceAccount())
	out = specs.Append(out, m.Role())
	out = specs.Append(out, m.RoleBinding())
	out = specs.Append(out, m.ClusterRoleBinding())
	out = specs.Append(out, m.ConfigMap())
	out = specs.Append(out, m.SharedStorageClaim())
	out = specs.Append(out, m.APIService())
	out = specs.Append(out, m.HeadlessService())
	out = specs.Append(out, m.NetworkPolicy())
	if *m.cfg.PodDisruptionBudgets {
		out = specs.Append(out, m.PodDisruptionBudget())
	}
	switch m.cfg.Workload {
	case config.WorkloadStrimziPodSet:
		ps := m.PodSet()
		m.dependOnBuild(&ps.ObjectMeta)
		out = specs.Append(out, ps)
	case config.WorkloadStatefulSet:
		s := m.StatefulSet()
		m.dependOnBuild(&s.ObjectMeta)
		out = specs.Append(out, s)
	default:
		for _, p := range m.Pods() {
			m.dependOnBuild(&p.ObjectMeta)
			out = specs.Append(out, p)
		}
	}
	return out
}

// OperatorlessObjects are the objects a running operator does not create
// from a kept KafkaConnect: the build's objects, as the kept resource has
// no build left, and the shared storage claim.
func (m *Model) OperatorlessObjects() []specs.Object {
	var out []specs.Object
	if m.build != nil {
		out = append(out, m.build.Objects...)
	}
	return specs.Append(out, m.SharedStorageClaim())
}

// AnnoDependsOn makes kpt live apply and Config Sync apply an object only
// once the objects it names are Current by cli-utils' status rules: for a
// Job, once it has started, not once it has succeeded.
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
