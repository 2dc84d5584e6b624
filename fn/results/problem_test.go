package results

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

func TestProblemError(t *testing.T) {
	assert.EqualError(t, Errorf("spec.replicas", "%d is negative", -1), "spec.replicas: -1 is negative")
	assert.EqualError(t, Warningf("", "no path"), "no path")
}

func TestSeverity(t *testing.T) {
	assert.Equal(t, Error, Problem{Path: "p", Message: "m"}.Severity, "the zero severity is an error")
	for sev, want := range map[Severity]framework.Severity{
		Error: framework.Error, Warning: framework.Warning, Info: framework.Info,
	} {
		assert.Equal(t, want, Problem{Severity: sev}.Result(nil).Severity)
	}
	assert.Equal(t, Info, Infof("p", "m").Severity)
	assert.True(t, HasErrors([]Problem{Warningf("", "w"), {Message: "e"}}))
	assert.False(t, HasErrors([]Problem{Warningf("", "w"), Infof("", "i")}))
}

func TestResult(t *testing.T) {
	node := yaml.MustParse(`apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: my-cluster
  namespace: kafka
  annotations:
    config.kubernetes.io/path: kafka.yaml
    config.kubernetes.io/index: "2"
`)
	pool := Resource{Kind: "KafkaNodePool", Namespace: "kafka", Name: "pool-a"}
	cases := map[string]struct {
		p    Problem
		node *yaml.RNode
		want *framework.Result
	}{
		"about the node": {
			p:    Warningf("spec.kafka.rack", "ClusterRole %s must exist", "r"),
			node: node,
			want: &framework.Result{
				Severity: framework.Warning,
				Message:  "ClusterRole r must exist",
				Field:    &framework.Field{Path: "spec.kafka.rack"},
				ResourceRef: &yaml.ResourceIdentifier{
					TypeMeta: yaml.TypeMeta{APIVersion: "kafka.strimzi.io/v1", Kind: "Kafka"},
					NameMeta: yaml.NameMeta{Name: "my-cluster", Namespace: "kafka"},
				},
				File: &framework.File{Path: "kafka.yaml", Index: 2},
			},
		},
		"the node wins over the resource its caller looked it up by": {
			p:    Problem{Message: "m", Resource: pool},
			node: node,
			want: &framework.Result{
				Severity: framework.Error,
				Message:  "m",
				ResourceRef: &yaml.ResourceIdentifier{
					TypeMeta: yaml.TypeMeta{APIVersion: "kafka.strimzi.io/v1", Kind: "Kafka"},
					NameMeta: yaml.NameMeta{Name: "my-cluster", Namespace: "kafka"},
				},
				File: &framework.File{Path: "kafka.yaml", Index: 2},
			},
		},
		"no node: the resource names it": {
			p: Problem{Path: "spec.stretch[0]", Message: "m", Resource: Resource{APIVersion: "fn.strimzi-render.dev/v1alpha1", Kind: "StrimziRender", Name: "render"}},
			want: &framework.Result{
				Severity: framework.Error,
				Message:  "m",
				Field:    &framework.Field{Path: "spec.stretch[0]"},
				ResourceRef: &yaml.ResourceIdentifier{
					TypeMeta: yaml.TypeMeta{APIVersion: "fn.strimzi-render.dev/v1alpha1", Kind: "StrimziRender"},
					NameMeta: yaml.NameMeta{Name: "render"},
				},
			},
		},
		"neither": {
			p:    Infof("", "m"),
			want: &framework.Result{Severity: framework.Info, Message: "m"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, c.p.Result(c.node))
		})
	}
}
