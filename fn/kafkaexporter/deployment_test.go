package kafkaexporter

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// KafkaExporterTest.getExpectedEnvVars, for KafkaExporterTest's resource.
func TestEnvAsStrimziTestExpects(t *testing.T) {
	m := newModel(t, &strimzi.KafkaExporterSpec{
		Logging: ptr.To("debug"), GroupRegex: ptr.To("my-group-.*"), TopicRegex: ptr.To("my-topic-.*"),
		GroupExcludeRegex: ptr.To("my-group-exclude-.*"), TopicExcludeRegex: ptr.To("my-topic-exclude-.*"),
		EnableSaramaLogging: true, ShowAllOffsets: ptr.To(false),
	})
	assert.Equal(t, []corev1.EnvVar{
		{Name: "KAFKA_EXPORTER_LOGGING", Value: "1"},
		{Name: "KAFKA_EXPORTER_KAFKA_VERSION", Value: "4.3.1"},
		{Name: "KAFKA_EXPORTER_GROUP_REGEX", Value: "my-group-.*"},
		{Name: "KAFKA_EXPORTER_TOPIC_REGEX", Value: "my-topic-.*"},
		{Name: "KAFKA_EXPORTER_GROUP_EXCLUDE_REGEX", Value: "my-group-exclude-.*"},
		{Name: "KAFKA_EXPORTER_TOPIC_EXCLUDE_REGEX", Value: "my-topic-exclude-.*"},
		{Name: "KAFKA_EXPORTER_KAFKA_SERVER", Value: "my-cluster-kafka-bootstrap:9091"},
		{Name: "KAFKA_EXPORTER_ENABLE_SARAMA", Value: "true"},
		{Name: "KAFKA_EXPORTER_OFFSET_SHOW_ALL", Value: "false"},
	}, m.env())
}

func TestEnvDefaults(t *testing.T) {
	env := newModel(t, &strimzi.KafkaExporterSpec{}).env()
	assert.Equal(t, []corev1.EnvVar{
		{Name: "KAFKA_EXPORTER_LOGGING", Value: "0"},
		{Name: "KAFKA_EXPORTER_KAFKA_VERSION", Value: "4.3.1"},
		{Name: "KAFKA_EXPORTER_GROUP_REGEX", Value: ".*"},
		{Name: "KAFKA_EXPORTER_TOPIC_REGEX", Value: ".*"},
		{Name: "KAFKA_EXPORTER_KAFKA_SERVER", Value: "my-cluster-kafka-bootstrap:9091"},
		{Name: "KAFKA_EXPORTER_ENABLE_SARAMA", Value: "false"},
		{Name: "KAFKA_EXPORTER_OFFSET_SHOW_ALL", Value: "true"},
	}, env)
}

// KafkaExporterTest.testContainerTemplateEnvVarsWithKeyConflict.
func TestTemplateEnvCannotReplaceStrimzis(t *testing.T) {
	m := newModel(t, &strimzi.KafkaExporterSpec{GroupRegex: ptr.To("my-group-.*"), Template: &strimzi.KafkaExporterTemplate{
		Container: &strimzi.ContainerTemplate{Env: []strimzi.ContainerEnvVar{
			{Name: "TEST_ENV_1", Value: "test.env.one"}, {Name: "KAFKA_EXPORTER_GROUP_REGEX", Value: "my-special-value"},
		}},
	}})
	env := m.env()
	assert.Contains(t, env, corev1.EnvVar{Name: "TEST_ENV_1", Value: "test.env.one"})
	assert.Contains(t, env, corev1.EnvVar{Name: "KAFKA_EXPORTER_GROUP_REGEX", Value: "my-group-.*"})
	assert.NotContains(t, env, corev1.EnvVar{Name: "KAFKA_EXPORTER_GROUP_REGEX", Value: "my-special-value"})
}

func TestLogLevel(t *testing.T) {
	for level, want := range map[string]int{"info": 0, "DEBUG": 1, "trace": 2, "warn": 0} {
		assert.Equal(t, want, logLevel(level), level)
	}
}

// KafkaExporterTest.testGenerateDeployment.
func TestDeployment(t *testing.T) {
	m := newModel(t, &strimzi.KafkaExporterSpec{Template: &strimzi.KafkaExporterTemplate{
		Pod: &strimzi.PodTemplate{TmpDirSizeLimit: "100Mi"},
	}})
	d := m.Deployment()
	assert.Equal(t, "my-cluster-kafka-exporter", d.Name)
	assert.Equal(t, "my-namespace", d.Namespace)
	assert.Equal(t, ptr.To[int32](1), d.Spec.Replicas)
	assert.Equal(t, appsv1.RollingUpdateDeploymentStrategyType, d.Spec.Strategy.Type)
	assert.Equal(t, ptr.To(intstr.FromInt32(1)), d.Spec.Strategy.RollingUpdate.MaxSurge)
	assert.Equal(t, ptr.To(intstr.FromInt32(0)), d.Spec.Strategy.RollingUpdate.MaxUnavailable)
	assert.Equal(t, m.selector(), d.Spec.Selector.MatchLabels)

	pod := d.Spec.Template
	assert.Equal(t, map[string]string{AnnoClusterCACertGen: "0", AnnoClusterCAKeyGen: "0"}, pod.Annotations)
	assert.Equal(t, "my-cluster-kafka-exporter", pod.Spec.ServiceAccountName)
	assert.Equal(t, ptr.To(false), pod.Spec.AutomountServiceAccountToken)
	assert.Empty(t, pod.Spec.RestartPolicy, "Strimzi leaves the restart policy to the API server")
	assert.Nil(t, pod.Spec.SecurityContext)

	require.Len(t, pod.Spec.Containers, 1)
	c := pod.Spec.Containers[0]
	assert.Equal(t, "my-cluster-kafka-exporter", c.Name)
	assert.Equal(t, []string{"/opt/kafka-exporter/kafka_exporter_run.sh"}, c.Args)
	assert.Equal(t, []corev1.ContainerPort{{Name: "tcp-prometheus", ContainerPort: 9404, Protocol: corev1.ProtocolTCP}}, c.Ports)
	for _, p := range []*corev1.Probe{c.LivenessProbe, c.ReadinessProbe} {
		assert.Equal(t, "/healthz", p.HTTPGet.Path)
		assert.Equal(t, intstr.FromString("tcp-prometheus"), p.HTTPGet.Port)
		assert.Equal(t, int32(15), p.InitialDelaySeconds)
		assert.Equal(t, int32(15), p.TimeoutSeconds)
		assert.Equal(t, int32(30), p.PeriodSeconds)
	}
	assert.Nil(t, c.SecurityContext, "baseline sets none")

	vols := pod.Spec.Volumes
	require.Len(t, vols, 3)
	assert.Equal(t, "strimzi-tmp", vols[0].Name)
	assert.Equal(t, corev1.StorageMediumMemory, vols[0].EmptyDir.Medium)
	assert.Equal(t, "100Mi", vols[0].EmptyDir.SizeLimit.String())
	assert.Equal(t, corev1.Volume{Name: "kafka-exporter-certs", VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{
		SecretName: "my-cluster-kafka-exporter-certs", DefaultMode: ptr.To[int32](0o444)}}}, vols[1])
	assert.Equal(t, "my-cluster-trustbundle", vols[2].Secret.SecretName)
	assert.Equal(t, []corev1.VolumeMount{
		{Name: "strimzi-tmp", MountPath: "/tmp"},
		{Name: "kafka-exporter-certs", MountPath: "/etc/kafka-exporter/kafka-exporter-certs/"},
		{Name: "cluster-ca-certs", MountPath: "/etc/kafka-exporter/cluster-ca-certs/"},
	}, c.VolumeMounts)
}

// KafkaExporterTest.testTemplate and testGenerateDeploymentWithRecreateDeploymentStrategy.
func TestDeploymentTemplate(t *testing.T) {
	affinity := &corev1.Affinity{NodeAffinity: &corev1.NodeAffinity{RequiredDuringSchedulingIgnoredDuringExecution: &corev1.NodeSelector{
		NodeSelectorTerms: []corev1.NodeSelectorTerm{{MatchExpressions: []corev1.NodeSelectorRequirement{{Key: "key1", Operator: "In", Values: []string{"value1"}}}}},
	}}}
	m := newModel(t, &strimzi.KafkaExporterSpec{Template: &strimzi.KafkaExporterTemplate{
		Deployment: &strimzi.DeploymentTemplate{
			Metadata: strimzi.MetadataTemplate{
				Labels:      map[string]string{"l1": "v1", "app.kubernetes.io/part-of": "custom-part"},
				Annotations: map[string]string{"a1": "v1"},
			},
			DeploymentStrategy: strimzi.DeploymentRecreate,
		},
		Pod: &strimzi.PodTemplate{
			Metadata:          strimzi.MetadataTemplate{Labels: map[string]string{"l3": "v3"}, Annotations: map[string]string{"a3": "v3"}},
			PriorityClassName: "top-priority", SchedulerName: "my-scheduler", Affinity: affinity,
			EnableServiceLinks: ptr.To(false), HostUsers: ptr.To(false),
			Volumes: []strimzi.AdditionalVolume{{Name: "config-map-volume-name", ConfigMap: &corev1.ConfigMapVolumeSource{
				LocalObjectReference: corev1.LocalObjectReference{Name: "configMap1"}}}},
		},
		Container: &strimzi.ContainerTemplate{VolumeMounts: []corev1.VolumeMount{
			{Name: "config-map-volume-name", MountPath: "/mnt/config-map-path", SubPath: "def"},
		}},
	}})
	d := m.Deployment()
	assert.Equal(t, "v1", d.Labels["l1"])
	assert.Equal(t, "custom-part", d.Labels["app.kubernetes.io/part-of"], "deployment labels are added over Strimzi's")
	assert.Equal(t, map[string]string{"a1": "v1"}, d.Annotations)
	assert.Equal(t, appsv1.DeploymentStrategy{Type: appsv1.RecreateDeploymentStrategyType}, d.Spec.Strategy)

	pod := d.Spec.Template
	assert.Equal(t, "v3", pod.Labels["l3"])
	assert.Equal(t, "v3", pod.Annotations["a3"])
	assert.Equal(t, "top-priority", pod.Spec.PriorityClassName)
	assert.Equal(t, "my-scheduler", pod.Spec.SchedulerName)
	assert.Equal(t, affinity, pod.Spec.Affinity)
	assert.Equal(t, ptr.To(false), pod.Spec.EnableServiceLinks)
	assert.Equal(t, ptr.To(false), pod.Spec.HostUsers)
	assert.Equal(t, "configMap1", pod.Spec.Volumes[3].ConfigMap.Name)
	assert.Equal(t, corev1.VolumeMount{Name: "config-map-volume-name", MountPath: "/mnt/config-map-path", SubPath: "def"},
		pod.Spec.Containers[0].VolumeMounts[3])
}

// KafkaExporterTest.testSecurityProvider, with the restricted provider.
func TestRestrictedSecurityProvider(t *testing.T) {
	m := New(&strimzi.KafkaExporterSpec{}, testInputs(), testConfig(t, config.PodSecurityRestricted))
	pod := m.Deployment().Spec.Template.Spec
	assert.Nil(t, pod.SecurityContext)
	sc := pod.Containers[0].SecurityContext
	require.NotNil(t, sc)
	assert.Equal(t, ptr.To(false), sc.AllowPrivilegeEscalation)
	assert.Equal(t, ptr.To(true), sc.RunAsNonRoot)
	assert.Equal(t, corev1.SeccompProfileTypeRuntimeDefault, sc.SeccompProfile.Type)
	assert.Equal(t, []corev1.Capability{"ALL"}, sc.Capabilities.Drop)
}

func TestUserProbesGetStrimziFieldDefaults(t *testing.T) {
	m := newModel(t, &strimzi.KafkaExporterSpec{
		LivenessProbe:  &strimzi.Probe{PeriodSeconds: ptr.To[int32](10)},
		ReadinessProbe: &strimzi.Probe{InitialDelaySeconds: ptr.To[int32](0), FailureThreshold: ptr.To[int32](5)},
	})
	c := m.Deployment().Spec.Template.Spec.Containers[0]
	assert.Equal(t, int32(15), c.LivenessProbe.InitialDelaySeconds)
	assert.Equal(t, int32(5), c.LivenessProbe.TimeoutSeconds)
	assert.Equal(t, int32(10), c.LivenessProbe.PeriodSeconds)
	assert.Zero(t, c.ReadinessProbe.InitialDelaySeconds, "a zero delay is left out")
	assert.Zero(t, c.ReadinessProbe.PeriodSeconds, "unset: the API server's default")
	assert.Equal(t, int32(5), c.ReadinessProbe.FailureThreshold)
}

func TestPodLabelsAndPullPolicy(t *testing.T) {
	cfg := testConfig(t, config.PodSecurityBaseline)
	cfg.CustomLabels.KafkaExporter = map[string]string{"scrape": "yes"}
	m := New(&strimzi.KafkaExporterSpec{Image: "my-image:latest"}, testInputs(), cfg)
	d := m.Deployment()
	assert.Equal(t, "yes", d.Spec.Template.Labels["scrape"], "STRIMZI_CUSTOM_KAFKA_EXPORTER_LABELS")
	assert.NotContains(t, d.Labels, "scrape", "custom labels are for pods only")
	assert.Equal(t, corev1.PullAlways, d.Spec.Template.Spec.Containers[0].ImagePullPolicy)
}
