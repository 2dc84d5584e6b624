package fn

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// goldenInput is one golden case's input with the output of a first run.
type goldenInput struct {
	name  string
	input []byte
	first run
}

// readableGoldenInputs runs every golden input once; inputs the framework
// cannot read have no output to state properties of and are left out.
func readableGoldenInputs(t *testing.T) []goldenInput {
	t.Helper()
	var out []goldenInput
	for _, dir := range goldenCases(t) {
		input, err := os.ReadFile(filepath.Join(dir, "input.yaml"))
		require.NoError(t, err)
		name, _ := filepath.Rel(goldenDir, dir)
		first := executeSafely(input)
		require.Nil(t, first.panicked, "%s: the function panicked", name)
		if len(first.out) > 0 {
			out = append(out, goldenInput{name, input, first})
		}
	}
	return out
}

// TestPropertyPassThrough: every item the function does not own leaves it
// as it came, byte for byte.
func TestPropertyPassThrough(t *testing.T) {
	for _, c := range readableGoldenInputs(t) {
		t.Run(c.name, func(t *testing.T) {
			out, err := parseResourceList(c.first.out)
			require.NoError(t, err)
			checkPassThrough(t, c.input, out)
		})
	}
}

// TestPropertyInvariants holds every golden input, and each with the custom
// resources kept, to checkInvariants: among them, every error result about
// a resource names its field.
func TestPropertyInvariants(t *testing.T) {
	for _, c := range readableGoldenInputs(t) {
		t.Run(c.name, func(t *testing.T) {
			checkInvariants(t, c.input, c.first)
			if kept, ok := withKeepCustomResources(t, c.input); ok {
				checkInvariants(t, kept, executeSafely(kept))
			}
		})
	}
}

// TestPropertyIdempotent: the function's output, run again, comes out the
// same. Its items are the same, and so are its errors: a source that failed
// is still there and fails alike. A warning or note about a source that
// rendered cannot come again, as the source has given way to its objects;
// no other result may appear. With the custom resources kept, every source
// stays, and the whole output, results included, is the same.
func TestPropertyIdempotent(t *testing.T) {
	for _, c := range readableGoldenInputs(t) {
		t.Run(c.name, func(t *testing.T) {
			again := executeSafely(c.first.out)
			require.Nil(t, again.panicked)
			assert.Equal(t, stripResults(t, c.first.out), stripResults(t, again.out), "the items of f(f(x)) differ from those of f(x)")
			assert.Equal(t, c.first.err != nil, again.err != nil, "f(f(x)) fails differently from f(x)")
			firstErrs, firstOthers := splitResults(t, c.first.out)
			againErrs, againOthers := splitResults(t, again.out)
			assert.Equal(t, firstErrs, againErrs, "the errors of f(f(x)) differ from those of f(x)")
			assert.Subset(t, firstOthers, againOthers, "f(f(x)) reports what f(x) did not")

			kept, ok := withKeepCustomResources(t, c.input)
			if !ok {
				return
			}
			once := executeSafely(kept)
			require.Nil(t, once.panicked)
			twice := executeSafely(once.out)
			require.Nil(t, twice.panicked)
			assert.Equal(t, string(once.out), string(twice.out), "with keepCustomResources, f(f(x)) differs from f(x)")
		})
	}
}

// splitResults returns the error results of a run's output and the others,
// each serialised.
func splitResults(t *testing.T, out []byte) (errs, others []string) {
	t.Helper()
	rl, err := parseResourceList(out)
	require.NoError(t, err)
	for _, r := range rl.results {
		if yaml.GetValue(r.Field("severity").Value) == "error" {
			errs = append(errs, serialise(r))
		} else {
			others = append(others, serialise(r))
		}
	}
	return errs, others
}

// withKeepCustomResources sets keepCustomResources in the input's
// functionConfig, or adds one that sets it. A functionConfig of another
// kind, or one that sets it already, does not allow it.
func withKeepCustomResources(t *testing.T, input []byte) ([]byte, bool) {
	t.Helper()
	rl, err := yaml.Parse(string(input))
	require.NoError(t, err)
	fc := rl.Field("functionConfig")
	switch {
	case fc != nil && fc.Value.YNode().Kind != yaml.MappingNode && !yaml.IsMissingOrNull(fc.Value):
		return nil, false
	case fc == nil || yaml.IsMissingOrNull(fc.Value):
		node, err := yaml.Parse("apiVersion: " + config.APIVersion + "\nkind: " + config.Kind +
			"\nmetadata: {name: render}\nspec: {keepCustomResources: true}\n")
		require.NoError(t, err)
		require.NoError(t, rl.PipeE(yaml.SetField("functionConfig", node)))
	case fc.Value.GetApiVersion() == config.APIVersion && fc.Value.GetKind() == config.Kind:
		if keep, _ := fc.Value.Pipe(yaml.Lookup("spec", "keepCustomResources")); keep != nil {
			return nil, false
		}
		spec, err := fc.Value.Pipe(yaml.LookupCreate(yaml.MappingNode, "spec"))
		if err != nil || spec.YNode().Kind != yaml.MappingNode {
			return nil, false
		}
		require.NoError(t, spec.PipeE(yaml.SetField("keepCustomResources", yaml.NewScalarRNode("true"))))
	case fc.Value.GetApiVersion() == "v1" && fc.Value.GetKind() == "ConfigMap":
		if _, set := fc.Value.GetDataMap()["keepCustomResources"]; set {
			return nil, false
		}
		data, err := fc.Value.Pipe(yaml.LookupCreate(yaml.MappingNode, "data"))
		require.NoError(t, err)
		require.NoError(t, data.PipeE(yaml.SetField("keepCustomResources", yaml.NewStringRNode("true"))))
	default:
		return nil, false
	}
	return []byte(rl.MustString()), true
}

// TestPropertyDeterministic: runs with any number of threads write the same
// bytes. Map order, which Go varies from run to run, must not show.
func TestPropertyDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, c := range readableGoldenInputs(t) {
		t.Run(c.name, func(t *testing.T) {
			for _, procs := range []int{1, 2, 8} {
				runtime.GOMAXPROCS(procs)
				r := executeSafely(c.input)
				require.Nil(t, r.panicked)
				assert.Equal(t, string(c.first.out), string(r.out), "GOMAXPROCS=%d", procs)
			}
		})
	}
}

// TestPropertyNamespaced: an object rendered from a namespaced resource is
// namespaced too, unless its kind is cluster-scoped.
func TestPropertyNamespaced(t *testing.T) {
	for _, c := range readableGoldenInputs(t) {
		t.Run(c.name, func(t *testing.T) {
			in, err := parseResourceList(c.input)
			require.NoError(t, err)
			out, err := parseResourceList(c.first.out)
			require.NoError(t, err)
			namespaced := map[string]bool{} // sources by AnnoSource value: all namespaced?
			inputs := map[string]bool{}
			for _, item := range in.items {
				inputs[serialise(item)] = true
				if !owned(item) {
					continue
				}
				id := sourceID(item)
				if ns, seen := namespaced[id]; !seen || ns {
					namespaced[id] = item.GetNamespace() != ""
				}
			}
			for _, o := range out.items {
				src, ok := o.GetAnnotations()[AnnoSource]
				if !ok || inputs[serialise(o)] || strings.Count(src, "/") != 1 {
					continue // passed through, or cluster-scoped by its source's record
				}
				group, _ := splitAPIVersion(o.GetApiVersion())
				if namespaced[src] && !specs.IsClusterScoped(group, o.GetKind()) {
					assert.NotEmpty(t, o.GetNamespace(), "%s %s, rendered from namespaced %s, has no namespace", o.GetKind(), o.GetName(), src)
				}
			}
		})
	}
}

// TestPropertyUniqueIdentities: no two output objects have one group, kind,
// namespace and name, unless the input already had them both.
func TestPropertyUniqueIdentities(t *testing.T) {
	for _, c := range readableGoldenInputs(t) {
		t.Run(c.name, func(t *testing.T) {
			in, err := parseResourceList(c.input)
			require.NoError(t, err)
			out, err := parseResourceList(c.first.out)
			require.NoError(t, err)
			given := map[specs.Identity]int{}
			for _, item := range in.items {
				given[identityOf(item)]++
			}
			seen := map[specs.Identity]int{}
			for _, o := range out.items {
				seen[identityOf(o)]++
			}
			for id, n := range seen {
				if n > 1 {
					assert.LessOrEqual(t, n, given[id], "%d objects are %s", n, id)
				}
			}
		})
	}
}
