package entityoperator

import (
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// permissions selects the rules of the Entity Operator's ClusterRole an
// operator needs in a namespace (EntityOperator.Permissions).
type permissions int

const (
	topicPermissions permissions = iota
	userPermissions
	allPermissions
)

// resourcePrefixes are the resources each operator manages, with their
// subresources (EntityOperator.OPERATOR_RESOURCE_PREFIXES).
var resourcePrefixes = map[permissions][]string{
	topicPermissions: {"kafkatopics"},
	userPermissions:  {"kafkausers", "secrets", "certificates"},
}

// certificateRule lets the User Operator manage the cert-manager
// Certificates of KafkaUsers when the clients CA is of type
// cert-manager.io (proposal 100).
var certificateRule = rbacv1.PolicyRule{
	APIGroups: []string{"cert-manager.io"}, Resources: []string{"certificates"},
	Verbs: []string{"get", "list", "watch", "create", "delete", "patch", "update"},
}

// clusterRoleRules are the rules of Strimzi 1.2.0's ClusterRole
// strimzi-entity-operator (031-ClusterRole-strimzi-entity-operator.yaml),
// which the operator copies into the Entity Operator's Roles.
func clusterRoleRules() []rbacv1.PolicyRule {
	const group = "kafka.strimzi.io"
	return []rbacv1.PolicyRule{
		{APIGroups: []string{group}, Resources: []string{"kafkatopics"}, Verbs: []string{"get", "list", "watch", "create", "patch", "update", "delete"}},
		{APIGroups: []string{group}, Resources: []string{"kafkausers"}, Verbs: []string{"get", "list", "watch", "create", "patch", "update"}},
		{APIGroups: []string{group}, Resources: []string{"kafkatopics/status", "kafkausers/status"}, Verbs: []string{"get", "patch", "update"}},
		{APIGroups: []string{group}, Resources: []string{"kafkatopics/finalizers", "kafkausers/finalizers"}, Verbs: []string{"update"}},
		{APIGroups: []string{""}, Resources: []string{"secrets"}, Verbs: []string{"get", "list", "watch", "create", "delete", "patch", "update"}},
	}
}

// rules keeps, of each rule, the resources p covers, dropping rules left
// empty (EntityOperator.filterRulesByPermissions). certificates adds the
// rule for cert-manager Certificates.
func rules(p permissions, certificates bool) []rbacv1.PolicyRule {
	all := clusterRoleRules()
	if certificates {
		all = append(all, certificateRule)
	}
	if p == allPermissions {
		return all
	}
	var out []rbacv1.PolicyRule
	for _, r := range all {
		var keep []string
		for _, res := range r.Resources {
			if slices.ContainsFunc(resourcePrefixes[p], func(prefix string) bool {
				return res == prefix || strings.HasPrefix(res, prefix+"/")
			}) {
				keep = append(keep, res)
			}
		}
		if len(keep) > 0 {
			r.Resources = keep
			out = append(out, r)
		}
	}
	return out
}

// ServiceAccount is <cluster>-entity-operator (AbstractModel.generateServiceAccount).
func (m *Model) ServiceAccount() *corev1.ServiceAccount {
	meta := metadataOf(m.tmpl.ServiceAccount)
	return specs.ServiceAccount(m.objectMeta(names.EntityOperator(m.cluster.Name), labels.Merge(m.resourceLabels, meta.Labels), meta.Annotations))
}

// Roles are <cluster>-entity-operator in the Kafka's namespace, with every
// rule, and, when watching other namespaces is enabled, in each other
// namespace an operator watches, with the rules of the operators watching
// it (EntityOperatorReconciler.entityOperatorRole, topicOperatorRole and
// userOperatorRole).
func (m *Model) Roles() []*rbacv1.Role {
	out := []*rbacv1.Role{m.role(m.cluster.Namespace, allPermissions)}
	if !m.cfg.EntityOperatorWatchedNamespaceEnabled {
		return out
	}
	for _, ns := range m.otherWatchedNamespaces() {
		topic := m.Topic != nil && m.Topic.WatchedNamespace == ns
		user := m.User != nil && m.User.WatchedNamespace == ns
		p := allPermissions
		switch {
		case topic && !user:
			p = topicPermissions
		case user && !topic:
			p = userPermissions
		}
		out = append(out, m.role(ns, p))
	}
	return out
}

// otherWatchedNamespaces are the watched namespaces other than the
// Kafka's, the Topic Operator's first, each once.
func (m *Model) otherWatchedNamespaces() []string {
	var out []string
	for _, ns := range []string{m.topicWatched(), m.userWatched()} {
		if ns != "" && ns != m.cluster.Namespace && !slices.Contains(out, ns) {
			out = append(out, ns)
		}
	}
	return out
}

func (m *Model) topicWatched() string {
	if m.Topic == nil {
		return ""
	}
	return m.Topic.WatchedNamespace
}

func (m *Model) userWatched() string {
	if m.User == nil {
		return ""
	}
	return m.User.WatchedNamespace
}

// role is the Role in namespace ns (EntityOperator.generateRole).
func (m *Model) role(ns string, p permissions) *rbacv1.Role {
	meta := metadataOf(m.tmpl.EntityOperatorRole)
	om := specs.ObjectMeta(names.EntityOperator(m.cluster.Name), ns, labels.Merge(m.resourceLabels, meta.Labels), meta.Annotations)
	return specs.Role(om, rules(p, m.cluster.ClientsIssuer != nil && m.User != nil))
}

// RoleBindings bind the Role to the Entity Operator's ServiceAccount for
// each operator: in the Kafka's namespace and, when enabled, in the one it
// watches (EntityTopicOperator and EntityUserOperator.generateRoleBindingForRole).
func (m *Model) RoleBindings() []*rbacv1.RoleBinding {
	var out []*rbacv1.RoleBinding
	if m.Topic != nil {
		out = append(out, m.roleBindings(names.EntityTopicOperatorRoleBinding(m.cluster.Name), m.Topic.WatchedNamespace, m.Topic.resourceLabels, m.Topic.binding)...)
	}
	if m.User != nil {
		out = append(out, m.roleBindings(names.EntityUserOperatorRoleBinding(m.cluster.Name), m.User.WatchedNamespace, m.User.resourceLabels, m.User.binding)...)
	}
	return out
}

func (m *Model) roleBindings(name, watchedNamespace string, l map[string]string, t *strimzi.ResourceTemplate) []*rbacv1.RoleBinding {
	meta := metadataOf(t)
	binding := func(ns string) *rbacv1.RoleBinding {
		om := specs.ObjectMeta(name, ns, labels.Merge(l, meta.Labels), meta.Annotations)
		sa := names.EntityOperator(m.cluster.Name)
		return specs.RoleBindingTo(om, sa, sa, m.cluster.Namespace)
	}
	out := []*rbacv1.RoleBinding{binding(m.cluster.Namespace)}
	if m.cfg.EntityOperatorWatchedNamespaceEnabled && watchedNamespace != m.cluster.Namespace {
		out = append(out, binding(watchedNamespace))
	}
	return out
}

func metadataOf(t *strimzi.ResourceTemplate) strimzi.MetadataTemplate {
	if t == nil {
		return strimzi.MetadataTemplate{}
	}
	return t.Metadata
}
