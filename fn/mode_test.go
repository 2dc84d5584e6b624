package fn

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
)

// executeWith runs p on a ResourceList as kustomize and kpt do.
func executeWith(t *testing.T, p framework.ResourceListProcessor, input string) (string, error) {
	t.Helper()
	var buf bytes.Buffer
	err := framework.Execute(p, &kio.ByteReadWriter{Reader: strings.NewReader(input), Writer: &buf, KeepReaderAnnotations: true})
	return buf.String(), err
}

// passThrough writes back what it read: the bytes any function returns for
// items it leaves alone.
var passThrough = framework.ResourceListProcessorFunc(func(*framework.ResourceList) error { return nil })

// resultsOf returns the results of an output ResourceList as YAML.
func resultsOf(t *testing.T, out string) string {
	t.Helper()
	rl, err := yaml.Parse(out)
	require.NoError(t, err)
	res, err := rl.Pipe(yaml.Lookup("results"))
	require.NoError(t, err)
	if res == nil {
		return ""
	}
	return res.MustString()
}

// TestValidateMode checks the validate goldens against the two properties
// that define the mode: the items are exactly what an identity function
// returns, and the results are exactly those render mode reports.
func TestValidateMode(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join(goldenDir, "validate", "*", "input.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		t.Run(filepath.Base(filepath.Dir(in)), func(t *testing.T) {
			b, err := os.ReadFile(in)
			require.NoError(t, err)
			input := string(b)
			require.Contains(t, input, "mode: validate")

			validated, vErr := executeWith(t, NewProcessor(), input)
			unchanged, err := executeWith(t, passThrough, input)
			require.NoError(t, err)
			assert.Equal(t, stripResults(t, []byte(unchanged)), stripResults(t, []byte(validated)), "items byte for byte as read")

			rendered, rErr := executeWith(t, NewProcessor(), strings.Replace(input, "mode: validate", "mode: render", 1))
			assert.NotEmpty(t, resultsOf(t, validated))
			assert.Equal(t, resultsOf(t, rendered), resultsOf(t, validated), "the same checks as render mode")
			assert.Equal(t, rErr != nil, vErr != nil, "the same exit status as render mode")
		})
	}
}

func TestOverrides(t *testing.T) {
	input, err := os.ReadFile(filepath.Join(goldenDir, "connect", "image-plugins", "input.yaml"))
	require.NoError(t, err)
	cases := map[string]struct {
		layers    []config.Overrides
		unchanged bool
		wantErr   bool
		results   []string
	}{
		"validate from outside": {
			layers:    []config.Overrides{{Source: "ENV", Values: map[string]string{"mode": "validate"}}},
			unchanged: true,
			results:   []string{"[info]: functionConfig overridden from ENV: mode"},
		},
		"later layer wins": {
			layers: []config.Overrides{
				{Source: "A", Values: map[string]string{"mode": "validate", "workload": "StrimziPodSet"}},
				{Source: "B", Values: map[string]string{"mode": "render"}},
			},
			results: []string{"[info]: functionConfig overridden from A: mode, workload", "[info]: functionConfig overridden from B: mode"},
		},
		"unknown key": {
			layers:    []config.Overrides{{Source: "ARGOCD_ENV_STRIMZI_RENDER", Values: map[string]string{"workloads": "Pod"}}},
			unchanged: true,
			wantErr:   true,
			results: []string{`[error] fn.strimzi-render.dev/v1alpha1/StrimziRender/render: invalid functionConfig: ` +
				`ARGOCD_ENV_STRIMZI_RENDER: key "workloads": unknown field "workloads" in spec: did you mean "workload"?`},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			out, err := executeWith(t, NewProcessor().WithOverrides(c.layers...), string(input))
			assert.Equal(t, c.wantErr, err != nil, "%v", err)
			unchanged, _ := executeWith(t, passThrough, string(input))
			assert.Equal(t, c.unchanged, stripResults(t, []byte(unchanged)) == stripResults(t, []byte(out)))
			var rl struct {
				Results framework.Results `yaml:"results"`
			}
			require.NoError(t, yaml.Unmarshal([]byte(out), &rl))
			var got []string
			for _, r := range rl.Results {
				if r.Severity != framework.Warning {
					got = append(got, r.String())
				}
			}
			assert.Equal(t, c.results, got)
		})
	}
}
