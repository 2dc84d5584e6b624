package specs

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"
)

func TestObjectMetaLeavesOutEmptyMaps(t *testing.T) {
	m := ObjectMeta("a", "ns", map[string]string{}, map[string]string{})
	assert.Nil(t, m.Labels)
	assert.Nil(t, m.Annotations)
	assert.Equal(t, "ns", m.Namespace)
	m = ObjectMeta("a", "ns", map[string]string{"k": "v"}, map[string]string{"a": "b"})
	assert.Equal(t, map[string]string{"k": "v"}, m.Labels)
	assert.Equal(t, map[string]string{"a": "b"}, m.Annotations)
	assert.Empty(t, ClusterScoped(m).Namespace)
	assert.Equal(t, "a", ClusterScoped(m).Name)
}

func TestServicePortTargetsTheNamedContainerPort(t *testing.T) {
	p := ServicePort("rest-api", 8083)
	assert.Equal(t, corev1.ServicePort{Name: "rest-api", Port: 8083, TargetPort: intstr.FromString("rest-api"), Protocol: corev1.ProtocolTCP}, p)
	assert.Equal(t, corev1.ContainerPort{Name: "jmx", ContainerPort: 9999, Protocol: corev1.ProtocolTCP}, ContainerPort("jmx", 9999))
}

func TestNetworkPolicy(t *testing.T) {
	sel := map[string]string{"strimzi.io/name": "c-kafka"}
	np := NetworkPolicy(ObjectMeta("np", "ns", nil, nil), sel,
		[]networkingv1.NetworkPolicyIngressRule{IngressRule(9090, PodsPeer(sel), OperatorPeer()), IngressRule(9404)})
	assert.Equal(t, "networking.k8s.io/v1", np.APIVersion)
	assert.Equal(t, "NetworkPolicy", np.Kind)
	assert.Equal(t, sel, np.Spec.PodSelector.MatchLabels)
	require.Len(t, np.Spec.Ingress, 2)
	r := np.Spec.Ingress[0]
	assert.Equal(t, intstr.FromInt32(9090), *r.Ports[0].Port)
	assert.Equal(t, corev1.ProtocolTCP, *r.Ports[0].Protocol)
	require.Len(t, r.From, 2)
	assert.Equal(t, sel, r.From[0].PodSelector.MatchLabels)
	assert.Nil(t, r.From[0].NamespaceSelector)
	assert.Equal(t, map[string]string{"strimzi.io/kind": "cluster-operator"}, r.From[1].PodSelector.MatchLabels)
	assert.NotNil(t, r.From[1].NamespaceSelector, "the operator may run in any namespace")
	assert.Empty(t, np.Spec.Ingress[1].From, "no peers opens the port to everyone")
}

func TestRBAC(t *testing.T) {
	role := SecretReaderRole(ObjectMeta("c-kafka", "ns", nil, nil), []string{"b", "a"})
	assert.Equal(t, "rbac.authorization.k8s.io/v1", role.APIVersion)
	require.Len(t, role.Rules, 1)
	assert.Equal(t, []string{"b", "a"}, role.Rules[0].ResourceNames, "order as given")
	assert.Equal(t, []string{"get"}, role.Rules[0].Verbs)
	assert.Equal(t, []string{"secrets"}, role.Rules[0].Resources)

	rb := RoleBinding(ObjectMeta("c-kafka-role", "ns", nil, nil), "c-kafka", "c-sa")
	assert.Equal(t, "Role", rb.RoleRef.Kind)
	assert.Equal(t, "c-kafka", rb.RoleRef.Name)
	assert.Equal(t, "ns", rb.Subjects[0].Namespace)
	assert.Equal(t, "c-sa", rb.Subjects[0].Name)

	crb := ClusterRoleBinding(ObjectMeta("strimzi-ns-c", "ns", nil, nil), "strimzi-kafka-broker", "c-kafka", "ns")
	assert.Empty(t, crb.Namespace, "cluster-scoped")
	assert.Equal(t, "ClusterRole", crb.RoleRef.Kind)
	assert.Equal(t, "ns", crb.Subjects[0].Namespace)
}

func TestPersistentVolumeClaim(t *testing.T) {
	pvc := PersistentVolumeClaim(ObjectMeta("data-0", "ns", nil, nil), Claim{AccessMode: corev1.ReadWriteMany, Size: "10Gi"})
	assert.Equal(t, []corev1.PersistentVolumeAccessMode{corev1.ReadWriteMany}, pvc.Spec.AccessModes)
	assert.Equal(t, "10Gi", ptr.To(pvc.Spec.Resources.Requests[corev1.ResourceStorage]).String())
	assert.Equal(t, corev1.PersistentVolumeFilesystem, *pvc.Spec.VolumeMode)
	assert.Nil(t, pvc.Spec.StorageClassName)
	assert.Nil(t, pvc.Spec.VolumeAttributesClassName)
	assert.Nil(t, pvc.Spec.Selector)

	pvc = PersistentVolumeClaim(ObjectMeta("data-0", "ns", nil, nil), Claim{AccessMode: corev1.ReadWriteOnce, Size: "1Gi",
		StorageClass: "fast", VolumeAttributesClass: "gold", Selector: map[string]string{"zone": "a"}})
	assert.Equal(t, "fast", *pvc.Spec.StorageClassName)
	assert.Equal(t, "gold", *pvc.Spec.VolumeAttributesClassName)
	assert.Equal(t, map[string]string{"zone": "a"}, pvc.Spec.Selector.MatchLabels)
}

func TestServiceAccount(t *testing.T) {
	sa := ServiceAccount(ObjectMeta("c-connect", "ns", nil, nil))
	assert.Equal(t, "v1", sa.APIVersion)
	assert.Equal(t, "ServiceAccount", sa.Kind)
	assert.Equal(t, "c-connect", sa.Name)
}

func TestRoleAndCrossNamespaceBinding(t *testing.T) {
	rules := []rbacv1.PolicyRule{{APIGroups: []string{"kafka.strimzi.io"}, Resources: []string{"kafkatopics"}, Verbs: []string{"get"}}}
	role := Role(ObjectMeta("c-entity-operator", "watched", nil, nil), rules)
	assert.Equal(t, "Role", role.Kind)
	assert.Equal(t, rules, role.Rules)
	rb := RoleBindingTo(ObjectMeta("c-entity-topic-operator-role", "watched", nil, nil), "c-entity-operator", "c-entity-operator", "home")
	assert.Equal(t, "watched", rb.Namespace)
	assert.Equal(t, "home", rb.Subjects[0].Namespace, "the ServiceAccount stays in its own namespace")
	assert.Equal(t, "c-entity-operator", rb.RoleRef.Name)
}
