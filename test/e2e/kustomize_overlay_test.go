package e2e

import (
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
