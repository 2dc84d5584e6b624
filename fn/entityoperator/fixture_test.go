package entityoperator

import (
	"testing"

	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// kafka decodes a Kafka named c in namespace ns with the given spec.
func kafka(t *testing.T, spec string) *strimzi.Kafka {
	t.Helper()
	k, err := strimzi.DecodeKafka(yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata: {name: c, namespace: ns, labels: {team: a}}\nspec:\n" + spec))
	require.NoError(t, err)
	return k
}

func defaults(t *testing.T) *config.Spec {
	t.Helper()
	c := &config.StrimziRender{}
	require.NoError(t, c.Default())
	return &c.Spec
}

func cluster() Cluster {
	return Cluster{
		Name: "c", Namespace: "ns", Labels: map[string]string{"team": "a"},
		BootstrapServers: "c-kafka-bootstrap:9091",
		CA:               CASecrets{ClusterCert: "c-cluster-ca-cert", ClientsCert: "c-clients-ca-cert", ClientsKey: "c-clients-ca"},
	}
}

func model(t *testing.T, spec string, cfg *config.Spec) *Model {
	t.Helper()
	if cfg == nil {
		cfg = defaults(t)
	}
	return New(kafka(t, spec), cfg, cluster(), nil)
}

// envMap returns the plain-valued variables by name.
func envMap(env []corev1.EnvVar) map[string]string {
	out := map[string]string{}
	for _, e := range env {
		out[e.Name] = e.Value
	}
	return out
}

func envNames(env []corev1.EnvVar) []string {
	var out []string
	for _, e := range env {
		out = append(out, e.Name)
	}
	return out
}
