package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var overlayExample = filepath.Join(examplesDir, "kustomize-overlay")

// TestKustomizeOverlay builds examples/kustomize-overlay, whose overlay
// moves and renames the base's KafkaConnect and then renders it: the
// objects carry the overlay's namespace and names throughout.
func TestKustomizeOverlay(t *testing.T) {
	requireTool(t, "kustomize")
	t.Log("E2E-TIER kustomize-overlay: ran")
	dir := filepath.Join(overlayExample, "overlays", "prod")
	out, stderr, err := run(t, dir, "kustomize", "build", "--enable-alpha-plugins", "--enable-exec", ".")
	require.NoError(t, err, stderr)
	assert.Equal(t, expected(t, dir), out)
	assert.Contains(t, out, "bootstrap.servers=my-cluster-kafka-bootstrap:9092")
	assert.NotContains(t, out, "namespace: kafka")
}

// TestKustomizeValidatorRefusesRenderBeforeNamespace: a base that renders
// under an overlay that changes the namespace and name prefix afterwards
// fails the build when the overlay ends with the function in validate
// mode, naming the moved objects.
func TestKustomizeValidatorRefusesRenderBeforeNamespace(t *testing.T) {
	requireTool(t, "kustomize")
	dir := t.TempDir()
	src := filepath.Join(overlayExample, "base", "kafka-connect.yaml")
	fnYAML := filepath.Join(overlayExample, "overlays", "prod", "fn.yaml")
	files := map[string]string{
		"base/kafka-connect.yaml": readFile(t, src),
		"base/fn.yaml":            readFile(t, fnYAML),
		"base/kustomization.yaml": "resources: [kafka-connect.yaml]\ntransformers: [fn.yaml]\n",
		"validate.yaml":           replace(readFile(t, fnYAML), "workload: StatefulSet", "workload: StatefulSet\n  mode: validate"),
		"kustomization.yaml":      "resources: [base]\nnamespace: prod\nnamePrefix: prod-\nvalidators: [validate.yaml]\n",
	}
	for name, content := range files {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	out, stderr, err := run(t, dir, "kustomize", "build", "--enable-alpha-plugins", "--enable-exec", ".")
	require.Error(t, err, out)
	assert.Contains(t, stderr, "StatefulSet prod/prod-my-connect-connect was rendered as kafka/my-connect-connect")
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}
