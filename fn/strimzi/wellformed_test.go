package strimzi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

func TestCheckWellFormed(t *testing.T) {
	cases := map[string]struct{ doc, err string }{
		"well formed":                   {doc: "metadata: {name: a, labels: {x: 'y', n: \"2\"}, annotations: {a: b}}\nspec: {a: [{b: 1}, {b: 2}]}\n"},
		"aliases repeat what they name": {doc: "spec: {a: &x {b: 1}, c: *x, d: *x}\n"},
		"merge key":                     {doc: "metadata: {labels: {<<: {a: b}, c: d}}\n"},
		"duplicate in metadata":         {doc: "metadata: {name: a, name: b}\n", err: "metadata.name: key \"name\" is given twice: keep one, as the API server may read either"},
		"duplicate in a list":           {doc: "spec: {plugins: [{name: a}, {name: b, name: c}]}\n", err: "spec.plugins[1].name: key \"name\" is given twice: keep one, as the API server may read either"},
		"label list":                    {doc: "metadata: {labels: {x: [1]}}\n", err: "metadata.labels.x: must be a string: quote the value"},
		"label number":                  {doc: "metadata: {labels: {x: 2}}\n", err: "metadata.labels.x: must be a string: quote the value"},
		"label null":                    {doc: "metadata: {labels: {x: null}}\n", err: "metadata.labels.x: must be a string: quote the value"},
		"annotation map":                {doc: "metadata: {annotations: {a: {b: c}}}\n", err: "metadata.annotations.a: must be a string: quote the value"},
		"labels a list":                 {doc: "metadata: {labels: [a]}\n", err: "metadata.labels: must be a map of strings"},
		"labels null":                   {doc: "metadata: {labels: null}\n"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			node, err := yaml.Parse(c.doc)
			require.NoError(t, err)
			err = checkWellFormed(node)
			if c.err == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, c.err)
		})
	}
}
