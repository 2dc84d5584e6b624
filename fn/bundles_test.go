package fn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
)

func TestBootstrapKafkas(t *testing.T) {
	cases := map[string][][2]string{
		"my-cluster-kafka-bootstrap:9093":                                 {{"kafka", "my-cluster"}},
		"my-cluster-kafka-bootstrap.other.svc:9093, a-kafka-bootstrap:92": {{"other", "my-cluster"}, {"kafka", "a"}},
		"my-cluster-kafka-bootstrap.other.svc.cluster.local:9093":         {{"other", "my-cluster"}},
		"broker.example.com:9092,-kafka-bootstrap:9092":                   nil,
	}
	for servers, want := range cases {
		assert.Equal(t, want, bootstrapKafkas(servers, "kafka"), servers)
	}
}

func TestCentralOf(t *testing.T) {
	entries := []config.Stretch{
		{Kafka: "kafka/a", CentralAlias: "hub"},
		{Kafka: "b", CentralAlias: "dc1"},
	}
	connect := func(bs string) *yaml.RNode {
		return yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata: {name: c, namespace: kafka}\nspec: {bootstrapServers: '" + bs + "'}\n")
	}
	cases := map[string]struct {
		node    *yaml.RNode
		entries []config.Stretch
		want    string
		placed  bool
	}{
		"connect to a":          {connect("a-kafka-bootstrap:9093"), entries, "hub", true},
		"connect to b":          {connect("b-kafka-bootstrap.x.svc:9093"), entries, "dc1", true},
		"connect elsewhere":     {connect("external:9092"), entries, "", false},
		"one central for all":   {connect("external:9092"), entries[:1], "hub", true},
		"pool of a":             {yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata: {name: p, namespace: kafka, labels: {strimzi.io/cluster: a}}\n"), entries, "hub", true},
		"plain Kafka elsewhere": {yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata: {name: a, namespace: other}\n"), entries, "", false},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got, placed := centralOf(c.node, c.entries)
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.placed, placed)
		})
	}
}
