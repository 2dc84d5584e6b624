package connect

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
	add(m.ServiceAccount(), m.Role(), m.RoleBinding(), m.ClusterRoleBinding(), m.ConfigMap(),
		m.SharedStorageClaim(), m.APIService(), m.HeadlessService(), m.NetworkPolicy())
	if *m.cfg.PodDisruptionBudgets {
		add(m.PodDisruptionBudget())
	}
	if m.cfg.Workload == "StrimziPodSet" {
		add(m.PodSet())
	} else {
		for _, p := range m.Pods() {
			add(p)
		}
	}
	return out
}

// OperatorlessObjects are the objects a running operator does not create
// from a kept KafkaConnect: the shared storage claim.
func (m *Model) OperatorlessObjects() []any {
	if pvc := m.SharedStorageClaim(); pvc != nil {
		return []any{pvc}
	}
	return nil
}
