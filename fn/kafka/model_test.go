package kafka

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// decodeAll decodes a Kafka and its pools from YAML documents.
func decodeAll(t *testing.T, docs ...string) (*strimzi.Kafka, []*strimzi.KafkaNodePool) {
	t.Helper()
	var k *strimzi.Kafka
	var pools []*strimzi.KafkaNodePool
	for _, d := range docs {
		n, err := yaml.Parse(d)
		require.NoError(t, err)
		switch n.GetKind() {
		case strimzi.KindKafka:
			k, err = strimzi.DecodeKafka(n)
		default:
			var p *strimzi.KafkaNodePool
			p, err = strimzi.DecodeKafkaNodePool(n)
			pools = append(pools, p)
		}
		require.NoError(t, err)
	}
	return k, pools
}

func defaults(t *testing.T) *config.StrimziRender {
	t.Helper()
	c := &config.StrimziRender{}
	require.NoError(t, c.Default())
	return c
}

const fooKafka = `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: {name: foo, namespace: ns}
spec:
  kafka:
    listeners:
    - {name: tls, port: 9093, type: internal, tls: true, authentication: {type: tls}}
`

func pool(name, replicas, roles, ids string) string {
	return `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata: {name: ` + name + `, namespace: ns, labels: {strimzi.io/cluster: foo}}
spec: {replicas: ` + replicas + `, roles: ` + roles + `, storage: {type: ephemeral}}
status: {nodeIds: ` + ids + `}
`
}

// The Role names the Secrets in Java HashSet order
// (KafkaClusterTest.testKafkaRoleAndRoleBinding, pools with these node IDs).
func TestRoleSecretOrder(t *testing.T) {
	k, pools := decodeAll(t, fooKafka,
		pool("controllers", "3", "[controller]", "[0, 1, 2]"),
		pool("mixed", "2", "[controller, broker]", "[3, 4]"),
		pool("brokers", "3", "[broker]", "[5, 6, 7]"))
	cfg := defaults(t)
	require.Empty(t, Validate(k, pools, cfg, Inputs{}))
	m, err := New(k, pools, cfg, Inputs{}, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"foo-cluster-ca-cert", "foo-clients-ca-cert", "foo-trustbundle",
		"foo-brokers-7", "foo-brokers-6", "foo-controllers-0", "foo-controllers-1", "foo-mixed-3",
		"foo-controllers-2", "foo-mixed-4", "foo-brokers-5"}, m.Role().Rules[0].ResourceNames)
	assert.Equal(t, "foo-kafka-role", m.RoleBinding().Name)
}

func TestClusterIDPrecedence(t *testing.T) {
	k, pools := decodeAll(t, fooKafka, pool("a", "1", "[broker]", "[0]"), pool("b", "1", "[broker]", "[1]"))
	configured := map[string]string{"ns/foo": "configured"}
	assert.Equal(t, "configured", ClusterID(k, pools, configured))
	assert.Equal(t, brokerconfig.DerivedClusterID("ns", "foo"), ClusterID(k, pools, nil))
	pools[1].Status.ClusterID = "from-pool-b"
	assert.Equal(t, "from-pool-b", ClusterID(k, pools, configured))
	pools[0].Status.ClusterID = "from-pool-a"
	assert.Equal(t, "from-pool-a", ClusterID(k, pools, configured), "the first pool by name")
	k.Status.ClusterID = "from-kafka"
	assert.Equal(t, "from-kafka", ClusterID(k, pools, configured))
}

func TestCheckMetadataVersion(t *testing.T) {
	for v, want := range map[string]string{
		"4.3-IV0": "",
		"3.9":     "",
		"3.3-IV3": "",
		"3.3-IV2": "The oldest supported metadata version is 3.3-IV3",
		"3.2":     "The oldest supported metadata version is 3.3-IV3",
		"2.8-IV1": "The oldest supported metadata version is 3.3-IV3",
		"4.9-IV0": "Metadata version 4.9-IV0 is invalid",
		"latest":  "Metadata version latest is invalid",
	} {
		assert.Equal(t, want, CheckMetadataVersion(v), v)
	}
}

func TestUnsupportedVersion(t *testing.T) {
	assert.Equal(t, "Unsupported Kafka.spec.kafka.version: 3.9.0. Supported versions are: [4.2.0, 4.3.1, 4.10.0]",
		UnsupportedVersion("3.9.0", map[string]string{"4.10.0": "x", "4.3.1": "y", "4.2.0": "z"}))
}

func TestMergeTemplates(t *testing.T) {
	k := strimzi.KafkaClusterTemplate{
		Pod:            &strimzi.PodTemplate{PriorityClassName: "kafka"},
		KafkaContainer: &strimzi.ContainerTemplate{Env: []strimzi.ContainerEnvVar{{Name: "A", Value: "1"}}},
	}
	got := mergeTemplates(k, &strimzi.KafkaNodePoolTemplate{KafkaContainer: &strimzi.ContainerTemplate{}})
	assert.Equal(t, k.Pod, got.Pod)
	assert.Empty(t, got.KafkaContainer.Env, "an empty pool field clears the Kafka's")
	assert.Equal(t, "spec.kafka.template.pod", got.Path(TmplPod))
	assert.Equal(t, "spec.template.kafkaContainer", got.Path(TmplKafkaContainer))
	assert.Equal(t, k.KafkaContainer, mergeTemplates(k, nil).KafkaContainer)
}

func TestDiscoveryAnnotation(t *testing.T) {
	m := &Model{Listeners: []brokerconfig.Listener{
		{Name: "plain", Port: 9092, Type: brokerconfig.ListenerInternal},
		{Name: "tls", Port: 9093, Type: brokerconfig.ListenerInternal, TLS: true, Auth: &brokerconfig.ListenerAuth{Type: brokerconfig.AuthTLS}},
	}}
	assert.Equal(t, "[ {\n  \"port\" : 9092,\n  \"tls\" : false,\n  \"protocol\" : \"kafka\",\n  \"auth\" : \"none\"\n}, "+
		"{\n  \"port\" : 9093,\n  \"tls\" : true,\n  \"protocol\" : \"kafka\",\n  \"auth\" : \"tls\"\n} ]", m.discovery())
	assert.Equal(t, "[ ]", (&Model{}).discovery())
}
