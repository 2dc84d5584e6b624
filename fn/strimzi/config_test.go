package strimzi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

func TestConfigEntries(t *testing.T) {
	cases := map[string]struct {
		config string
		want   []ConfigEntry
		err    string
	}{
		"as written": {config: "{b: 1000000, a: 1.0, c: true, d: null}", want: []ConfigEntry{{"b", "1000000"}, {"a", "1.0"}, {"c", "true"}}},
		"alias":      {config: "{a: &x 3, b: *x}", want: []ConfigEntry{{"a", "3"}, {"b", "3"}}},
		"merge key where it stands, own keys win": {
			config: "{a: 1, <<: {b: 2, a: 9, c: 3}, c: 4}",
			want:   []ConfigEntry{{"a", "1"}, {"b", "2"}, {"c", "4"}},
		},
		"earlier merged maps win": {
			config: "{<<: [{a: 1}, {a: 2, b: 2}]}",
			want:   []ConfigEntry{{"a", "1"}, {"b", "2"}},
		},
		"merges in merged maps": {
			config: "{<<: {<<: {a: 1}, b: 2}, c: 3}",
			want:   []ConfigEntry{{"a", "1"}, {"b", "2"}, {"c", "3"}},
		},
		"merge of a scalar": {config: "{<<: 1}", err: "spec.config.<<: can merge only maps"},
		"nested value":      {config: "{a: {b: c}}", err: "spec.config.a: must be a string, number or boolean"},
		"not a map":         {config: "[a]", err: "spec.config: must be an object"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			node, err := yaml.Parse("spec: {config: " + c.config + "}\n")
			require.NoError(t, err)
			got, err := ConfigEntries(node, "spec", "config")
			if c.err != "" {
				assert.EqualError(t, err, c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}
