package assembly

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBootstrapKafkas(t *testing.T) {
	cases := map[string][]KafkaRef{
		"my-cluster-kafka-bootstrap:9093":                                 {{"kafka", "my-cluster"}},
		"my-cluster-kafka-bootstrap.other.svc:9093, a-kafka-bootstrap:92": {{"other", "my-cluster"}, {"kafka", "a"}},
		"my-cluster-kafka-bootstrap.other.svc.cluster.local:9093":         {{"other", "my-cluster"}},
		"broker.example.com:9092,-kafka-bootstrap:9092":                   nil,
	}
	for servers, want := range cases {
		assert.Equal(t, want, bootstrapKafkas(servers, "kafka"), servers)
	}
}
