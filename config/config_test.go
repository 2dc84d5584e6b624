package config

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

var update = flag.Bool("update", false, "rewrite the README's configuration reference")

const (
	refStart = "<!-- config-reference:start -->\n"
	refEnd   = "<!-- config-reference:end -->"
)

// TestReadmeReference keeps the README's reference in step with the schema.
func TestReadmeReference(t *testing.T) {
	ref, err := Reference()
	require.NoError(t, err)
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	s := string(readme)
	i, j := strings.Index(s, refStart), strings.Index(s, refEnd)
	require.True(t, i >= 0 && j > i, "README.md needs the reference markers")
	want := s[:i+len(refStart)] + ref + s[j:]
	if *update {
		require.NoError(t, os.WriteFile("../README.md", []byte(want), 0o644))
		s = want
	}
	if want != s {
		diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: difflib.SplitLines(s), B: difflib.SplitLines(want), FromFile: "README.md", ToFile: "schema", Context: 1,
		})
		t.Errorf("the README's configuration reference is stale (go test ./config -update rewrites it):\n%s", diff)
	}
}

func load(t *testing.T, doc string) (*StrimziRender, []string) {
	t.Helper()
	var node *yaml.RNode
	if doc != "" {
		node = yaml.MustParse(doc)
	}
	c, ps := Load(node)
	var msgs []string
	for _, p := range ps {
		msgs = append(msgs, p.Message)
	}
	return c, msgs
}

func TestLoadDefaults(t *testing.T) {
	for name, doc := range map[string]string{
		"no config":             "",
		"empty kpt ConfigMap":   "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: function-input}\n",
		"StrimziRender no spec": "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\n",
	} {
		t.Run(name, func(t *testing.T) {
			c, errs := load(t, doc)
			require.Empty(t, errs)
			assert.Equal(t, WorkloadStatefulSet, c.Spec.Workload)
			assert.Equal(t, "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1", c.Spec.Images.KafkaConnect["4.3.1"])
			assert.Len(t, c.Spec.Images.Kafka, 4)
			assert.Equal(t, PodSecurityRestricted, c.Spec.PodSecurityProvider)
			assert.Equal(t, "cluster.local", c.Spec.ClusterDomain)
			assert.True(t, *c.Spec.PodDisruptionBudgets)
			assert.Equal(t, "quay.io/strimzi/operator:1.2.0", c.Spec.Images.TopicOperator)
			assert.Equal(t, "quay.io/strimzi/operator:1.2.0", c.Spec.Images.UserOperator)
			assert.False(t, c.Spec.EntityOperatorWatchedNamespaceEnabled)
		})
	}
}

func TestLoadErrors(t *testing.T) {
	cases := map[string]struct {
		doc  string
		want []string
	}{
		"unknown field": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {workloads: Pod}\n",
			[]string{"spec.workloads: unknown field \"workloads\" in spec: did you mean \"workload\"?"},
		},
		"bad enum": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {workload: Deployment}\n",
			[]string{`spec.workload should be one of [Pod StatefulSet StrimziPodSet]`},
		},
		"wrong kind": {
			"apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n",
			[]string{"functionConfig v1 Secret is not supported: use fn.strimzi-render.dev/v1alpha1 StrimziRender or a v1 ConfigMap"},
		},
		"unknown version": {
			"apiVersion: fn.strimzi-render.dev/v1\nkind: StrimziRender\nmetadata: {name: x}\n",
			[]string{"functionConfig fn.strimzi-render.dev/v1 StrimziRender is not supported: use fn.strimzi-render.dev/v1alpha1 StrimziRender or a v1 ConfigMap"},
		},
		"ConfigMap unknown key": {
			"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {workloads: Pod}\n",
			[]string{`data.workloads: unknown field "workloads" in spec: did you mean "workload"?`},
		},
		"ConfigMap bad boolean": {
			"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {keepCustomResources: maybe}\n",
			[]string{`data.keepCustomResources: "maybe" is not a boolean`},
		},
		"default version without image": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {images: {defaultKafkaVersion: 9.9.9}}\n",
			[]string{`spec.images.defaultKafkaVersion: "9.9.9" has no image in spec.images.kafka`},
		},
		"line breaks where the Dockerfile takes settings unquoted": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\n" +
				"spec: {proxy: {noProxy: \"a\\nRUN id\"}, images: {mavenBuilder: 'm b', kafkaConnect: {4.3.1: \"k\\tx\"}}}\n",
			[]string{
				`spec.proxy.noProxy: "a\nRUN id" must not contain spaces or control characters`,
				`spec.images.mavenBuilder: "m b" must not contain spaces or control characters`,
				`spec.images.kafkaConnect.4.3.1: "k\tx" must not contain spaces or control characters`,
			},
		},
		"bad label pattern": {
			"apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec: {labelsExclusionPattern: '(?!x)'}\n",
			[]string{"spec.labelsExclusionPattern: not an RE2 expression: error parsing regexp: invalid or unsupported Perl syntax: `(?!`"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, errs := load(t, c.doc)
			require.Len(t, errs, len(c.want), "%v", errs)
			for i := range c.want {
				assert.Contains(t, errs[i], c.want[i])
			}
		})
	}
}

func TestConfigMapForm(t *testing.T) {
	c, errs := load(t, `apiVersion: v1
kind: ConfigMap
metadata: {name: function-input}
data:
  workload: StrimziPodSet
  keepCustomResources: "true"
  images.kafkaConnect.4.3.1: registry.example.com/connect:4.3.1
  imagePullSecrets: a, b
  build.backoffLimit: "3"
  customLabels.kafkaConnect.team: data
`)
	require.Empty(t, errs)
	assert.Equal(t, WorkloadStrimziPodSet, c.Spec.Workload)
	assert.True(t, c.Spec.KeepCustomResources)
	assert.Equal(t, "registry.example.com/connect:4.3.1", c.Spec.Images.KafkaConnect["4.3.1"])
	assert.Equal(t, "quay.io/strimzi/kafka:1.2.0-kafka-4.2.0", c.Spec.Images.KafkaConnect["4.2.0"])
	assert.Equal(t, []string{"a", "b"}, c.Spec.ImagePullSecrets)
	assert.Equal(t, int32(3), *c.Spec.Build.BackoffLimit)
	assert.Equal(t, map[string]string{"team": "data"}, c.Spec.CustomLabels.KafkaConnect)
}
