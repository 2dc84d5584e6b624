package fn

import (
	"fmt"
	"path"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"
	"sigs.k8s.io/kustomize/kyaml/yaml"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// AnnoSource names the custom resource an object was rendered from. It lets
// a later run replace what an earlier run rendered (idempotency) and tells
// reviewers where an object comes from.
const AnnoSource = "strimzi-render.dev/source"

// rendering is the outcome for one custom resource.
type rendering struct {
	source *yaml.RNode
	// replacement takes the source's place: nothing (the default), or the
	// kept resource for a running operator.
	replacement []*yaml.RNode
	objects     []*yaml.RNode
	// failed renderings leave the source untouched in the output.
	failed bool
}

// sourceID is the AnnoSource value of objects rendered from node.
func sourceID(node *yaml.RNode) string {
	return node.GetKind() + "/" + node.GetName()
}

// toNode converts a typed object into a YAML node.
func toNode(obj any) (*yaml.RNode, error) {
	b, err := sigsyaml.Marshal(obj)
	if err != nil {
		return nil, err
	}
	n, err := yaml.Parse(string(b))
	if err != nil {
		return nil, err
	}
	// Rendered objects describe desired state only.
	_ = n.PipeE(yaml.Clear("status"))
	if pods, _ := n.Pipe(yaml.Lookup("spec", "pods")); pods != nil {
		elems, _ := pods.Elements()
		for _, p := range elems {
			_ = p.PipeE(yaml.Clear("status"))
		}
	}
	return n, nil
}

// annotate adds annotations without the single quotes yaml.SetAnnotation writes.
func annotate(n *yaml.RNode, kv map[string]string) error {
	a := n.GetAnnotations()
	for k, v := range kv {
		a[k] = v
	}
	return n.SetAnnotations(a)
}

// place marks objects as rendered from source and files them next to it:
// <dir of the source's file>/<kind>_<name>.yaml, so kpt writes one file per
// object beside the resource it came from.
func place(source *yaml.RNode, objects []*yaml.RNode) error {
	return placeBeside(source, source, objects)
}

// placeBeside is place with the files next to another resource's file, as
// a Kafka's pool objects go next to their KafkaNodePool.
func placeBeside(source, beside *yaml.RNode, objects []*yaml.RNode) error {
	srcPath, _, _ := kioutil.GetFileAnnotations(beside)
	for _, o := range objects {
		a := map[string]string{AnnoSource: sourceID(source)}
		if srcPath != "" {
			a[kioutil.PathAnnotation] = path.Join(path.Dir(srcPath), strings.ToLower(o.GetKind())+"_"+o.GetName()+".yaml")
			a[kioutil.IndexAnnotation] = "0"
		}
		if err := annotate(o, a); err != nil {
			return err
		}
	}
	return nil
}

type identity struct{ apiVersion, kind, namespace, name string }

func identityOf(n *yaml.RNode) identity {
	group, _ := splitAPIVersion(n.GetApiVersion())
	return identity{group, n.GetKind(), n.GetNamespace(), n.GetName()}
}

func (id identity) String() string {
	s := id.kind + " " + id.name
	if id.namespace != "" {
		s = id.kind + " " + id.namespace + "/" + id.name
	}
	return s
}

// emit puts each rendering in its source's place. Objects an earlier run
// rendered from the same sources are dropped first, so running on the
// function's own output changes nothing. A rendered object whose identity
// another input resource already has is an error, never an overwrite.
func emit(items []*yaml.RNode, renderings []*rendering) ([]*yaml.RNode, framework.Results) {
	bySource := map[*yaml.RNode]*rendering{}
	rendered := map[string]bool{}
	for _, r := range renderings {
		bySource[r.source] = r
		if !r.failed {
			rendered[sourceID(r.source)+"\x00"+r.source.GetNamespace()] = true
		}
	}
	stale := func(n *yaml.RNode) bool {
		src, ok := n.GetAnnotations()[AnnoSource]
		return ok && rendered[src+"\x00"+n.GetNamespace()] ||
			ok && n.GetNamespace() == "" && renderedAnyNamespace(rendered, src)
	}
	taken := map[identity]bool{}
	for _, n := range items {
		if r := bySource[n]; (r == nil || r.failed) && !stale(n) {
			taken[identityOf(n)] = true
		}
	}
	var res framework.Results
	out := make([]*yaml.RNode, 0, len(items))
	for _, n := range items {
		r := bySource[n]
		switch {
		case r == nil && stale(n):
			continue
		case r == nil || r.failed:
			out = append(out, n)
			continue
		}
		out = append(out, r.replacement...)
		for _, o := range r.objects {
			id := identityOf(o)
			if taken[id] {
				res = append(res, results.Errorf(r.source, "metadata.name",
					"rendering %s would replace the input resource of the same name: rename one of them", id))
				continue
			}
			taken[id] = true
			out = append(out, o)
		}
	}
	return out, res
}

func renderedAnyNamespace(rendered map[string]bool, src string) bool {
	for k := range rendered {
		if strings.HasPrefix(k, src+"\x00") {
			return true
		}
	}
	return false
}

// errNode wraps a conversion failure, which only a bug can cause.
func errNode(source *yaml.RNode, err error) *framework.Result {
	return results.Errorf(source, "", "internal error rendering %s: %v", sourceID(source), fmt.Errorf("%w", err))
}
