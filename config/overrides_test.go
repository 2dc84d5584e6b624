package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

func TestParseOverrides(t *testing.T) {
	cases := map[string]struct {
		text    string
		want    map[string]string
		wantErr string
	}{
		"empty":                  {text: "", want: map[string]string{}},
		"semicolons":             {text: "workload=StrimziPodSet;keepCustomResources=true", want: map[string]string{"workload": "StrimziPodSet", "keepCustomResources": "true"}},
		"newlines and blanks":    {text: "\n  workload = Pod \n\n# a comment\nimagePullSecrets=a, b\n", want: map[string]string{"workload": "Pod", "imagePullSecrets": "a, b"}},
		"value with equals sign": {text: "labelsExclusionPattern=^a=b$", want: map[string]string{"labelsExclusionPattern": "^a=b$"}},
		"empty value":            {text: "imagePullPolicy=", want: map[string]string{"imagePullPolicy": ""}},
		"not key=value":          {text: "workload", wantErr: `SRC: "workload" is not key=value (entries are key=value, separated by newlines or ';')`},
		"empty key":              {text: "=Pod", wantErr: `SRC: "=Pod" is not key=value`},
		"set twice":              {text: "workload=Pod;workload=StrimziPodSet", wantErr: `SRC: key "workload" is set twice`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			o, err := ParseOverrides("SRC", c.text)
			if c.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), c.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "SRC", o.Source)
			assert.Equal(t, c.want, o.Values)
		})
	}
}

const renderConfig = `apiVersion: fn.strimzi-render.dev/v1alpha1
kind: StrimziRender
metadata: {name: x}
spec:
  workload: Pod
  images:
    kafkaConnect: {4.3.1: repo.example.com/connect:4.3.1}
  customLabels:
    kafkaConnect: {team: data}
  imagePullSecrets: [pull]
`

func TestLoadWithOverrides(t *testing.T) {
	cases := map[string]struct {
		config string
		layers []Overrides
		check  func(t *testing.T, c *StrimziRender)
	}{
		"no config": {
			layers: []Overrides{{Source: "A", Values: map[string]string{"mode": "validate", "build.backoffLimit": "4"}}},
			check: func(t *testing.T, c *StrimziRender) {
				assert.Equal(t, ModeValidate, c.Spec.Mode)
				assert.Equal(t, int32(4), *c.Spec.Build.BackoffLimit)
				assert.Equal(t, WorkloadStatefulSet, c.Spec.Workload, "defaults still apply")
			},
		},
		"over a StrimziRender, maps merge and lists replace": {
			config: renderConfig,
			layers: []Overrides{{Source: "A", Values: map[string]string{
				"workload":                      "StrimziPodSet",
				"images.kafkaConnect.4.2.0":     "repo.example.com/connect:4.2.0",
				"customLabels.kafkaConnect.env": "prod",
				"imagePullSecrets":              "one,two",
			}}},
			check: func(t *testing.T, c *StrimziRender) {
				assert.Equal(t, WorkloadStrimziPodSet, c.Spec.Workload)
				assert.Equal(t, "repo.example.com/connect:4.3.1", c.Spec.Images.KafkaConnect["4.3.1"])
				assert.Equal(t, "repo.example.com/connect:4.2.0", c.Spec.Images.KafkaConnect["4.2.0"])
				assert.Equal(t, map[string]string{"team": "data", "env": "prod"}, c.Spec.CustomLabels.KafkaConnect)
				assert.Equal(t, []string{"one", "two"}, c.Spec.ImagePullSecrets)
			},
		},
		"over a ConfigMap": {
			config: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: function-input}\ndata: {workload: StrimziPodSet, clusterDomain: example.local}\n",
			layers: []Overrides{{Source: "A", Values: map[string]string{"workload": "Pod"}}},
			check: func(t *testing.T, c *StrimziRender) {
				assert.Equal(t, WorkloadPod, c.Spec.Workload)
				assert.Equal(t, "example.local", c.Spec.ClusterDomain)
			},
		},
		"later layer wins": {
			config: renderConfig,
			layers: []Overrides{
				{Source: "A", Values: map[string]string{"workload": "StrimziPodSet", "clusterDomain": "a.local"}},
				{Source: "B", Values: map[string]string{"workload": "Pod"}},
			},
			check: func(t *testing.T, c *StrimziRender) {
				assert.Equal(t, WorkloadPod, c.Spec.Workload)
				assert.Equal(t, "a.local", c.Spec.ClusterDomain)
			},
		},
		"empty layers change nothing": {
			config: renderConfig,
			layers: []Overrides{{Source: "A"}, {Source: "B", Values: map[string]string{}}},
			check: func(t *testing.T, c *StrimziRender) {
				assert.Equal(t, WorkloadPod, c.Spec.Workload)
				assert.Equal(t, ModeRender, c.Spec.Mode)
			},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var fc *yaml.RNode
			if c.config != "" {
				fc = yaml.MustParse(c.config)
			}
			before := ""
			if fc != nil {
				before = fc.MustString()
			}
			cfg, errs := LoadWithOverrides(fc, c.layers...)
			require.Empty(t, errs)
			c.check(t, cfg)
			if fc != nil {
				assert.Equal(t, before, fc.MustString(), "the function config node is not modified")
			}
		})
	}
}

func TestLoadWithOverridesErrors(t *testing.T) {
	cases := map[string]struct {
		config string
		layers []Overrides
		want   []string
	}{
		"unknown key names the source": {
			layers: []Overrides{{Source: "ARGOCD_ENV_STRIMZI_RENDER", Values: map[string]string{"workloads": "Pod"}}},
			want:   []string{`ARGOCD_ENV_STRIMZI_RENDER: key "workloads": unknown field "workloads" in spec: did you mean "workload"?`},
		},
		"bad boolean": {
			config: renderConfig,
			layers: []Overrides{{Source: "S", Values: map[string]string{"keepCustomResources": "maybe"}}},
			want:   []string{`S: key "keepCustomResources": "maybe" is not a boolean`},
		},
		"schema error says overrides applied": {
			config: renderConfig,
			layers: []Overrides{{Source: "S", Values: map[string]string{"workload": "Deployment"}}},
			want:   []string{`spec.workload should be one of [Pod StatefulSet StrimziPodSet] (with overrides from S)`},
		},
		"config errors still reported": {
			config: "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {workloads: Pod}\n",
			layers: []Overrides{{Source: "S", Values: map[string]string{"workload": "Pod"}}},
			want:   []string{"spec.workloads: unknown field \"workloads\" in spec: did you mean \"workload\"? (with overrides from S)"},
		},
		"field that is not an object in the config": {
			config: "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {images: none}\n",
			layers: []Overrides{{Source: "S", Values: map[string]string{"images.kafkaInit": "x"}}},
			want:   []string{`S: key "images.kafkaInit": "images" is not an object in the function config`},
		},
		"unsupported config kind": {
			config: "apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n",
			layers: []Overrides{{Source: "S", Values: map[string]string{"workload": "Pod"}}},
			want:   []string{"functionConfig v1 Secret is not supported"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var fc *yaml.RNode
			if c.config != "" {
				fc = yaml.MustParse(c.config)
			}
			_, errs := LoadWithOverrides(fc, c.layers...)
			require.Len(t, errs, len(c.want), "%v", errs)
			for i := range c.want {
				assert.Contains(t, errs[i].Message, c.want[i])
			}
		})
	}
}

func TestModeDefault(t *testing.T) {
	cases := map[string]struct {
		doc  string
		want string
	}{
		"default":        {"", ModeRender},
		"validate":       {"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {mode: validate}\n", ModeValidate},
		"ConfigMap form": {"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {mode: validate}\n", ModeValidate},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			cfg, errs := load(t, c.doc)
			require.Empty(t, errs)
			assert.Equal(t, c.want, cfg.Spec.Mode)
		})
	}
	_, errs := load(t, "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {mode: check}\n")
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], "spec.mode should be one of [render validate]")
}
