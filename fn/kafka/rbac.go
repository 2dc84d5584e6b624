package kafka

import (
	"slices"

	rbacv1 "k8s.io/api/rbac/v1"

	"github.com/strimzi-render/strimzi-render/fn/certmanager"
	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// BrokerClusterRole is the ClusterRole Strimzi installs for the rack init
// container, which reads the labels of its node.
const BrokerClusterRole = "strimzi-kafka-broker"

// Role returns <cluster>-kafka, which lets the nodes' config provider read
// the certificate Secrets server.config refers to: the cluster CA, the trust
// bundle, each node's own and, with TLS client authentication, the clients
// CA. Names come in Java HashSet order (KafkaCluster.generateRole).
func (m *Model) Role() *rbacv1.Role { return m.role(m.Nodes()) }

func (m *Model) role(nodes []nodepools.Node) *rbacv1.Role {
	return specs.SecretReaderRole(m.objectMeta(names.Kafka(m.Name), m.resourceLabels, nil), javacompat.HashOrder(m.secretNames(nodes)))
}

// secretNames are the Secrets the nodes read, each once: certificates,
// never a CA key. With a cert-manager.io CA they are cert-manager's and
// the user's (tlsSources).
func (m *Model) secretNames(nodes []nodepools.Node) []string {
	var out []string
	add := func(names ...string) {
		for _, n := range names {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	if ca := m.ClusterCA(); ca.CertManagerMode() {
		add(ca.CertManager.CACert.SecretName)
		for _, n := range nodes {
			add(certmanager.SecretName(n.Pod))
		}
		for _, l := range m.Listeners {
			if l.Config.CustomCert {
				add(l.Config.UserCert.Secret)
			}
		}
	} else {
		add(names.ClusterCACert(m.Name), names.KafkaTrustBundle(m.Name))
		for _, n := range nodes {
			add(n.Pod)
		}
	}
	if m.tlsClientAuth() {
		if ca := m.ClientsCA(); ca.CertManagerMode() {
			add(ca.CertManager.CACert.SecretName)
		} else {
			add(names.KafkaTrustBundle(m.Name), names.ClientsCACert(m.Name))
		}
	}
	return out
}

// tlsClientAuth reports whether any listener authenticates clients by TLS.
func (m *Model) tlsClientAuth() bool {
	for _, l := range m.Listeners {
		if l.Auth != nil && l.Auth.Type == brokerconfig.AuthTLS {
			return true
		}
	}
	return false
}

// RoleBinding binds Role to the nodes' ServiceAccount (KafkaCluster.generateRoleBindingForRole).
func (m *Model) RoleBinding() *rbacv1.RoleBinding {
	return specs.RoleBinding(m.objectMeta(names.KafkaRoleBinding(m.Name), m.resourceLabels, nil),
		names.Kafka(m.Name), names.Kafka(m.Name))
}

// ClusterRoleBinding lets the rack init container read node labels, or is
// nil without topology-label rack awareness (KafkaCluster.generateClusterRoleBinding).
func (m *Model) ClusterRoleBinding() *rbacv1.ClusterRoleBinding {
	if m.rackTopologyKey() == "" {
		return nil
	}
	meta := metadataOf(m.tmpl.ClusterRoleBinding)
	om := m.objectMeta(names.KafkaInitClusterRoleBinding(m.Namespace, m.Name), labels.Merge(m.resourceLabels, meta.Labels), meta.Annotations)
	return specs.ClusterRoleBinding(om, BrokerClusterRole, names.Kafka(m.Name), m.Namespace)
}
