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
