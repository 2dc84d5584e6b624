package specs

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestAppendLeavesOutNil(t *testing.T) {
	sa := &corev1.ServiceAccount{}
	var none *corev1.Service
	out := Append(nil, sa)
	out = Append(out, none)
	out = Append(out, []*corev1.Service{nil, {}}...)
	assert.Len(t, out, 2)
	assert.Same(t, sa, out[0])
}

func TestIdentity(t *testing.T) {
	crb := &rbacv1.ClusterRoleBinding{
		TypeMeta:   metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "ClusterRoleBinding"},
		ObjectMeta: metav1.ObjectMeta{Name: "b", Namespace: "ignored"},
	}
	assert.Equal(t, Identity{Group: "rbac.authorization.k8s.io", Kind: "ClusterRoleBinding", Name: "b"}, IdentityOf(crb, ""))
	assert.Equal(t, "ClusterRoleBinding b", IdentityOf(crb, "").String())
	svc := &corev1.Service{TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Service"}, ObjectMeta: metav1.ObjectMeta{Name: "s", Namespace: "kafka"}}
	assert.Equal(t, "Service kafka/s in cluster dc1", IdentityOf(svc, "dc1").String())
}
