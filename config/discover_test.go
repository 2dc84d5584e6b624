package config

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFind(t *testing.T) {
	const render = "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\n"
	cases := map[string]struct {
		files fstest.MapFS
		want  []string
	}{
		"function config": {
			files: fstest.MapFS{"fn.yaml": {Data: []byte(render)}, "kustomization.yaml": {Data: []byte("resources: [a.yaml]\n")}},
			want:  []string{"fn.yaml"},
		},
		"second document, nested, .yml": {
			files: fstest.MapFS{"fns/render.yml": {Data: []byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n" + render)}},
			want:  []string{"fns/render.yml"},
		},
		"other group": {
			files: fstest.MapFS{"fn.yaml": {Data: []byte("apiVersion: fn.example.com/v1\nkind: StrimziRender\nmetadata: {name: x}\n")}},
		},
		"only mentioned": {
			files: fstest.MapFS{"readme.yaml": {Data: []byte("description: runs StrimziRender\n")}},
		},
		"hidden directory": {
			files: fstest.MapFS{".git/fn.yaml": {Data: []byte(render)}},
		},
		"not YAML": {
			files: fstest.MapFS{"fn.json": {Data: []byte(render)}, "bad.yaml": {Data: []byte("StrimziRender: [\n")}},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := Find(c.files)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}
