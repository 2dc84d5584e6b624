package fn

import (
	"fmt"
	"path"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/assembly"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// AnnoSource names the custom resource an object was rendered from. It lets
// a later run replace what an earlier run rendered (idempotency) and tells
// reviewers where an object comes from.
const AnnoSource = "strimzi-render.dev/source"

// rendering is the outcome for one custom resource, as YAML.
type rendering struct {
	source *yaml.RNode
	// from is the resource a later run renders the objects from: source,
	// or the Kafka of a KafkaNodePool. Objects rendered from one resource
	// are emitted together.
	from *yaml.RNode
	// replacement takes the source's place: nothing (the default), or the
	// kept resource for a running operator.
	replacement []*yaml.RNode
	objects     []object
	// kafkas are the Kafkas the source belongs to or connects to.
	kafkas []assembly.KafkaRef
	// failed renderings leave the source untouched in the output.
	failed bool
}

// object is a rendered object and the bundle its renderer gave it.
type object struct {
	*yaml.RNode
	bundle string
}

// nodes are the rendering's objects.
func (r *rendering) nodes() []*yaml.RNode {
	out := make([]*yaml.RNode, len(r.objects))
	for i, o := range r.objects {
		out[i] = o.RNode
	}
	return out
}

// sourceID is the AnnoSource value of objects rendered from node.
func sourceID(node *yaml.RNode) string {
	return node.GetKind() + "/" + node.GetName()
}

// clusterSourceID is the AnnoSource value of a cluster-scoped object
// rendered from a namespaced node: <kind>/<namespace>/<name>, since the
// object's own namespace cannot tell which of two sources of one name it
// comes from.
func clusterSourceID(node *yaml.RNode) string {
	return node.GetKind() + "/" + node.GetNamespace() + "/" + node.GetName()
}

// place turns a Rendering into YAML: each object marked as rendered from
// the resource a later run renders it from, filed next to the source
// (<dir of the source's file>/<NN>-<kind>_<name>.yaml, so kpt writes one file
// per object beside the resource it came from), and its problems into
// results about the resources they name.
func place(a *assembly.Rendering) (*rendering, framework.Results) {
	r := &rendering{source: a.Source, from: a.RenderedFrom, replacement: a.Replacement, kafkas: a.Kafkas, failed: a.Failed}
	res := make(framework.Results, 0, len(a.Problems)+1)
	var err error
	if file, _, _ := kioutil.GetFileAnnotations(a.Source); !a.Failed && file != "" && !config.InsidePackage(file) {
		// Objects are filed beside their source: never outside the package.
		r.failed = true
		res = append(res, results.ErrorAt(a.Source, "metadata.annotations["+kioutil.PathAnnotation+"]",
			"%q is not a path inside the package, and the objects rendered from %s would be written beside it: give the file a relative path below the package's root, with / between its parts", file, sourceID(a.Source)))
	} else if !a.Failed {
		r.objects, err = placeBeside(a.RenderedFrom, a.Source, a.Objects)
	}
	for _, p := range a.Problems {
		res = append(res, p.Result(r.nodeOf(p.Resource)))
	}
	if err != nil {
		r.objects, r.failed = nil, true
		res = append(res, results.Internal(a.Source, err).Result(a.Source))
	}
	return r, res
}

// nodeOf is the node a problem about res is reported at: the source's when
// res is empty, a rendered object's when res names one, else none, and
// the result names res itself.
func (r *rendering) nodeOf(res results.Resource) *yaml.RNode {
	if res == (results.Resource{}) {
		return r.source
	}
	for _, o := range r.objects {
		if o.GetApiVersion() == res.APIVersion && o.GetKind() == res.Kind && o.GetNamespace() == res.Namespace && o.GetName() == res.Name {
			return o.RNode
		}
	}
	return nil
}

func placeBeside(from, beside *yaml.RNode, objects []assembly.Placed) ([]object, error) {
	srcPath, _, _ := kioutil.GetFileAnnotations(beside)
	out := make([]object, 0, len(objects))
	for _, p := range objects {
		obj := p.Object
		kind := obj.GetObjectKind().GroupVersionKind().Kind
		if kind == "" {
			return nil, fmt.Errorf("%T %s has no kind", obj, obj.GetName())
		}
		a := obj.GetAnnotations()
		if a == nil {
			a = map[string]string{}
		}
		a[AnnoSource] = sourceID(from)
		a[AnnoRenderedAs] = renderedAs(obj.GetNamespace(), obj.GetName())
		if obj.GetNamespace() == "" && from.GetNamespace() != "" {
			a[AnnoSource] = clusterSourceID(from)
		}
		if srcPath != "" {
			a[kioutil.PathAnnotation] = path.Join(path.Dir(srcPath), fileName(kind, obj.GetName()))
			a[kioutil.IndexAnnotation] = "0"
		}
		obj.SetAnnotations(a)
		n, err := toNode(obj)
		if err != nil {
			return nil, err
		}
		out = append(out, object{RNode: n, bundle: p.Bundle})
	}
	return out, nil
}
