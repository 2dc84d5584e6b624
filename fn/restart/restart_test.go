package restart

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

func podNode(name, hash, image, memory string) *yaml.RNode {
	return yaml.MustParse(`apiVersion: v1
kind: Pod
metadata: {name: ` + name + `, namespace: kafka, annotations: {strimzi.io/configuration-hash: "` + hash + `"}}
spec:
  containers:
  - {name: kafka, image: ` + image + `, resources: {requests: {memory: ` + memory + `}}}
`)
}

func TestReason(t *testing.T) {
	before := podNode("a", "1", "kafka:1", "1Gi")
	assert.Empty(t, Reason(before, podNode("a", "1", "kafka:2", "1Gi")), "a running Pod takes a new image")
	assert.Empty(t, Reason(nil, before), "a new Pod is created by apply")
	assert.Equal(t, SpecChanged, Reason(before, podNode("a", "2", "kafka:1", "2Gi")))
	assert.Equal(t, ConfigChanged, Reason(before, podNode("a", "2", "kafka:1", "1Gi")))
	cm := yaml.MustParse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n")
	assert.Empty(t, Reason(cm, cm), "only Pods")
}

func TestCheck(t *testing.T) {
	previous := []*yaml.RNode{podNode("a", "1", "k", "1Gi"), podNode("b", "1", "k", "1Gi"), podNode("c", "1", "k", "1Gi")}
	rendered := []*yaml.RNode{podNode("a", "2", "k", "1Gi"), podNode("b", "1", "k", "2Gi"), podNode("c", "2", "k", "1Gi"), podNode("d", "1", "k", "1Gi")}
	ps := Check(previous, rendered)
	require.Len(t, ps, 2)
	assert.Equal(t, results.Warning, ps[0].Severity)
	assert.Contains(t, ps[0].Message, "Pods a, c must be recreated to take this change: "+ConfigChanged)
	assert.Contains(t, ps[0].Message, "kubectl delete pod -n kafka a")
	assert.Contains(t, ps[1].Message, "Pods b must be recreated to take this change: "+SpecChanged)
	assert.Empty(t, Check(rendered, rendered), "an unchanged render warns about nothing")
}
