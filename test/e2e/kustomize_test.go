package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKustomizeExec builds every example with kustomize running the function
// as an exec plugin, twice, and compares with the example's expected output.
func TestKustomizeExec(t *testing.T) {
	requireTool(t, "kustomize")
	t.Log("E2E-TIER kustomize-exec: ran")
	for _, dir := range examples(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			first, stderr, err := run(t, dir, "kustomize", "build", "--enable-alpha-plugins", "--enable-exec", ".")
			require.NoError(t, err, stderr)
			second, _, err := run(t, dir, "kustomize", "build", "--enable-alpha-plugins", "--enable-exec", ".")
			require.NoError(t, err)
			assert.Equal(t, first, second, "two builds must give the same bytes")
			assert.Equal(t, expected(t, dir), first)
		})
	}
}

// TestKustomizeWithoutExecFlagRendersNothing documents kustomize's silent
// skip of exec functions without --enable-exec, which the README warns
// about.
func TestKustomizeWithoutExecFlagRendersNothing(t *testing.T) {
	requireTool(t, "kustomize")
	dir := filepath.Join(examplesDir, "connect-image-plugins")
	out, _, err := run(t, dir, "kustomize", "build", "--enable-alpha-plugins", ".")
	require.NoError(t, err)
	assert.Contains(t, out, "kind: KafkaConnect")
}

// TestKustomizeFailsOnBadInput: a bad KafkaConnect fails the build, and
// stderr names the resource, the field and the reason.
func TestKustomizeFailsOnBadInput(t *testing.T) {
	requireTool(t, "kustomize")
	dir := copyDir(t, filepath.Join(examplesDir, "connect-image-plugins"))
	kc, err := os.ReadFile(filepath.Join(dir, "kafka-connect.yaml"))
	require.NoError(t, err)
	bad := []byte(replace(string(kc), "name: camel-timer", "name: camel_timer"))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "kafka-connect.yaml"), bad, 0o644))
	out, stderr, err := run(t, dir, "kustomize", "build", "--enable-alpha-plugins", "--enable-exec", ".")
	require.Error(t, err)
	assert.Empty(t, out)
	assert.Contains(t, stderr, `[error] kafka.strimzi.io/v1/KafkaConnect/kafka/my-connect spec.plugins[1].name: plugin name "camel_timer" contains '_'`)
	assert.Contains(t, stderr, "strimzi-render: failed with 1 error(s)")
}
