package specs

import (
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

const rbacGroup = "rbac.authorization.k8s.io"

// SecretReaderRole lets its subjects get the named Secrets, in the order
// given: Strimzi lists them in Java HashSet order.
func SecretReaderRole(meta metav1.ObjectMeta, secrets []string) *rbacv1.Role {
	return &rbacv1.Role{
		TypeMeta:   metav1.TypeMeta{APIVersion: rbacGroup + "/v1", Kind: "Role"},
		ObjectMeta: meta,
		Rules: []rbacv1.PolicyRule{{
			APIGroups: []string{""}, Resources: []string{"secrets"}, Verbs: []string{"get"},
			ResourceNames: secrets,
		}},
	}
}

// RoleBinding binds the Role role to a ServiceAccount of meta's namespace.
func RoleBinding(meta metav1.ObjectMeta, role, serviceAccount string) *rbacv1.RoleBinding {
	return &rbacv1.RoleBinding{
		TypeMeta:   metav1.TypeMeta{APIVersion: rbacGroup + "/v1", Kind: "RoleBinding"},
		ObjectMeta: meta,
		RoleRef:    rbacv1.RoleRef{APIGroup: rbacGroup, Kind: "Role", Name: role},
		Subjects:   []rbacv1.Subject{{Kind: "ServiceAccount", Name: serviceAccount, Namespace: meta.Namespace}},
	}
}

// ClusterRoleBinding binds the ClusterRole clusterRole to the ServiceAccount
// serviceAccount of namespace; the binding itself is cluster-scoped.
func ClusterRoleBinding(meta metav1.ObjectMeta, clusterRole, serviceAccount, namespace string) *rbacv1.ClusterRoleBinding {
	return &rbacv1.ClusterRoleBinding{
		TypeMeta:   metav1.TypeMeta{APIVersion: rbacGroup + "/v1", Kind: "ClusterRoleBinding"},
		ObjectMeta: ClusterScoped(meta),
		RoleRef:    rbacv1.RoleRef{APIGroup: rbacGroup, Kind: "ClusterRole", Name: clusterRole},
		Subjects:   []rbacv1.Subject{{Kind: "ServiceAccount", Name: serviceAccount, Namespace: namespace}},
	}
}

// Role grants rules in meta's namespace.
func Role(meta metav1.ObjectMeta, rules []rbacv1.PolicyRule) *rbacv1.Role {
	return &rbacv1.Role{
		TypeMeta:   metav1.TypeMeta{APIVersion: rbacGroup + "/v1", Kind: "Role"},
		ObjectMeta: meta,
		Rules:      rules,
	}
}

// RoleBindingTo binds the Role role, in meta's namespace, to the
// ServiceAccount serviceAccount of namespace, which may be another one.
func RoleBindingTo(meta metav1.ObjectMeta, role, serviceAccount, namespace string) *rbacv1.RoleBinding {
	rb := RoleBinding(meta, role, serviceAccount)
	rb.Subjects[0].Namespace = namespace
	return rb
}
