package fn

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/kio"
)

// strimziDirVar names the directory of Strimzi 1.2.0's release files (crds/
// and examples/) when they are not at defaultStrimziDir.
const strimziDirVar = "STRIMZI_RENDER_STRIMZI_DIR"

// defaultStrimziDir is where CI keeps them, relative to the repository root:
// beside the repository, never copied into it.
const defaultStrimziDir = "../shared/strimzi-1.2.0"

// strimziFiles returns the directory sub (crds or examples) of Strimzi's
// release files, from $STRIMZI_RENDER_STRIMZI_DIR (absolute, or relative to
// the repository root) or defaultStrimziDir, and whether it exists.
func strimziFiles(sub string) (string, bool) {
	dir := os.Getenv(strimziDirVar)
	if dir == "" {
		dir = defaultStrimziDir
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir) // tests run in fn/, one below the root
	}
	path, err := filepath.Abs(filepath.Join(dir, sub))
	if err != nil {
		return filepath.Join(dir, sub), false
	}
	info, err := os.Stat(path)
	return path, err == nil && info.IsDir()
}

// requireStrimziFiles is strimziFiles for a test that cannot run without
// them: it skips the test, saying where it looked.
func requireStrimziFiles(t *testing.T, sub string) string {
	t.Helper()
	path, ok := strimziFiles(sub)
	if !ok {
		t.Skipf("Strimzi 1.2.0 %s not found at %s: set %s to the directory holding crds/ and examples/ (default %s beside the repository)",
			sub, path, strimziDirVar, defaultStrimziDir)
	}
	return path
}

// TestStrimziExamples renders every Strimzi example of the kinds the
// function owns, in a namespace, and expects no error result.
func TestStrimziExamples(t *testing.T) {
	examples := requireStrimziFiles(t, "examples")
	files, err := filepath.Glob(filepath.Join(examples, "connect", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no Connect examples in %s", examples)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			require.NoError(t, err)
			nodes, err := kio.FromBytes(raw)
			require.NoError(t, err)
			// Users apply them with kubectl -n; a kustomization would set it.
			for _, n := range nodes {
				require.NoError(t, n.SetNamespace("my-namespace"))
			}
			var input bytes.Buffer
			require.NoError(t, kio.ByteWriter{Writer: &input, WrappingAPIVersion: "config.kubernetes.io/v1", WrappingKind: "ResourceList"}.Write(nodes))
			out, runErr := execute(t, input.Bytes())
			assert.NoError(t, runErr)
			assert.False(t, hasErrorResults(t, out), "error results: %v", runErr)
			rendered, err := kio.FromBytes(out)
			require.NoError(t, err)
			for _, n := range rendered {
				assert.NotEqual(t, "KafkaConnect", n.GetKind(), "every KafkaConnect is replaced")
			}
		})
	}
}
