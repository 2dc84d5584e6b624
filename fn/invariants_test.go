package fn

import (
	"bytes"
	"fmt"
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
	rl, err := yaml.Parse(string(b))
	if err != nil {
		return nil, err
	}
	if rl.YNode().Kind != yaml.MappingNode {
		return nil, fmt.Errorf("not a mapping")
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
// no panic; output only with a readable input, and then a ResourceList
// that parses; a failed run exactly when an error result is reported;
// a field path on every error result about a resource; and every item the
// function does not own in the output, serialised byte for byte as it was.
func checkInvariants(t testing.TB, input []byte, r run) {
	t.Helper()
	if r.panicked != nil {
		t.Errorf("the function panicked: %v", r.panicked)
		return
	}
	if len(r.out) == 0 {
		assert.Error(t, r.err, "a run that writes nothing must fail")
		return
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
	checkPassThrough(t, input, out)
}

// checkPassThrough asserts that every item of input the function does not
// own is in out, serialised byte for byte as it was.
func checkPassThrough(t testing.TB, input []byte, out *resourceList) {
	t.Helper()
	in, err := parseResourceList(input)
	if err != nil {
		return
	}
	have := map[string]int{}
	for _, item := range out.items {
		have[serialise(item)]++
	}
	for _, item := range in.items {
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
