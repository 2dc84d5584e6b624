package stretch

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestValidateReasons(t *testing.T) {
	entries := []config.Stretch{{Kafka: "kafka/my-cluster", CentralAlias: "central",
		Clusters: []config.StretchCluster{{Alias: "central"}, {Alias: "east"}}}}
	cases := map[string]struct {
		stretched bool
		entries   []config.Stretch
		aliases   []string // "-" for none
		want      []string
	}{
		"stretched":                   {true, entries, []string{"central", "east"}, nil},
		"single cluster":              {false, nil, []string{"-", "-"}, nil},
		"OperatorNotConfigured":       {true, nil, []string{"central", "east"}, []string{"OperatorNotConfigured: Kafka my-cluster is annotated"}},
		"MissingStretchAnnotation":    {false, entries, []string{"central", "-"}, []string{"warning spec.stretch[0] names Kafka my-cluster", "MissingStretchAnnotation: KafkaNodePool p0 has"}},
		"MissingTargetCluster":        {true, entries, []string{"central", "-"}, []string{"MissingTargetCluster: KafkaNodePool p1 of stretched Kafka my-cluster has no strimzi.io/stretch-cluster-alias annotation: every pool names the Kubernetes cluster it runs in (central, east)"}},
		"InvalidTargetCluster dots":   {true, entries, []string{"us.east", "east"}, []string{`InvalidTargetCluster: KafkaNodePool p0 has alias "us.east", which is not a DNS label without dots`}},
		"InvalidTargetCluster listed": {true, entries, []string{"north", "east"}, []string{`InvalidTargetCluster: KafkaNodePool p0 has alias "north", which is not one of the clusters spec.stretch[0] lists: central, east`}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			anno := "{}"
			if c.stretched {
				anno = `{strimzi.io/enable-stretch-cluster: "true"}`
			}
			k, err := strimzi.DecodeKafka(yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata: {name: my-cluster, namespace: kafka, annotations: " + anno + "}\nspec: {kafka: {}}\n"))
			require.NoError(t, err)
			var pools []*strimzi.KafkaNodePool
			for i, a := range c.aliases {
				anno := "{}"
				if a != "-" {
					anno = "{strimzi.io/stretch-cluster-alias: " + a + "}"
				}
				p, err := strimzi.DecodeKafkaNodePool(yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata: {name: p" +
					string(rune('0'+i)) + ", namespace: kafka, annotations: " + anno + "}\nspec: {replicas: 1}\n"))
				require.NoError(t, err)
				pools = append(pools, p)
			}
			in := Validate(k, pools, c.entries)
			var got []string
			for _, p := range in.Problems {
				msg := p.Message
				if p.Severity == results.Warning {
					msg = "warning " + msg
				}
				got = append(got, msg)
			}
			require.Len(t, got, len(c.want), "%q", got)
			for i := range c.want {
				assert.True(t, strings.HasPrefix(got[i], c.want[i]), "%q does not start with %q", got[i], c.want[i])
			}
			assert.Equal(t, name == "stretched" || strings.HasPrefix(name, "Missing") && c.stretched || strings.HasPrefix(name, "Invalid"), in.Stretched)
		})
	}
}

func TestLookup(t *testing.T) {
	entries := []config.Stretch{{Kafka: "my-cluster"}, {Kafka: "other/my-cluster"}, {Kafka: "kafka/a"}}
	assert.Equal(t, 1, Lookup(entries, "other", "my-cluster"), "a namespaced entry wins")
	assert.Equal(t, 0, Lookup(entries, "kafka", "my-cluster"))
	assert.Equal(t, -1, Lookup(entries, "other", "a"))
}
