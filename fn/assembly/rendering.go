package assembly

import (
	"errors"
	"slices"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/crdschema"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Rendering is what one custom resource renders into.
type Rendering struct {
	// Source is the custom resource; its objects are filed beside it.
	Source *yaml.RNode
	// RenderedFrom is the resource a later run renders the objects from
	// again: Source, or the Kafka of a KafkaNodePool.
	RenderedFrom *yaml.RNode
	// Objects are the typed objects, in output order.
	Objects []Placed
	// Replacement takes Source's place in the output: nothing, or the
	// resource kept for a running operator.
	Replacement []*yaml.RNode
	// Problems are about Source, unless their Resource names one of
	// Objects or a resource outside the input, such as the function config.
	Problems []results.Problem
	// Failed renderings leave Source untouched in the output.
	Failed bool
	// Kafkas are the Kafkas Source belongs to or connects to, which
	// placement into bundles follows.
	Kafkas []KafkaRef
}

// Placed is a rendered object and the bundle it belongs to.
type Placed struct {
	Object specs.Object
	// Bundle is the alias of the Kubernetes cluster whose bundle holds the
	// object; "" leaves the choice to placement.
	Bundle string
}

// KafkaRef names a Kafka.
type KafkaRef struct{ Namespace, Name string }

// Inputs gives renderers read access to the other input resources.
type Inputs struct {
	// ConfigMapData returns the data of a ConfigMap among the input resources.
	ConfigMapData strimzi.ConfigMaps
	// SecretData returns the decoded data of a Secret among the input
	// resources.
	SecretData strimzi.ConfigMaps
	// RenderedFrom returns the input objects an earlier run rendered from
	// source.
	RenderedFrom func(source *yaml.RNode) []*yaml.RNode
}

func newRendering(source, from *yaml.RNode) *Rendering {
	return &Rendering{Source: source, RenderedFrom: from}
}

// add appends objects that go to bundle.
func (r *Rendering) add(bundle string, objs []specs.Object) {
	for _, o := range objs {
		r.Objects = append(r.Objects, Placed{Object: o, Bundle: bundle})
	}
}

// fail records problems and leaves Source untouched.
func (r *Rendering) fail(ps ...results.Problem) *Rendering {
	r.Problems = append(r.Problems, ps...)
	r.Failed = true
	return r
}

// decodeProblem reports a resource that does not decode, at the field the
// decoder names.
func decodeProblem(err error) results.Problem {
	var p results.Problem
	if errors.As(err, &p) {
		p.Resource = results.Resource{} // the decoded resource itself
		return p
	}
	return results.Errorf("spec", "%v", err) // every decode error names its field; this is a fallback
}

// admissionProblems are what the API server would refuse in node with
// Strimzi's CRD (crdschema.Check), with decodeErr, the decoder's error, when
// the check names nothing at its field: both report a wrong type, in their
// own words, and one message at a field is enough.
func admissionProblems(node *yaml.RNode, decodeErr error) []results.Problem {
	ps := crdschema.Check(node)
	if decodeErr == nil {
		return ps
	}
	d := decodeProblem(decodeErr)
	if slices.ContainsFunc(ps, func(p results.Problem) bool { return p.Path == d.Path }) {
		return ps
	}
	return append([]results.Problem{d}, ps...)
}
