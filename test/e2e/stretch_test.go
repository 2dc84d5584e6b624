package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// stretchExample is a kpt package whose render writes one bundle per
// Kubernetes cluster under clusters/<alias>/, with a kustomize overlay per
// cluster in target mode. It has no kustomization.yaml of its own, since
// kustomize cannot hold every bundle in one output, so the generic example
// tiers leave it to the tests here.
var stretchExample = filepath.Join(examplesDir, "stretch-mcs")

var stretchAliases = []string{"central", "east", "west"}

// bundleFiles reads <dir>/clusters/<alias>/*.yaml, keyed by path below dir.
func bundleFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	paths, err := filepath.Glob(filepath.Join(dir, "clusters", "*", "*"))
	require.NoError(t, err)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
	}
	return files
}

// TestStretchKptRender renders the package in place, twice: each object is
// written to clusters/<alias>/<NN>-<kind>_<name>.yaml as expected/ has it, the
// custom resources are consumed, and the second render changes nothing.
func TestStretchKptRender(t *testing.T) {
	requireTool(t, "kpt")
	t.Log("E2E-TIER kpt-render-stretch: ran")
	dir := copyDir(t, stretchExample)
	_, stderr, err := run(t, dir, "kpt", "fn", "render", ".", "--allow-exec")
	require.NoError(t, err, stderr)
	first := snapshot(t, dir)
	_, stderr, err = run(t, dir, "kpt", "fn", "render", ".", "--allow-exec")
	require.NoError(t, err, stderr)
	assert.Equal(t, first, snapshot(t, dir), "a second render must change nothing")

	got, want := bundleFiles(t, dir), bundleFiles(t, filepath.Join(stretchExample, "expected"))
	require.NotEmpty(t, want)
	assert.Equal(t, sortedKeys(want), sortedKeys(got), "the files of every bundle")
	for path, text := range want {
		assert.Equal(t, objects(t, parseStream(t, text)), objects(t, parseStream(t, got[path])), path)
		alias := strings.Split(path, "/")[1]
		for _, n := range parseStream(t, got[path]) {
			assert.Equal(t, alias, n.GetAnnotations()["strimzi-render.dev/cluster"], "%s is in its alias's directory", path)
		}
	}
	_, err = os.Stat(filepath.Join(dir, "base", "kafka.yaml"))
	assert.True(t, os.IsNotExist(err), "the rendered objects replace the custom resources")
	assert.FileExists(t, filepath.Join(dir, "base", "kustomization.yaml"), ".krmignore hides the kustomize files")
}

// TestStretchKustomizeOverlays builds each cluster's overlay twice and
// compares it with its expected output and with that cluster's bundle as
// kpt renders it: both delivery paths give a cluster the same objects.
func TestStretchKustomizeOverlays(t *testing.T) {
	requireTool(t, "kustomize")
	t.Log("E2E-TIER kustomize-exec-stretch: ran")
	kpt := map[string]string{}
	for path, text := range bundleFiles(t, filepath.Join(stretchExample, "expected")) {
		alias := strings.Split(path, "/")[1]
		kpt[alias] += "---\n" + text
	}
	for _, alias := range stretchAliases {
		t.Run(alias, func(t *testing.T) {
			overlay := filepath.Join(stretchExample, "overlays", alias)
			first, stderr, err := run(t, overlay, "kustomize", "build", "--enable-alpha-plugins", "--enable-exec", ".")
			require.NoError(t, err, stderr)
			second, _, err := run(t, overlay, "kustomize", "build", "--enable-alpha-plugins", "--enable-exec", ".")
			require.NoError(t, err)
			assert.Equal(t, first, second, "two builds must give the same bytes")
			assert.Equal(t, expected(t, overlay), first)

			built := parseStream(t, first)
			require.NotEmpty(t, built)
			for _, n := range built {
				assert.Equal(t, alias, n.GetAnnotations()["strimzi-render.dev/cluster"], "%s %s", n.GetKind(), n.GetName())
			}
			// The ApplicationSet is rendered by the kpt package only.
			bundle := slices.DeleteFunc(parseStream(t, kpt[alias]), func(n *yaml.RNode) bool { return n.GetKind() == "ApplicationSet" })
			assert.Equal(t, objects(t, bundle), objects(t, built))
		})
	}
}

// TestStretchKustomizeNeedsTarget: the package's own config, which renders
// every bundle, fails under kustomize and says to use a target cluster.
func TestStretchKustomizeNeedsTarget(t *testing.T) {
	requireTool(t, "kustomize")
	dir := copyDir(t, stretchExample)
	overlay := filepath.Join(dir, "overlays", "east")
	fn, err := os.ReadFile(filepath.Join(overlay, "fn.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(overlay, "fn.yaml"), []byte(replace(string(fn), "    targetCluster: east\n", "    pathPrefix: clusters\n")), 0o644))
	out, stderr, err := run(t, overlay, "kustomize", "build", "--enable-alpha-plugins", "--enable-exec", ".")
	require.Error(t, err)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "kustomize cannot output together")
	assert.Contains(t, stderr, "spec.output.targetCluster")
}

// TestStretchOverlayConfigs keeps the overlays' function configs equal to
// the package's, but for the target cluster and the ApplicationSet.
func TestStretchOverlayConfigs(t *testing.T) {
	spec := func(path string) map[string]any {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		nodes, err := kio.FromBytes(b)
		require.NoError(t, err)
		require.Len(t, nodes, 1)
		m, err := nodes[0].Pipe(yaml.Lookup("spec"))
		require.NoError(t, err)
		var v map[string]any
		require.NoError(t, m.YNode().Decode(&v))
		return v
	}
	base := spec(filepath.Join(stretchExample, "fn.yaml"))
	for _, e := range base["stretch"].([]any) {
		delete(e.(map[string]any), "applicationSet")
	}
	for _, alias := range stretchAliases {
		o := spec(filepath.Join(stretchExample, "overlays", alias, "fn.yaml"))
		assert.Equal(t, map[string]any{"targetCluster": alias}, o["output"], alias)
		delete(o, "output")
		assert.Equal(t, base, o, "overlays/%s/fn.yaml", alias)
	}
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
