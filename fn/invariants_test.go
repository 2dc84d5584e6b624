package fn

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/kio/filters"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// run is one execution of the function on a ResourceList.
type run struct {
	out []byte
	err error
	// panicked holds what the function panicked with, nil if it did not.
	panicked any
}

// executeSafely runs the function as execute does, but turns a panic into
// a value the caller can report instead of a crashed test binary.
func executeSafely(input []byte) (r run) {
	defer func() {
		if p := recover(); p != nil {
			r.panicked = p
		}
	}()
	var buf bytes.Buffer
	r.err = framework.Execute(NewProcessor(), &kio.ByteReadWriter{
		Reader: bytes.NewReader(input), Writer: &buf, KeepReaderAnnotations: true,
	})
	r.out = buf.Bytes()
	return r
}

// strimziKinds are the kinds of kafka.strimzi.io the function renders, now
// or once their renderers land; the invariants treat them all as owned.
var strimziKinds = map[string]bool{"Kafka": true, "KafkaNodePool": true, "KafkaConnect": true}

// owned reports whether the function may replace or drop item: a Strimzi
// resource it renders (never local config), or an object an earlier run
// rendered, which carries AnnoSource. Everything else must pass through.
func owned(item *yaml.RNode) bool {
	if item.YNode().Kind != yaml.MappingNode {
		return false // kyaml reads fields of mappings only
	}
	if _, ok := item.GetAnnotations()[AnnoSource]; ok {
		return true
	}
	if _, local := item.GetAnnotations()[filters.LocalConfigAnnotation]; local {
		return false
	}
	group, _ := splitAPIVersion(item.GetApiVersion())
	return group == "kafka.strimzi.io" && strimziKinds[item.GetKind()]
}

// resourceList is a ResourceList read as plain YAML, as a consumer of the
// function's output reads it.
type resourceList struct {
	items   []*yaml.RNode
	results []*yaml.RNode
	fc      *yaml.RNode
}

func parseResourceList(b []byte) (*resourceList, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc, next yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if err := dec.Decode(&next); err != io.EOF {
		return nil, fmt.Errorf("more than one document")
	}
	rl := yaml.NewRNode(&doc)
	if rl.YNode().Kind != yaml.MappingNode || rl.GetKind() != "ResourceList" {
		return nil, fmt.Errorf("not a ResourceList")
	}
	out := &resourceList{}
	if f := rl.Field("items"); f != nil && f.Value.YNode().Kind == yaml.SequenceNode {
		out.items, _ = f.Value.Elements()
	}
	if f := rl.Field("results"); f != nil && f.Value.YNode().Kind == yaml.SequenceNode {
		out.results, _ = f.Value.Elements()
	}
	if f := rl.Field("functionConfig"); f != nil {
		out.fc = f.Value
	}
	return out, nil
}

// serialise is how an item compares before and after: its YAML text as
// kyaml writes it, comments included.
func serialise(item *yaml.RNode) string {
	s, err := item.String()
	if err != nil {
		return fmt.Sprintf("<unserialisable: %v>", err)
	}
	return s
}

// checkInvariants asserts what must hold for any input, readable or not:
// no panic, and no output only from a run that fails or reads nothing. For
// an input that is one ResourceList, as kpt and kustomize send: an output
// that parses as one; a failed run exactly when an error result is
// reported; a field path on every error result about a resource; and every
// item the function does not own in the output, serialised as the
// framework writes it back (TestPropertyPassThrough holds the golden
// inputs to the stricter checkPassThrough).
func checkInvariants(t testing.TB, input []byte, r run) {
	t.Helper()
	if r.panicked != nil {
		t.Errorf("the function panicked: %v", r.panicked)
		return
	}
	if len(r.out) == 0 {
		if r.err == nil { // only for an input with nothing in it
			nodes, err := (&kio.ByteReader{Reader: bytes.NewReader(input)}).Read()
			assert.True(t, err == nil && len(nodes) == 0, "a run that writes nothing must fail, unless it read nothing")
		}
		return
	}
	if _, err := parseResourceList(input); err != nil {
		return // kyaml reads other input as plain resources
	}
	out, err := parseResourceList(r.out)
	if !assert.NoError(t, err, "the output must parse") {
		return
	}
	failed := false
	for _, res := range out.results {
		if yaml.GetValue(res.Field("severity").Value) != string(framework.Error) {
			continue
		}
		failed = true
		if res.Field("resourceRef") != nil {
			path, _ := res.Pipe(yaml.Lookup("field", "path"))
			assert.True(t, path != nil && yaml.GetValue(path) != "",
				"an error result about a resource must name a field:\n%s", serialise(res))
		}
	}
	if failed {
		assert.Error(t, r.err, "an error result must make the run fail")
	}
	checkPassThroughFramework(t, input, out)
}

// checkPassThrough asserts that every item of input the function does not
// own is in out, serialised byte for byte as it was.
func checkPassThrough(t testing.TB, input []byte, out *resourceList) {
	t.Helper()
	in, err := parseResourceList(input)
	if err != nil {
		return
	}
	checkItemsKept(t, in.items, out)
}

// checkPassThroughFramework is checkPassThrough for any input: the items
// to find are those the framework itself writes back with a processor that
// does nothing, as it normalises a few (it drops a null metadata field).
func checkPassThroughFramework(t testing.TB, input []byte, out *resourceList) {
	t.Helper()
	var buf bytes.Buffer
	err := framework.Execute(framework.ResourceListProcessorFunc(func(*framework.ResourceList) error { return nil }),
		&kio.ByteReadWriter{Reader: bytes.NewReader(input), Writer: &buf, KeepReaderAnnotations: true})
	if err != nil {
		return
	}
	identity, err := parseResourceList(buf.Bytes())
	if err != nil {
		return
	}
	checkItemsKept(t, identity.items, out)
}

// checkItemsKept asserts that every item of items the function does not own
// is in out, each as often as items holds it.
func checkItemsKept(t testing.TB, items []*yaml.RNode, out *resourceList) {
	t.Helper()
	have := map[string]int{}
	for _, item := range out.items {
		have[serialise(item)]++
	}
	for _, item := range items {
		if owned(item) {
			continue
		}
		s := serialise(item)
		if have[s] == 0 {
			t.Errorf("an item the function does not own is missing or changed in the output:\n%s", s)
			continue
		}
		have[s]--
	}
}
