package fn

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/assembly"
)

func TestCentralOf(t *testing.T) {
	entries := []config.Stretch{
		{Kafka: "kafka/a", CentralAlias: "hub"},
		{Kafka: "b", CentralAlias: "dc1"},
	}
	cases := map[string]struct {
		kafkas  []assembly.KafkaRef
		entries []config.Stretch
		want    string
		placed  bool
	}{
		"Kafka a":                      {[]assembly.KafkaRef{{Namespace: "kafka", Name: "a"}}, entries, "hub", true},
		"Kafka b in another namespace": {[]assembly.KafkaRef{{Namespace: "x", Name: "b"}}, entries, "dc1", true},
		"the first stretched Kafka":    {[]assembly.KafkaRef{{Namespace: "kafka", Name: "c"}, {Namespace: "x", Name: "b"}, {Namespace: "kafka", Name: "a"}}, entries, "dc1", true},
		"no stretched Kafka":           {[]assembly.KafkaRef{{Namespace: "other", Name: "a"}}, entries, "", false},
		"no Kafka":                     {nil, entries, "", false},
		"one central for all":          {nil, entries[:1], "hub", true},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got, placed := centralOf(c.kafkas, c.entries)
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.placed, placed)
		})
	}
}
