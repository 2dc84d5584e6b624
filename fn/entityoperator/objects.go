package entityoperator

import (
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"

	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// NetworkPolicy opens each operator's health check port to everyone, or is
// nil when network policies are off (EntityOperator.generateNetworkPolicy).
func (m *Model) NetworkPolicy() *networkingv1.NetworkPolicy {
	if !*m.cfg.NetworkPolicies {
		return nil
	}
	var rules []networkingv1.NetworkPolicyIngressRule
	if m.Topic != nil {
		rules = append(rules, specs.IngressRule(topicHealthPort))
	}
	if m.User != nil {
		rules = append(rules, specs.IngressRule(userHealthPort))
	}
	return specs.NetworkPolicy(m.objectMeta(m.component.Name, m.resourceLabels, nil), m.selectorLabels(), rules)
}

// PodDisruptionBudget lets the template's maxUnavailable pods go, or is
// nil when PDBs are off (EntityOperator.generatePodDisruptionBudget).
func (m *Model) PodDisruptionBudget() *policyv1.PodDisruptionBudget {
	if !*m.cfg.PodDisruptionBudgets {
		return nil
	}
	return specs.MaxUnavailablePodDisruptionBudget(m.objectMeta(m.component.Name, m.resourceLabels, nil), m.selectorLabels(), m.tmpl.PodDisruptionBudget)
}

// Objects are the Entity Operator's objects in the order the operator
// reconciles them: ServiceAccount, Roles, NetworkPolicy, PDB,
// RoleBindings, logging ConfigMaps, in cert-manager mode the operators'
// Certificates, Deployment
// (EntityOperatorReconciler.reconcile). None without an Entity Operator.
func (m *Model) Objects() []specs.Object {
	if m == nil {
		return nil
	}
	out := specs.Append(nil, m.ServiceAccount())
	out = specs.Append(out, m.Roles()...)
	out = specs.Append(out, m.NetworkPolicy())
	out = specs.Append(out, m.PodDisruptionBudget())
	out = specs.Append(out, m.RoleBindings()...)
	if m.Topic != nil {
		out = specs.Append(out, m.Topic.ConfigMap())
	}
	if m.User != nil {
		out = specs.Append(out, m.User.ConfigMap())
	}
	out = specs.Append(out, m.Certificates()...)
	return specs.Append(out, m.Deployment())
}
