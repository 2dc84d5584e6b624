package fn

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/stretch"
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

// clusterSourceID is the AnnoSource value of a cluster-scoped object
// rendered from a namespaced node: <kind>/<namespace>/<name>, since the
// object's own namespace cannot tell which of two sources of one name it
// comes from.
func clusterSourceID(node *yaml.RNode) string {
	return node.GetKind() + "/" + node.GetNamespace() + "/" + node.GetName()
}

// toNode converts a typed object into a YAML node, with map keys sorted as
// kubectl prints them. It builds the node from the object's JSON directly;
// going through YAML text costs twice as much.
func toNode(obj any) (*yaml.RNode, error) {
	b, err := json.Marshal(obj)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	n := yaml.NewRNode(jsonToNode(v))
	// Rendered objects describe desired state only.
	_ = n.PipeE(yaml.Clear("status"))
	if pods, _ := n.Pipe(yaml.Lookup("spec", "pods")); pods != nil {
		for _, p := range pods.Content() {
			_ = yaml.NewRNode(p).PipeE(yaml.Clear("status"))
		}
	}
	return n, nil
}

func jsonToNode(v any) *yaml.Node {
	switch v := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: yaml.NodeTagMap}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagString, Value: k}, jsonToNode(v[k]))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: yaml.NodeTagSeq}
		for _, e := range v {
			n.Content = append(n.Content, jsonToNode(e))
		}
		return n
	case string:
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagString, Value: v}
		if mayNotBeString(v) && yaml.IsValueNonString(v) {
			// "yes", "on", "0x1" and the like are not strings to YAML 1.1
			// decoders such as kubectl's: quote them.
			n.Style = yaml.DoubleQuotedStyle
			if strings.ContainsAny(v, `"\`) {
				n.Style = yaml.SingleQuotedStyle
			}
		}
		return n
	case json.Number:
		tag := yaml.NodeTagInt
		if strings.ContainsAny(string(v), ".eE") {
			tag = yaml.NodeTagFloat
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v)}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagBool, Value: strconv.FormatBool(v)}
	default:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagNull, Value: "null"}
	}
}

// mayNotBeString is a cheap test for the strings a YAML 1.1 decoder could
// read as something else: numbers, timestamps, null and the 1.1 booleans.
// Other strings need no quotes beyond what the encoder adds itself.
func mayNotBeString(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case '0' <= c && c <= '9', c == '+', c == '-', c == '.', c == '~':
		return true
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return true
	}
	return false
}

// annotate adds annotations without the single quotes yaml.SetAnnotation writes.
func annotate(n *yaml.RNode, kv map[string]string) error {
	a := n.GetAnnotations()
	for k, v := range kv {
		a[k] = v
	}
	return n.SetAnnotations(a)
}

// place marks objects as rendered from source, files them next to it
// (<dir of the source's file>/<kind>_<name>.yaml, so kpt writes one file per
// object beside the resource it came from) and converts them to nodes.
func place(source *yaml.RNode, objects []specs.Object) ([]*yaml.RNode, error) {
	return placeBeside(source, source, objects)
}

// placeBeside is place with the files next to another resource's file, as
// a Kafka's pool objects go next to their KafkaNodePool.
func placeBeside(source, beside *yaml.RNode, objects []specs.Object) ([]*yaml.RNode, error) {
	srcPath, _, _ := kioutil.GetFileAnnotations(beside)
	out := make([]*yaml.RNode, 0, len(objects))
	for _, obj := range objects {
		kind := obj.GetObjectKind().GroupVersionKind().Kind
		if kind == "" {
			return nil, fmt.Errorf("%T %s has no kind", obj, obj.GetName())
		}
		a := obj.GetAnnotations()
		if a == nil {
			a = map[string]string{}
		}
		a[AnnoSource] = sourceID(source)
		if obj.GetNamespace() == "" && source.GetNamespace() != "" {
			a[AnnoSource] = clusterSourceID(source)
		}
		if srcPath != "" {
			a[kioutil.PathAnnotation] = path.Join(path.Dir(srcPath), strings.ToLower(kind)+"_"+obj.GetName()+".yaml")
			a[kioutil.IndexAnnotation] = "0"
		}
		obj.SetAnnotations(a)
		n, err := toNode(obj)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// identity is what names an object in one Kubernetes cluster; bundle is
// the cluster's alias, "" outside spec.stretch's bundles. Objects of one
// name in different bundles go to different clusters.
type identity struct{ apiVersion, kind, namespace, name, bundle string }

func identityOf(n *yaml.RNode) identity {
	group, _ := splitAPIVersion(n.GetApiVersion())
	ns := n.GetNamespace()
	if clusterScoped[[2]string{group, n.GetKind()}] {
		ns = "" // the API server ignores it, so it does not tell two objects apart
	}
	return identity{group, n.GetKind(), ns, n.GetName(), n.GetAnnotations()[stretch.AnnoCluster]}
}

// clusterScoped are the cluster-scoped kinds, by group and kind, that an
// input may hold beside what the function renders.
var clusterScoped = map[[2]string]bool{
	{"rbac.authorization.k8s.io", "ClusterRoleBinding"}: true,
	{"rbac.authorization.k8s.io", "ClusterRole"}:        true,
	{"", "Namespace"}:                                    true,
	{"", "PersistentVolume"}:                             true,
	{"storage.k8s.io", "StorageClass"}:                   true,
	{"scheduling.k8s.io", "PriorityClass"}:               true,
	{"apiextensions.k8s.io", "CustomResourceDefinition"}: true,
}

func (id identity) String() string {
	s := id.kind + " " + id.name
	if id.namespace != "" {
		s = id.kind + " " + id.namespace + "/" + id.name
	}
	if id.bundle != "" {
		s += " in cluster " + id.bundle
	}
	return s
}

// identities is a set of identities in which an object outside any bundle
// clashes with one of the same name in every bundle.
type identities map[identity]map[string]bool

func (s identities) add(id identity) {
	bundle := id.bundle
	id.bundle = ""
	if s[id] == nil {
		s[id] = map[string]bool{}
	}
	s[id][bundle] = true
}

func (s identities) has(id identity) bool {
	bundle := id.bundle
	id.bundle = ""
	b := s[id]
	return b[bundle] || b[""] || bundle == "" && len(b) > 0
}

// emit puts each rendering in its source's place. Objects an earlier run
// rendered from the same sources are dropped first, so running on the
// function's own output changes nothing. A rendering with an object whose
// identity another resource already has fails as a whole: its source stays,
// nothing overwrites anything. So do sources given more than once.
func emit(items []*yaml.RNode, renderings []*rendering) ([]*yaml.RNode, framework.Results) {
	res := duplicateSources(renderings)
	bySource := map[*yaml.RNode]*rendering{}
	for _, r := range renderings {
		bySource[r.source] = r
	}
	rendered := renderedSources(renderings)
	stale := func(n *yaml.RNode) bool { return rendered.replace(n) }
	taken := identities{}
	for _, n := range items {
		if r := bySource[n]; (r == nil || r.failed) && !stale(n) {
			taken.add(identityOf(n))
		}
	}
	for _, r := range renderings {
		if r.failed {
			continue
		}
		var ids []identity
		for _, o := range r.objects {
			id := identityOf(o)
			if taken.has(id) {
				res = append(res, results.ErrorAt(r.source, "metadata.name",
					"rendering %s would replace another resource of the same name: rename one of them", id))
				r.failed = true
			}
			ids = append(ids, id)
		}
		for _, id := range ids {
			taken.add(id)
		}
	}
	// A rendering that failed here keeps what earlier runs rendered from it.
	rendered = renderedSources(renderings)
	out := make([]*yaml.RNode, 0, len(items))
	for _, n := range items {
		switch r := bySource[n]; {
		case r == nil && stale(n):
		case r == nil || r.failed:
			out = append(out, n)
		default:
			out = append(out, r.replacement...)
			out = append(out, r.objects...)
		}
	}
	return out, res
}

// duplicateSources fails every rendering whose source has the identity of
// another: nothing tells which one is meant, and rendering one would let a
// second run replace its objects with the other's.
func duplicateSources(renderings []*rendering) framework.Results {
	count := map[identity]int{}
	for _, r := range renderings {
		count[identityOf(r.source)]++
	}
	var res framework.Results
	for _, r := range renderings {
		if id := identityOf(r.source); count[id] > 1 {
			r.failed = true
			res = append(res, results.ErrorAt(r.source, "metadata.name", "%s is in the input %d times: keep one", id, count[id]))
		}
	}
	return res
}

// renderedSet holds the sources that render in this run: the objects an
// earlier run rendered from them give way to the new ones.
type renderedSet struct {
	// sources holds each source's AnnoSource value and namespace.
	sources map[[2]string]bool
	// objects maps what renders now to its source's AnnoSource value.
	objects map[identity]string
}

func renderedSources(renderings []*rendering) *renderedSet {
	rs := &renderedSet{sources: map[[2]string]bool{}, objects: map[identity]string{}}
	for _, r := range renderings {
		if r.failed {
			continue
		}
		rs.sources[[2]string{sourceID(r.source), r.source.GetNamespace()}] = true
		for _, o := range r.objects {
			rs.objects[identityOf(o)] = sourceID(r.source)
		}
	}
	return rs
}

// replace reports whether n is an object an earlier run rendered from a
// source that renders now. A namespaced object names its source's
// namespace by its own; a cluster-scoped one by its AnnoSource value.
func (rs *renderedSet) replace(n *yaml.RNode) bool {
	src, ok := n.GetAnnotations()[AnnoSource]
	if !ok {
		return false
	}
	if parts := strings.Split(src, "/"); len(parts) == 3 {
		return rs.sources[[2]string{parts[0] + "/" + parts[2], parts[1]}]
	}
	if rs.sources[[2]string{src, n.GetNamespace()}] {
		return true
	}
	// A cluster-scoped object that earlier versions rendered from a
	// namespaced source names only the source's kind and name: it gives
	// way to an object of its own identity from a source of that name.
	return n.GetNamespace() == "" && rs.objects[identityOf(n)] == src
}

// errNode wraps a conversion failure, which only a bug can cause.
func errNode(source *yaml.RNode, err error) *framework.Result {
	return results.ErrorAt(source, "", "internal error rendering %s: %v", sourceID(source), fmt.Errorf("%w", err))
}
