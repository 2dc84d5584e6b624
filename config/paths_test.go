package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// TestProblemPaths checks the field of the function config each problem
// is at, which the function reports with it.
func TestProblemPaths(t *testing.T) {
	cases := map[string]struct {
		doc    string
		layers []Overrides
		paths  []string
	}{
		"schema errors": {
			doc:   "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {workloads: Pod, keepCustomResources: 'yes'}\n",
			paths: []string{"spec.keepCustomResources", "spec.workloads"},
		},
		"spec null": {
			doc:   "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: null\n",
			paths: []string{"spec"},
		},
		"validation errors": {
			doc:   "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {clusterDomain: 'a b', imagePullSecrets: [A]}\n",
			paths: []string{"spec.clusterDomain", "spec.imagePullSecrets[0]"},
		},
		"ConfigMap keys": {
			doc:   "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {wrokload: Pod, keepCustomResources: maybe}\n",
			paths: []string{"data.keepCustomResources", "data.wrokload"},
		},
		"ConfigMap values": {
			doc:   "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {workload: Deployment}\n",
			paths: []string{"data.workload"},
		},
		"forbidden top-level field": {
			doc:   "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\n0: x\n",
			paths: []string{"0"},
		},
		"metadata of the wrong type": {
			doc:   "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: [x]}\n",
			paths: []string{"metadata.name"},
		},
		"wrong kind": {
			doc:   "apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n",
			paths: []string{"kind"},
		},
		"not an object": {doc: "[a, b]\n", paths: []string{""}},
		"map keys as written": {
			doc:   "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {kafkaClusterIds: {'my ns/c': x}}\n",
			paths: []string{"spec.kafkaClusterIds.my ns/c"},
		},
		"override values that fail the schema": {
			doc:    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {mode: validate}\n",
			layers: []Overrides{{Source: "S", Values: map[string]string{"workload": "Deployment"}}},
			paths:  []string{"data.workload"},
		},
		"overrides without a function config": {
			doc:    "{}\n",
			layers: []Overrides{{Source: "S", Values: map[string]string{"workload": "Deployment", "clusterDomain": "a b"}}},
			paths:  []string{"", ""},
		},
		"override keys are no field of the function config": {
			doc:    "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\n",
			layers: []Overrides{{Source: "S", Values: map[string]string{"workloads": "Pod"}}},
			paths:  []string{""},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			fc, err := yaml.Parse(c.doc)
			require.NoError(t, err)
			_, ps := LoadWithOverrides(fc, c.layers...)
			var paths []string
			for _, p := range ps {
				paths = append(paths, p.Path)
			}
			assert.ElementsMatch(t, c.paths, paths, "problems: %v", ps)
		})
	}
}
