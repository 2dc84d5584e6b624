package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

const (
	tlsTrustedCerts = "tls: {trustedCertificates: [{secretName: my-cluster-cluster-ca-cert, certificate: ca.crt}]}"
	tlsClientAuth   = "authentication: {type: tls, certificateAndKey: {secretName: my-user, certificate: user.crt, key: user.key}}"
	scramAuth       = "authentication: {type: scram-sha-512, username: my-user, passwordSecret: {secretName: my-user-password, password: password}}"
	topologyRack    = "rack: {topologyKey: topology.kubernetes.io/zone}"
)

func TestNoRoleWithoutSecrets(t *testing.T) {
	m := connectModel(t)
	assert.Nil(t, m.Role())
	assert.Nil(t, m.RoleBinding())

	custom := connectModel(t, "authentication: {type: custom, sasl: true, config: {sasl.mechanism: AWS_MSK_IAM}}")
	assert.Nil(t, custom.Role(), "custom authentication reads no Secret through the config provider")
}

func TestRole(t *testing.T) {
	role := connectModel(t, tlsTrustedCerts).Role()
	require.NotNil(t, role)
	assert.Equal(t, metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "Role"}, role.TypeMeta)
	assert.Equal(t, "my-connect-connect", role.Name)
	assert.Equal(t, "my-namespace", role.Namespace)
	assert.Equal(t, resourceLabels(nil), role.Labels)
	assert.Nil(t, role.Annotations)
	assert.Equal(t, []rbacv1.PolicyRule{{
		APIGroups:     []string{""},
		Resources:     []string{"secrets"},
		Verbs:         []string{"get"},
		ResourceNames: []string{"my-connect-connect-tls-trusted-certs"},
	}}, role.Rules, "the workers read the trusted certificates the operator copies, not the user's Secret")
}

// Expected orders were printed by a JDK (javacompat/testdata/HashMapOrder.java).
func TestRoleResourceNamesInJavaHashSetOrder(t *testing.T) {
	tls := connectModel(t, tlsTrustedCerts, tlsClientAuth).Role()
	require.NotNil(t, tls)
	assert.Equal(t, []string{"my-connect-connect-tls-trusted-certs", "my-user"}, tls.Rules[0].ResourceNames)

	scram := connectModel(t, tlsTrustedCerts, scramAuth).Role()
	require.NotNil(t, scram)
	assert.Equal(t, []string{"my-user-password", "my-connect-connect-tls-trusted-certs"}, scram.Rules[0].ResourceNames,
		"not the order the Secrets are listed in")
}

func TestRoleBinding(t *testing.T) {
	rb := connectModel(t, scramAuth).RoleBinding()
	require.NotNil(t, rb)
	assert.Equal(t, metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "RoleBinding"}, rb.TypeMeta)
	assert.Equal(t, "my-connect-connect-connect-role", rb.Name)
	assert.Equal(t, "my-namespace", rb.Namespace)
	assert.Equal(t, resourceLabels(nil), rb.Labels)
	assert.Nil(t, rb.Annotations)
	assert.Equal(t, rbacv1.RoleRef{APIGroup: "rbac.authorization.k8s.io", Kind: "Role", Name: "my-connect-connect"}, rb.RoleRef)
	assert.Equal(t, []rbacv1.Subject{{Kind: "ServiceAccount", Name: "my-connect-connect", Namespace: "my-namespace"}}, rb.Subjects)
}

func TestClusterRoleBindingOnlyForTopologyLabelRack(t *testing.T) {
	assert.Nil(t, connectModel(t).ClusterRoleBinding())
	assert.Nil(t, connectModel(t, "rack: {type: environment-variable, envVarName: ZONE}").ClusterRoleBinding())
	assert.NotNil(t, connectModel(t, "rack: {type: topology-label, topologyKey: zone}").ClusterRoleBinding())
}

func TestClusterRoleBinding(t *testing.T) {
	crb := connectModel(t, topologyRack).ClusterRoleBinding()
	require.NotNil(t, crb)
	assert.Equal(t, metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "ClusterRoleBinding"}, crb.TypeMeta)
	assert.Equal(t, "strimzi-my-namespace-my-connect-connect-init", crb.Name)
	assert.Empty(t, crb.Namespace, "cluster-scoped")
	assert.Equal(t, resourceLabels(nil), crb.Labels)
	assert.Nil(t, crb.Annotations)
	assert.Equal(t, rbacv1.RoleRef{APIGroup: "rbac.authorization.k8s.io", Kind: "ClusterRole", Name: "strimzi-kafka-client"}, crb.RoleRef)
	assert.Equal(t, []rbacv1.Subject{{Kind: "ServiceAccount", Name: "my-connect-connect", Namespace: "my-namespace"}}, crb.Subjects)
}

func TestClusterRoleBindingTemplate(t *testing.T) {
	crb := connectModel(t, topologyRack,
		"template: {clusterRoleBinding: {metadata: {labels: {team: a}, annotations: {note: b}}}}").ClusterRoleBinding()
	require.NotNil(t, crb)
	assert.Equal(t, resourceLabels(map[string]string{"team": "a"}), crb.Labels)
	assert.Equal(t, map[string]string{"note": "b"}, crb.Annotations)
}
