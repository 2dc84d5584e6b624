package assembly

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/stretch"
)

func kafkaNode(name string) *yaml.RNode {
	return yaml.MustParse(fmt.Sprintf(`apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: {name: %s, namespace: kafka}
spec:
  kafka:
    listeners: [{name: plain, port: 9092, type: internal, tls: false}]
    config: {offsets.topic.replication.factor: 1}
`, name))
}

func poolNode(name, cluster string) *yaml.RNode {
	return yaml.MustParse(fmt.Sprintf(`apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata: {name: %s, namespace: kafka, labels: {strimzi.io/cluster: %q}}
spec: {replicas: 1, roles: [controller, broker], storage: {type: ephemeral}}
`, name, cluster))
}

func TestKafkasRenderPoolsWithTheirKafka(t *testing.T) {
	k, p := kafkaNode("a"), poolNode("p", "a")
	out := Kafkas([]*yaml.RNode{k, p}, renderConfig(t, "workload: Pod"), noInputs)
	require.False(t, out[k].Failed, "%v", out[k].Problems)
	require.False(t, out[p].Failed, "%v", out[p].Problems)
	assert.Same(t, k, out[p].RenderedFrom, "a later run renders the pool's objects from the Kafka")
	assert.Same(t, p, out[p].Source)
	assert.Equal(t, []KafkaRef{{Namespace: "kafka", Name: "a"}}, out[p].Kafkas)
	assert.Contains(t, kinds(out[k]), "Service/a-kafka-bootstrap")
	assert.Contains(t, kinds(out[p]), "Pod/a-p-0")
}

func TestKafkasRefuseWhatCannotBeGrouped(t *testing.T) {
	k, twin := kafkaNode("a"), kafkaNode("a")
	p, again, orphan, unlabelled := poolNode("p", "a"), poolNode("p", "a"), poolNode("q", "b"), poolNode("r", "")
	out := Kafkas([]*yaml.RNode{k, twin, p, again, orphan, unlabelled}, renderConfig(t, ""), noInputs)
	for node, want := range map[*yaml.RNode]string{
		twin:       "Kafka kafka/a appears twice",
		again:      "KafkaNodePool kafka/p appears twice",
		orphan:     "belongs to Kafka b, which is not among the input resources",
		unlabelled: "has no strimzi.io/cluster label",
	} {
		r := out[node]
		require.NotNil(t, r)
		assert.True(t, r.Failed)
		require.Len(t, r.Problems, 1)
		assert.Contains(t, r.Problems[0].Message, want)
	}
	assert.False(t, out[k].Failed, "the first Kafka still renders")
}

func TestKafkasFailBothClustersOnACollision(t *testing.T) {
	a, bc, ab, c := kafkaNode("a"), poolNode("b-c", "a"), kafkaNode("a-b"), poolNode("c", "a-b")
	out := Kafkas([]*yaml.RNode{a, bc, ab, c}, renderConfig(t, ""), noInputs)
	for _, n := range []*yaml.RNode{a, bc, ab, c} {
		assert.True(t, out[n].Failed, "%s", n.GetName())
		for _, p := range out[n].Problems {
			assert.Equal(t, results.Error, p.Severity, "a failed cluster reports only its errors")
		}
	}
	require.NotEmpty(t, out[a].Problems)
	assert.Contains(t, out[a].Problems[len(out[a].Problems)-1].Message, "Kafka a and Kafka a-b would both create ConfigMap kafka/a-b-c-0, StatefulSet kafka/a-b-c")
}

func TestKafkasRefuseAProviderChange(t *testing.T) {
	k, p := kafkaNode("a"), poolNode("p", "a")
	earlier := yaml.MustParse("apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: kafka, annotations: {" + stretch.AnnoProvider + ": mcs}}\n")
	in := noInputs
	in.RenderedFrom = func(source *yaml.RNode) []*yaml.RNode {
		if source == k {
			return []*yaml.RNode{earlier}
		}
		return nil
	}
	out := Kafkas([]*yaml.RNode{k, p}, renderConfig(t, ""), in)
	assert.True(t, out[k].Failed)
	assert.True(t, out[p].Failed)
	require.Len(t, out[k].Problems, 1)
	assert.Contains(t, out[k].Problems[0].Message, "was rendered as a stretch cluster with network provider mcs")
}

func TestRecordedProviders(t *testing.T) {
	node := func(provider string) *yaml.RNode {
		n := yaml.MustParse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
		if provider != "" {
			require.NoError(t, n.SetAnnotations(map[string]string{stretch.AnnoProvider: provider}))
		}
		return n
	}
	assert.Equal(t, []string{"", "mcs", "nodeport"}, recordedProviders([]*yaml.RNode{node("nodeport"), node(""), node("mcs"), node("mcs")}))
	assert.Empty(t, recordedProviders(nil))
}
