package strimzi

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// toJSON must give what MarshalJSON gives, for every kind of scalar.
func TestToJSONMatchesMarshalJSON(t *testing.T) {
	docs := []string{
		"a: 1\nb: -0x1F\nc: 0o17\nd: 1.0\ne: 1e21\nf: 1.5e-7\ng: 12345678901234567890\nh: -0\n",
		"a: true\nb: True\nc: yes\nd: ~\ne: null\nf: ''\ng: \"1\"\nh: !!str 2\ni: !!binary aGVsbG8=\n",
		"a: 2001-12-14\nb: 2001-12-14T21:59:43.10-05:00\nc: '<&>'\nd: |\n  line\n  next\ne: [1, [2, {x: y}], {}]\nf: {}\ng: []\n",
		"config: {key.converter: org.example.C, max: 9223372036854775807, over: 9223372036854775808}\n",
	}
	for _, doc := range docs {
		n := yaml.MustParse(doc)
		want, err := n.MarshalJSON()
		require.NoError(t, err)
		got, err := toJSON(n)
		require.NoError(t, err)
		assert.JSONEq(t, string(want), string(got), doc)
		assert.Equal(t, string(want), string(got), doc)
	}
}

// TestToJSONOnGoldenInputs compares toJSON with MarshalJSON on the spec and
// status of every item of every golden input.
func TestToJSONOnGoldenInputs(t *testing.T) {
	inputs, err := filepath.Glob("../../testdata/*/*/input.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	compared := 0
	for _, in := range inputs {
		raw, err := os.ReadFile(in)
		require.NoError(t, err)
		rl, err := yaml.Parse(string(raw))
		if err != nil {
			continue // unreadable inputs are the framework's
		}
		items, _ := rl.Pipe(yaml.Lookup("items"))
		if items == nil || items.YNode().Kind != yaml.SequenceNode {
			continue
		}
		for _, item := range items.Content() {
			for _, field := range []string{"spec", "status"} {
				f := yaml.NewRNode(item).Field(field)
				if item.Kind != yaml.MappingNode || f == nil || f.Value.YNode().Kind != yaml.MappingNode {
					continue
				}
				want, wantErr := f.Value.MarshalJSON()
				got, gotErr := toJSON(f.Value)
				if wantErr != nil {
					continue // refused before decoding (notJSON) or by yaml.v3 either way
				}
				require.NoError(t, gotErr, in)
				assert.Equal(t, string(want), string(got), "%s %s", in, field)
				compared++
			}
		}
	}
	assert.Greater(t, compared, 100)
}
