package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKptEditLoop keeps the KafkaConnect in the package as local config
// (spec.keepSourcesAsLocalConfig) and renders with kpt after each edit:
// the resource stays editable, an edit regenerates its objects, a rename
// removes the old name's objects, and deleting it removes them all.
func TestKptEditLoop(t *testing.T) {
	requireTool(t, "kpt")
	t.Log("E2E-TIER kpt-edit-loop: ran")
	dir := copyDir(t, filepath.Join(examplesDir, "connect-image-plugins"))
	edit(t, filepath.Join(dir, "fn.yaml"), func(s string) string {
		return replace(s, "workload: StatefulSet", "workload: Pod\n  keepSourcesAsLocalConfig: true")
	})
	render := func() map[string]string {
		t.Helper()
		_, stderr, err := run(t, dir, "kpt", "fn", "render", ".", "--allow-exec")
		require.NoError(t, err, stderr)
		return snapshot(t, dir)
	}
	connect := filepath.Join(dir, "kafka-connect.yaml")

	files := render()
	assert.Contains(t, files["kafka-connect.yaml"], "kind: KafkaConnect", "the resource stays in the package")
	assert.Contains(t, files["kafka-connect.yaml"], `config.kubernetes.io/local-config: "true"`)
	assert.Contains(t, files, "23-pod_my-connect-connect-1.yaml")
	assert.NotContains(t, files, "23-pod_my-connect-connect-2.yaml")
	assert.Equal(t, files, render(), "a second render changes nothing")

	edit(t, connect, func(s string) string { return replace(s, "replicas: 2", "replicas: 3") })
	files = render()
	assert.Contains(t, files, "23-pod_my-connect-connect-2.yaml", "the edit is rendered")

	edit(t, connect, func(s string) string { return replace(s, "name: my-connect\n", "name: renamed\n") })
	files = render()
	assert.Contains(t, files, "23-pod_renamed-connect-0.yaml")
	assert.Empty(t, filesWith(files, "my-connect-connect"), "the old name's objects are gone")

	require.NoError(t, os.Remove(connect))
	files = render()
	assert.Empty(t, filesWith(files, "connect"), "the deleted resource's objects are gone")
	assert.Contains(t, files, "fn.yaml")
}

func edit(t *testing.T, path string, change func(string) string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	changed := change(string(b))
	require.NotEqual(t, string(b), changed, "the edit of %s changed nothing", path)
	require.NoError(t, os.WriteFile(path, []byte(changed), 0o644))
}

// filesWith are the names of the package's files whose name contains s,
// leaving out the example's own expected output.
func filesWith(files map[string]string, s string) []string {
	var out []string
	for name := range files {
		if strings.Contains(name, s) && !strings.HasPrefix(name, "expected") {
			out = append(out, name)
		}
	}
	return out
}

// TestKptRenderSameNameTwoNamespaces: two KafkaConnects of one name in two
// namespaces render into files that name the namespace, so kpt keeps
// both, and a second render changes nothing.
func TestKptRenderSameNameTwoNamespaces(t *testing.T) {
	requireTool(t, "kpt")
	dir := copyDir(t, filepath.Join(examplesDir, "connect-image-plugins"))
	edit(t, filepath.Join(dir, "kafka-connect.yaml"), func(s string) string {
		return s + "---\n" + replace(s, "namespace: kafka", "namespace: staging")
	})
	_, stderr, err := run(t, dir, "kpt", "fn", "render", ".", "--allow-exec")
	require.NoError(t, err, stderr)
	first := snapshot(t, dir)
	assert.Contains(t, first, "20-statefulset_kafka_my-connect-connect.yaml")
	assert.Contains(t, first, "20-statefulset_staging_my-connect-connect.yaml")
	assert.NotContains(t, first, "20-statefulset_my-connect-connect.yaml")
	_, stderr, err = run(t, dir, "kpt", "fn", "render", ".", "--allow-exec")
	require.NoError(t, err, stderr)
	assert.Equal(t, first, snapshot(t, dir), "a second render changes nothing")
}

// TestKptPrintsEachErrorOnce: kpt prints the function's results and then
// its stderr; the function leaves the results to kpt and prints only its
// summary there.
func TestKptPrintsEachErrorOnce(t *testing.T) {
	requireTool(t, "kpt")
	dir := copyDir(t, filepath.Join(examplesDir, "connect-image-plugins"))
	edit(t, filepath.Join(dir, "kafka-connect.yaml"), func(s string) string { return replace(s, "name: camel-timer", "name: camel_timer") })
	_, stderr, err := run(t, dir, "kpt", "fn", "render", ".", "--allow-exec")
	require.Error(t, err)
	assert.Equal(t, 1, strings.Count(stderr, `plugin name "camel_timer" contains '_'`), stderr)
	assert.Contains(t, stderr, "strimzi-render: failed with 1 error(s) and 1 warning(s)")
}
