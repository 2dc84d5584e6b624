package specs

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// Object is a rendered Kubernetes object: its metadata, and its kind, which
// names its file. The k8s.io/api types satisfy it through their TypeMeta and
// ObjectMeta; every builder must set TypeMeta.
type Object interface {
	metav1.Object
	GetObjectKind() schema.ObjectKind
}

// Append appends the objects that are not nil: builders of optional
// objects return nil when the object does not apply.
func Append[T interface {
	*E
	Object
}, E any](out []Object, objs ...T) []Object {
	for _, o := range objs {
		if o != nil {
			out = append(out, o)
		}
	}
	return out
}

// Identity is what names an object in one Kubernetes cluster. Bundle is the
// cluster's alias, "" outside spec.stretch's bundles: objects of one name in
// different bundles go to different clusters.
type Identity struct{ Group, Kind, Namespace, Name, Bundle string }

// NewIdentity is the identity of an object of group and kind; the namespace
// of a cluster-scoped kind does not count, as the API server ignores it.
func NewIdentity(group, kind, namespace, name, bundle string) Identity {
	if IsClusterScoped(group, kind) {
		namespace = ""
	}
	return Identity{group, kind, namespace, name, bundle}
}

// IdentityOf is the identity of a rendered object in bundle.
func IdentityOf(o Object, bundle string) Identity {
	gvk := o.GetObjectKind().GroupVersionKind()
	return NewIdentity(gvk.Group, gvk.Kind, o.GetNamespace(), o.GetName(), bundle)
}

// IsClusterScoped reports whether objects of group and kind are
// cluster-scoped; it knows the kinds an input may hold beside what the
// function renders.
func IsClusterScoped(group, kind string) bool { return clusterScoped[[2]string{group, kind}] }

var clusterScoped = map[[2]string]bool{
	{"rbac.authorization.k8s.io", "ClusterRoleBinding"}: true,
	{"rbac.authorization.k8s.io", "ClusterRole"}:        true,
	{"", "Namespace"}:                                    true,
	{"", "PersistentVolume"}:                             true,
	{"storage.k8s.io", "StorageClass"}:                   true,
	{"scheduling.k8s.io", "PriorityClass"}:               true,
	{"apiextensions.k8s.io", "CustomResourceDefinition"}: true,
}

func (id Identity) String() string {
	s := id.Kind + " " + id.Name
	if id.Namespace != "" {
		s = id.Kind + " " + id.Namespace + "/" + id.Name
	}
	if id.Bundle != "" {
		s += " in cluster " + id.Bundle
	}
	return s
}
