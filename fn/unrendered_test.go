package fn

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClosestStrimziKind(t *testing.T) {
	cases := map[string]struct{ group, kind string }{
		"KafkaTopc":      {"kafka.strimzi.io", "KafkaTopic"},
		"kafkatopic":     {"kafka.strimzi.io", "KafkaTopic"},
		"Topic":          {"kafka.strimzi.io", "KafkaTopic"},
		"KafkaNodePools": {"kafka.strimzi.io", "KafkaNodePool"},
		"StrimziPodset":  {"core.strimzi.io", "StrimziPodSet"},
		"Kafak":          {"kafka.strimzi.io", "Kafka"},
		"Widget":         {},
		"":               {},
	}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) {
			group, kind := closestStrimziKind(in)
			assert.Equal(t, want.group, group)
			assert.Equal(t, want.kind, kind)
		})
	}
}
