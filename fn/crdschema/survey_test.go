package crdschema

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// TestSurvey lists what Check would add to the results of every golden
// input and example (and Strimzi's examples, with STRIMZI_RENDER_STRIMZI_DIR
// set): run it with STRIMZI_RENDER_SURVEY=1 and -v. Each
// finding is marked with the results the case already has at the same
// resource and field path, which show where the renderer's validators
// report the same problem.
func TestSurvey(t *testing.T) {
	if os.Getenv("STRIMZI_RENDER_SURVEY") == "" {
		t.Skip("set STRIMZI_RENDER_SURVEY=1 to list the findings over golden inputs and examples")
	}
	root := filepath.Join("..", "..")
	files := goldenInputs(t)
	if dir := os.Getenv("STRIMZI_RENDER_STRIMZI_DIR"); dir != "" {
		m, err := filepath.Glob(filepath.Join(dir, "examples", "*", "*.yaml"))
		require.NoError(t, err)
		files = append(files, m...)
	}
	var b strings.Builder
	checked := map[string]int{}
	for _, f := range files {
		nodes := readResources(t, f)
		existing := existingResults(t, f)
		for _, n := range nodes {
			if _, ok := kinds[n.GetKind()]; !ok {
				continue
			}
			checked[n.GetKind()]++
			kept := map[string]bool{}
			for _, p := range Check(n) {
				kept[p.Path+p.Message] = true
			}
			for _, p := range CheckAll(n) {
				mark := "new"
				if !kept[p.Path+p.Message] {
					mark = "overlap, left out by Check"
				}
				fmt.Fprintf(&b, "%s\t%s %s/%s\t%s\t%s\t[%s]\n", rel(root, f), n.GetApiVersion(), n.GetKind(), nameOf(n), p.Path, p.Message, mark)
				for _, e := range existing[n.GetKind()+"/"+nameOf(n)+"/"+p.Path] {
					fmt.Fprintf(&b, "\t\texisting: %s\n", e)
				}
			}
		}
	}
	t.Logf("%d files, resources checked: %v\n%s", len(files), checked, b.String())
}

// goldenInputs are the golden inputs and the examples.
func goldenInputs(t *testing.T) []string {
	var files []string
	for _, pattern := range []string{"testdata/*/*/input.yaml", "examples/*/*.yaml"} {
		m, err := filepath.Glob(filepath.Join("..", "..", pattern))
		require.NoError(t, err)
		files = append(files, m...)
	}
	sort.Strings(files)
	return files
}

func rel(root, f string) string {
	r, _ := filepath.Rel(root, f)
	return r
}

func readResources(t *testing.T, f string) []*yaml.RNode {
	raw, err := os.ReadFile(f)
	require.NoError(t, err)
	nodes, err := (&kio.ByteReader{Reader: strings.NewReader(string(raw)), OmitReaderAnnotations: true}).Read()
	if err != nil {
		t.Logf("%s: %v", f, err)
		return nil
	}
	return nodes
}

// existingResults are the expected results of a golden case by
// kind/name/field path.
func existingResults(t *testing.T, input string) map[string][]string {
	out := map[string][]string{}
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(input), "expected.yaml"))
	if err != nil {
		return out
	}
	rl, err := yaml.Parse(string(raw))
	if err != nil {
		return out
	}
	rs, _ := rl.Pipe(yaml.Lookup("results"))
	if rs == nil {
		return out
	}
	elems, _ := rs.Elements()
	for _, r := range elems {
		key := lookup(r, "resourceRef", "kind") + "/" + lookup(r, "resourceRef", "name") + "/" + lookup(r, "field", "path")
		out[key] = append(out[key], lookup(r, "severity")+": "+lookup(r, "message"))
	}
	return out
}

func lookup(n *yaml.RNode, path ...string) string {
	v, _ := n.Pipe(yaml.Lookup(path...))
	if v == nil {
		return ""
	}
	return yaml.GetValue(v)
}

// nameOf is the resource's name; kyaml panics on some broken metadata.
func nameOf(n *yaml.RNode) (name string) {
	defer func() {
		if recover() != nil {
			name = "(unreadable)"
		}
	}()
	return n.GetName()
}
