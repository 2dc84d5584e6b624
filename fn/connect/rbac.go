package connect

import (
	rbacv1 "k8s.io/api/rbac/v1"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// KafkaClientClusterRole is the ClusterRole Strimzi installs for rack init
// containers (they read their node's labels).
const KafkaClientClusterRole = "strimzi-kafka-client"

// Role returns <cluster>-connect, which lets the workers' config provider
// read the Secrets they use, or nil when they use none
// (AuthenticationUtils; resourceNames in Java HashSet order).
func (m *Model) Role() *rbacv1.Role {
	secrets := m.secretNames()
	if len(secrets) == 0 {
		return nil
	}
	return specs.SecretReaderRole(m.objectMeta(names.Connect(m.Name), m.resourceLabels, nil), javacompat.HashOrder(secrets))
}

// RoleBinding binds Role to the workers' ServiceAccount, or is nil with it.
func (m *Model) RoleBinding() *rbacv1.RoleBinding {
	if m.Role() == nil {
		return nil
	}
	return specs.RoleBinding(m.objectMeta(names.ConnectRoleBinding(m.Name), m.resourceLabels, nil),
		names.Connect(m.Name), names.Connect(m.Name))
}

// ClusterRoleBinding lets the rack init container read node labels, or is
// nil without topology-label rack awareness (KafkaConnectCluster.generateClusterRoleBinding).
func (m *Model) ClusterRoleBinding() *rbacv1.ClusterRoleBinding {
	if m.rackTopologyKey() == "" {
		return nil
	}
	var l, a map[string]string
	if t := m.tmpl.ClusterRoleBinding; t != nil {
		l, a = t.Metadata.Labels, t.Metadata.Annotations
	}
	meta := m.objectMeta(names.ConnectInitClusterRoleBinding(m.Namespace, m.Name), labels.Merge(m.resourceLabels, l), a)
	return specs.ClusterRoleBinding(meta, KafkaClientClusterRole, names.Connect(m.Name), m.Namespace)
}
