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

// strimziExamples are Strimzi 1.2.0's own example resources, beside the
// repository in ../shared (never copied into it).
const strimziExamples = "../../shared/strimzi-1.2.0/examples"

// TestStrimziExamples renders every Strimzi example of the kinds the
// function owns, in a namespace, and expects no error result.
func TestStrimziExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(strimziExamples, "connect", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "Strimzi examples not found at %s", strimziExamples)
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
