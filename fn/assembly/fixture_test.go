package assembly

import (
	"testing"

	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
)

// renderConfig is the function config with spec (YAML, or "" for the defaults).
func renderConfig(t *testing.T, spec string) *config.StrimziRender {
	t.Helper()
	cfg, ps := config.Load(yaml.MustParse("apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: render}\nspec: {" + spec + "}\n"))
	require.Empty(t, ps)
	return cfg
}

// noInputs has no ConfigMaps and nothing rendered earlier.
var noInputs = Inputs{
	ConfigMapData: func(string, string) (map[string]string, bool) { return nil, false },
	RenderedFrom:  func(*yaml.RNode) []*yaml.RNode { return nil },
}

// kinds lists a Rendering's objects as Kind/name.
func kinds(r *Rendering) []string {
	var out []string
	for _, p := range r.Objects {
		out = append(out, p.Object.GetObjectKind().GroupVersionKind().Kind+"/"+p.Object.GetName())
	}
	return out
}
