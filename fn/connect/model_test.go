package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func decode(t *testing.T, doc string) *strimzi.KafkaConnect {
	t.Helper()
	kc, err := strimzi.DecodeKafkaConnect(yaml.MustParse(doc))
	require.NoError(t, err)
	return kc
}

func baselineConfig() *config.StrimziRender {
	c := &config.StrimziRender{Spec: config.Spec{PodSecurityProvider: config.PodSecurityBaseline}}
	_ = c.Default()
	return c
}

const spec101 = `
apiVersion: kafka.strimzi.io/v1
kind: KafkaConnect
metadata: {name: my-connect, namespace: my-namespace}
spec:
  version: 4.3.1
  replicas: 1
  bootstrapServers: my-cluster-kafka-bootstrap:9092
  groupId: connect-cluster
  configStorageTopic: connect-cluster-configs
  offsetStorageTopic: connect-cluster-offsets
  statusStorageTopic: connect-cluster-status
  plugins:
  - name: echo-sink-connector
    artifacts:
    - type: image
      reference: ghcr.io/scholzj/echo-sink@sha256:7078b3ccbc0d6e76fefb832dd6e4bb6b704f83611428c9d5b060ab0b6c3e8712
      pullPolicy: Always
`

// Strimzi's own KafkaConnect example.
func TestGoldenExample101(t *testing.T) {
	cr := decode(t, spec101)
	require.Empty(t, Validate(cr, baselineConfig(), Inputs{}, false))
	m := New(cr, baselineConfig(), Inputs{}, nil)
	pods := m.Pods()
	require.Len(t, pods, 1)
	p := pods[0]
	assert.Equal(t, "my-connect-connect-0", p.Name)
	assert.Equal(t, map[string]string{
		"strimzi.io/auth-hash":          "0",
		"strimzi.io/configuration-hash": "d4db54b0",
		"strimzi.io/resource-revision":  "97d170e1",
		"strimzi.io/revision":           p.Annotations["strimzi.io/revision"],
	}, p.Annotations)
	var vols []string
	for _, v := range p.Spec.Volumes {
		vols = append(vols, v.Name)
	}
	assert.Equal(t, []string{"kube-api-access", "strimzi-tmp", "kafka-connect-configurations", "plugin-echo-sink-connector-9e1cec06"}, vols)
	assert.Equal(t, &corev1.ImageVolumeSource{
		Reference:  "ghcr.io/scholzj/echo-sink@sha256:7078b3ccbc0d6e76fefb832dd6e4bb6b704f83611428c9d5b060ab0b6c3e8712",
		PullPolicy: corev1.PullAlways,
	}, p.Spec.Volumes[3].Image)
	c := p.Spec.Containers[0]
	assert.Equal(t, "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1", c.Image)
	assert.Equal(t, corev1.PullIfNotPresent, c.ImagePullPolicy)
	assert.Equal(t, []corev1.EnvVar{
		{Name: "KAFKA_CONNECT_JMX_EXPORTER_ENABLED", Value: "false"},
		{Name: "STRIMZI_KAFKA_GC_LOG_ENABLED", Value: "false"},
		{Name: "KAFKA_HEAP_OPTS", Value: "-Xms128M"},
	}, c.Env)
	assert.Equal(t, "/opt/kafka/plugins/echo-sink-connector/9e1cec06", c.VolumeMounts[3].MountPath)
	assert.Equal(t, int32(0), m.PodDisruptionBudget().Spec.MinAvailable.IntVal)
	assert.Nil(t, c.SecurityContext, "baseline sets no security context")
}

// KafkaConnectClusterTest.testOciConnectorPlugins.
func TestPluginVolumesInOrder(t *testing.T) {
	cr := decode(t, `
apiVersion: kafka.strimzi.io/v1
kind: KafkaConnect
metadata: {name: c, namespace: ns}
spec:
  replicas: 1
  bootstrapServers: b:9092
  groupId: g
  configStorageTopic: c
  offsetStorageTopic: o
  statusStorageTopic: s
  plugins:
  - name: first-connector
    artifacts:
    - {type: image, reference: "first-artifact:latest"}
    - {type: image, reference: "second-artifact:0.2.0", pullPolicy: Never}
  - name: second-connector
    artifacts:
    - {type: image, reference: "third-artifact:latest", pullPolicy: IfNotPresent}
`)
	require.Empty(t, Validate(cr, baselineConfig(), Inputs{}, false))
	p := New(cr, baselineConfig(), Inputs{}, nil).Pods()[0]
	type vol struct{ name, pull, mount string }
	var got []vol
	for i, v := range p.Spec.Volumes[3:] {
		got = append(got, vol{v.Name, string(v.Image.PullPolicy), p.Spec.Containers[0].VolumeMounts[3+i].MountPath})
	}
	assert.Equal(t, []vol{
		{"plugin-first-connector-0a4dc47f", "", "/opt/kafka/plugins/first-connector/0a4dc47f"},
		{"plugin-first-connector-73d69cbd", "Never", "/opt/kafka/plugins/first-connector/73d69cbd"},
		{"plugin-second-connector-695ab9d6", "IfNotPresent", "/opt/kafka/plugins/second-connector/695ab9d6"},
	}, got)
}

func TestRestrictedProviderSecuresEveryContainer(t *testing.T) {
	cfg := &config.StrimziRender{}
	require.NoError(t, cfg.Default())
	cr := decode(t, spec101)
	p := New(cr, cfg, Inputs{}, nil).Pods()[0]
	sc := p.Spec.Containers[0].SecurityContext
	require.NotNil(t, sc)
	assert.False(t, *sc.AllowPrivilegeEscalation)
	assert.True(t, *sc.RunAsNonRoot)
	assert.Equal(t, corev1.SeccompProfileTypeRuntimeDefault, sc.SeccompProfile.Type)
	assert.Equal(t, []corev1.Capability{"ALL"}, sc.Capabilities.Drop)
}
