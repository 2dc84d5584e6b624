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

func TestOverrides(t *testing.T) {
	input, err := os.ReadFile(filepath.Join(goldenDir, "connect", "image-plugins", "input.yaml"))
	require.NoError(t, err)
	cases := map[string]struct {
		layers    []config.Overrides
		unchanged bool
		wantErr   bool
		results   []string
	}{
		"from outside": {
			layers:  []config.Overrides{{Source: "ENV", Values: map[string]string{"workload": "StrimziPodSet"}}},
			results: []string{"[info]: functionConfig overridden from ENV: workload"},
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
				`ARGOCD_ENV_STRIMZI_RENDER: key "workloads": "workloads" is not a field of StrimziRender spec`},
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
