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

// Every kind the function renders must be in renderedKinds, or a later run
// would keep the earlier render of it beside the new one.
func TestRenderedKindsCoverEveryRenderedObject(t *testing.T) {
	seen := map[string]bool{}
	for _, dir := range goldenCases(t) {
		b, err := os.ReadFile(filepath.Join(dir, "expected.yaml"))
		require.NoError(t, err)
		if len(b) == 0 {
			continue
		}
		nodes, err := (&kio.ByteReader{Reader: bytes.NewReader(b), OmitReaderAnnotations: true}).Read()
		if err != nil {
			continue // outputs the framework writes back unread, such as alias bombs
		}
		for _, n := range nodes {
			if _, rendered := n.GetAnnotations()[AnnoRenderedAs]; rendered {
				seen[n.GetKind()] = true
				assert.True(t, renderedKinds[n.GetKind()], "%s: %s %s is rendered but not in renderedKinds", dir, n.GetKind(), n.GetName())
			}
		}
	}
	assert.NotEmpty(t, seen)
}
