package fn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// A source that fails to render leaves the run as it came, without the
// namespace the function config would have given it; one that renders
// passes it on to its objects.
func TestDefaultNamespaceOnlyOnRenderedSources(t *testing.T) {
	rl := &framework.ResourceList{
		FunctionConfig: yaml.MustParse("apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: render}\nspec: {namespace: kafka}\n"),
		Items: []*yaml.RNode{
			yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata: {name: broken}\nspec: {}\n"),
			yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata: {name: sink}\nspec: {replicas: 1, bootstrapServers: 'b:9092', groupId: g, configStorageTopic: c, offsetStorageTopic: o, statusStorageTopic: s}\n"),
		},
	}
	require.Error(t, NewProcessor().Process(rl))
	var kafka *yaml.RNode
	namespaces := map[string]bool{}
	for _, it := range rl.Items {
		if it.GetKind() == "Kafka" {
			kafka = it
			continue
		}
		namespaces[it.GetNamespace()] = true
	}
	require.NotNil(t, kafka, "the failed Kafka stays")
	assert.Equal(t, "apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata: {name: broken}\nspec: {}\n", kafka.MustString())
	assert.NotContains(t, namespaces, "", "namespaced objects rendered from the KafkaConnect")
}
