package fn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/crdschema"
)

// With keepCustomResources, the resources kept for a running operator
// must pass Strimzi's CRD as it stands: fields only the renderer reads
// (KafkaConnect's spec.storage, a build it renders itself) are translated
// or removed, never handed on. Every golden input whose resources pass the
// CRD is rendered so, and each kept resource is checked again.
func TestKeptResourcesPassTheCRD(t *testing.T) {
	checked := 0
	for _, c := range readableGoldenInputs(t) {
		in, err := parseResourceList(c.input)
		if err != nil {
			continue
		}
		valid := true
		for _, it := range in.items {
			if kindOf(it) != "" && len(crdschema.Check(it)) > 0 {
				valid = false
			}
		}
		kept, ok := withKeepCustomResources(t, c.input)
		if !valid || !ok {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			r := executeSafely(kept)
			require.Nil(t, r.panicked)
			out, err := parseResourceList(r.out)
			require.NoError(t, err)
			for _, it := range out.items {
				if kindOf(it) == "" {
					continue
				}
				checked++
				assert.Empty(t, crdschema.Check(it), "kept %s %s", it.GetKind(), it.GetName())
			}
		})
	}
	assert.Greater(t, checked, 20, "fewer kept resources than the golden cases hold")
}
