package strimzi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

func TestQuantityProblemNamesFieldAndValue(t *testing.T) {
	node, err := yaml.Parse("template: {pod: {}}\nbuild: {resources: {limits: {memory: 1Gi, cpu: two}}}\n")
	require.NoError(t, err)
	p := quantityProblem(node.YNode(), "spec")
	require.NotNil(t, p)
	assert.Equal(t, "spec.build.resources.limits.cpu", p.Path)
	assert.Contains(t, p.Message, `"two" is not a quantity`)

	ok, err := yaml.Parse("resources: {requests: {memory: 1Gi}}\nstorage: {sizeLimit: whatever}\n")
	require.NoError(t, err)
	assert.Nil(t, quantityProblem(ok.YNode(), "spec"), "only compute resources are quantities when decoding")
}
