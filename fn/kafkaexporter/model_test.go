package kafkaexporter

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestNewWithoutSpecIsNil(t *testing.T) {
	m := New(nil, testInputs(), testConfig(t, config.PodSecurityBaseline))
	assert.Nil(t, m)
	assert.Nil(t, m.Objects(), "a nil model renders nothing")
	assert.Nil(t, m.Note())
}

func TestObjectsInReconcilerOrder(t *testing.T) {
	m := newModel(t, &strimzi.KafkaExporterSpec{})
	objs := m.Objects()
	require.Len(t, objs, 4)
	assert.IsType(t, &corev1.ServiceAccount{}, objs[0])
	assert.IsType(t, &networkingv1.NetworkPolicy{}, objs[1])
	assert.IsType(t, &policyv1.PodDisruptionBudget{}, objs[2])
	assert.IsType(t, &appsv1.Deployment{}, objs[3])

	cfg := testConfig(t, config.PodSecurityBaseline)
	cfg.NetworkPolicies, cfg.PodDisruptionBudgets = ptr.To(false), ptr.To(false)
	objs = New(&strimzi.KafkaExporterSpec{}, testInputs(), cfg).Objects()
	require.Len(t, objs, 2, "network policies and PDBs follow the config")
	assert.IsType(t, &appsv1.Deployment{}, objs[1])
}

func TestImage(t *testing.T) {
	cfg := testConfig(t, config.PodSecurityBaseline)
	assert.Equal(t, "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1", New(&strimzi.KafkaExporterSpec{}, testInputs(), cfg).Image,
		"the install's STRIMZI_DEFAULT_KAFKA_EXPORTER_IMAGE, whatever the cluster's version")
	assert.Equal(t, "my/exporter:1", New(&strimzi.KafkaExporterSpec{Image: "my/exporter:1"}, testInputs(), cfg).Image)
}

func TestCanonicalKafkaVersion(t *testing.T) {
	for in, want := range map[string]string{"4.3.1": "4.3.1", "4.2.0-rc1": "4.2.0", "odd": "odd"} {
		in2 := testInputs()
		in2.KafkaVersion = in
		m := New(&strimzi.KafkaExporterSpec{}, in2, testConfig(t, config.PodSecurityBaseline))
		assert.Equal(t, want, m.canonicalKafkaVersion(), in)
	}
}

func TestServiceAccount(t *testing.T) {
	m := newModel(t, &strimzi.KafkaExporterSpec{Template: &strimzi.KafkaExporterTemplate{
		ServiceAccount: &strimzi.ResourceTemplate{Metadata: strimzi.MetadataTemplate{
			Labels: map[string]string{"sa": "l"}, Annotations: map[string]string{"sa": "a"},
		}},
	}})
	sa := m.ServiceAccount()
	assert.Equal(t, "my-cluster-kafka-exporter", sa.Name)
	assert.Equal(t, "my-namespace", sa.Namespace)
	assert.Equal(t, "l", sa.Labels["sa"])
	assert.Equal(t, "data", sa.Labels["team"], "the Kafka's labels are inherited")
	assert.Equal(t, "kafka-exporter", sa.Labels["strimzi.io/component-type"])
	assert.Equal(t, map[string]string{"sa": "a"}, sa.Annotations)
}

func TestNetworkPolicyOpensMetricsToAll(t *testing.T) {
	np := newModel(t, &strimzi.KafkaExporterSpec{}).NetworkPolicy()
	assert.Equal(t, "my-cluster-kafka-exporter", np.Name)
	assert.Equal(t, map[string]string{"strimzi.io/cluster": "my-cluster", "strimzi.io/kind": "Kafka", "strimzi.io/name": "my-cluster-kafka-exporter"},
		np.Spec.PodSelector.MatchLabels)
	require.Len(t, np.Spec.Ingress, 1)
	assert.Equal(t, int32(MetricsPort), np.Spec.Ingress[0].Ports[0].Port.IntVal)
	assert.Empty(t, np.Spec.Ingress[0].From)
}

func TestPodDisruptionBudget(t *testing.T) {
	pdb := newModel(t, &strimzi.KafkaExporterSpec{}).PodDisruptionBudget()
	assert.Equal(t, "my-cluster-kafka-exporter", pdb.Name)
	assert.Equal(t, int32(1), pdb.Spec.MaxUnavailable.IntVal)
	pdb = newModel(t, &strimzi.KafkaExporterSpec{Template: &strimzi.KafkaExporterTemplate{
		PodDisruptionBudget: &strimzi.PodDisruptionBudgetTemplate{MaxUnavailable: ptr.To[int32](0)},
	}}).PodDisruptionBudget()
	assert.Equal(t, int32(0), pdb.Spec.MaxUnavailable.IntVal)
}

func TestNoteNamesTheMountedSecrets(t *testing.T) {
	m := newModel(t, &strimzi.KafkaExporterSpec{})
	notes := m.Note()
	require.Len(t, notes, 1)
	assert.Equal(t, "spec.kafkaExporter", notes[0].Path)
	msg := notes[0].Message
	assert.Contains(t, msg, "Secret my-cluster-kafka-exporter-certs (keys kafka-exporter.crt and kafka-exporter.key")
	assert.Contains(t, msg, "Secret my-cluster-trustbundle (key cluster-ca.crt")
	vols := m.Deployment().Spec.Template.Spec.Volumes
	for _, s := range m.certificateSecrets() {
		assert.Contains(t, vols, secretVolume(s.Volume, s.Secret), "the note and the volumes name the same Secrets")
	}
}
