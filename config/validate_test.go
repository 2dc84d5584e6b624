package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

func TestValidateClusterIDs(t *testing.T) {
	cases := map[string]struct {
		key, id string
		errs    int
	}{
		"valid":           {"my-namespace/my-cluster", "MkU3OEVBNTcwNTJENDM2Qg", 0},
		"no namespace":    {"my-cluster", "MkU3OEVBNTcwNTJENDM2Qg", 1},
		"padded":          {"ns/c", "MkU3OEVBNTcwNTJENDM2Qg==", 1},
		"too short":       {"ns/c", "MkU3OEVBNTcw", 1},
		"standard base64": {"ns/c", "MkU3OEVBNTcwNTJENDM2Q+", 1},
		"both wrong":      {"/c", "", 2},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Len(t, validateClusterID(tc.key, tc.id), tc.errs)
		})
	}
}

func TestLoadClusterIDsFromConfigMap(t *testing.T) {
	fc := mustParse(t, `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data:
  kafkaClusterIds.my-namespace/my-cluster: MkU3OEVBNTcwNTJENDM2Qg
`)
	c, errs := Load(fc)
	assert.Empty(t, errs)
	assert.Equal(t, map[string]string{"my-namespace/my-cluster": "MkU3OEVBNTcwNTJENDM2Qg"}, c.Spec.KafkaClusterIDs)
}

func mustParse(t *testing.T, s string) *yaml.RNode {
	t.Helper()
	n, err := yaml.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestValidateNamespace(t *testing.T) {
	for ns, errs := range map[string]int{"kafka": 0, "Kafka": 1, "a.b": 1} {
		t.Run(ns, func(t *testing.T) {
			_, ps := Load(mustParse(t, "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: r}\nspec: {namespace: '"+ns+"'}\n"))
			assert.Len(t, ps, errs)
			for _, p := range ps {
				assert.Equal(t, "spec.namespace", p.Path)
			}
		})
	}
}

func TestKeepSourcesExcludesKeepCustomResources(t *testing.T) {
	_, ps := Load(mustParse(t, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {keepCustomResources: 'true', keepSourcesAsLocalConfig: 'true'}\n"))
	if assert.Len(t, ps, 1) {
		assert.Equal(t, "data.keepSourcesAsLocalConfig", ps[0].Path, "the ConfigMap form names its key")
		assert.Contains(t, ps[0].Message, "cannot be set with spec.keepCustomResources")
	}
}

func TestNodePortRange(t *testing.T) {
	c, errs := Load(mustParse(t, `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data:
  nodePortRange.min: "20000"
`))
	assert.Empty(t, errs)
	assert.Equal(t, PortRange{Min: 20000, Max: DefaultNodePortMax}, c.Spec.NodePortRange)

	_, errs = Load(mustParse(t, `apiVersion: fn.strimzi-render.dev/v1alpha1
kind: StrimziRender
metadata: {name: cfg}
spec: {nodePortRange: {min: 32000, max: 31000}}
`))
	if assert.Len(t, errs, 1) {
		assert.Contains(t, errs[0].Error(), "32000-31000 is not a port range")
	}
}
