package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

func TestErrorPath(t *testing.T) {
	cases := map[string]struct {
		doc   string
		paths []string
	}{
		"schema errors": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {workloads: Pod, keepCustomResources: 'yes'}\n",
			[]string{"spec.keepCustomResources", "spec.workloads"},
		},
		"spec null": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: null\n",
			[]string{"spec"},
		},
		"validation errors": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {clusterDomain: 'a b', imagePullSecrets: [A]}\n",
			[]string{"spec.clusterDomain", "spec.imagePullSecrets[0]"},
		},
		"ConfigMap keys": {
			"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {wrokload: Pod, keepCustomResources: maybe}\n",
			[]string{"data.keepCustomResources", "data.wrokload"},
		},
		"ConfigMap values": {
			"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {workload: Deployment}\n",
			[]string{"data.workload"},
		},
		"forbidden top-level field": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\n0: x\n",
			[]string{"0"},
		},
		"metadata of the wrong type": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: [x]}\n",
			[]string{"metadata.name"},
		},
		"wrong kind": {
			"apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n",
			[]string{"kind"},
		},
		"not an object": {"[a, b]\n", []string{""}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			fc, err := yaml.Parse(c.doc)
			require.NoError(t, err)
			_, errs := Load(fc)
			var paths []string
			for _, e := range errs {
				paths = append(paths, ErrorPath(fc, e))
			}
			assert.ElementsMatch(t, c.paths, paths, "errors: %v", errs)
		})
	}
}
