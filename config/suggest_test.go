package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestUnknownFieldsSuggestTheKnownOne: both forms of the function config
// word an unknown field alike, with the known field at that level it most
// likely meant.
func TestUnknownFieldsSuggestTheKnownOne(t *testing.T) {
	cases := map[string]struct {
		typed, configMap string
		want             string
	}{
		"swapped letters": {typed: "spec: {worklaod: Pod}", configMap: "worklaod: Pod",
			want: `unknown field "worklaod" in spec: did you mean "workload"?`},
		"nested": {typed: "spec: {images: {kafkInit: x}}", configMap: "images.kafkInit: x",
			want: `unknown field "kafkInit" in spec.images: did you mean "kafkaInit"?`},
		"other case": {typed: "spec: {build: {Builder: kaniko}}", configMap: "build.Builder: kaniko",
			want: `unknown field "Builder" in spec.build: did you mean "builder"?`},
		"nothing near": {typed: "spec: {proxy: {zzz: x}}", configMap: "proxy.zzz: x",
			want: `unknown field "zzz" in spec.proxy: known fields are httpProxy, httpsProxy, noProxy`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, typed := load(t, "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\n"+c.typed+"\n")
			_, cm := load(t, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {"+c.configMap+"}\n")
			if assert.Len(t, typed, 1) && assert.Len(t, cm, 1) {
				assert.Contains(t, typed[0], ": "+c.want)
				assert.Contains(t, cm[0], ": "+c.want)
			}
		})
	}
}

func TestUnknownFieldInAList(t *testing.T) {
	assert.Equal(t, `unknown field "centralAlia" in spec.stretch[0]: did you mean "centralAlias"?`,
		unknownField("spec.stretch[0]", "centralAlia"))
}

func TestEditDistance(t *testing.T) {
	assert.Equal(t, 1, editDistance("worklaod", "workload"))
	assert.Equal(t, 1, editDistance("kafkInit", "kafkaInit"))
	assert.Equal(t, 0, editDistance("", ""))
	assert.Equal(t, 3, editDistance("abc", ""))
}
