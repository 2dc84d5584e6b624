package cruisecontrol

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// CruiseControlTest.getExpectedEnvVars, for the defaults.
func TestEnv(t *testing.T) {
	m := newModel(t, &strimzi.CruiseControlSpec{})
	assert.Equal(t, []corev1.EnvVar{
		{Name: "CRUISE_CONTROL_JMX_EXPORTER_ENABLED", Value: "false"},
		{Name: "STRIMZI_KAFKA_BOOTSTRAP_SERVERS", Value: "my-cluster-kafka-bootstrap:9091"},
		{Name: "STRIMZI_KAFKA_GC_LOG_ENABLED", Value: "false"},
		{Name: "STRIMZI_CC_API_SSL_ENABLED", Value: "true"},
		{Name: "STRIMZI_CC_API_AUTH_ENABLED", Value: "true"},
		{Name: "API_HEALTHCHECK_USERNAME", Value: "healthcheck"},
		{Name: "API_PORT", Value: "9090"},
		{Name: "API_HEALTHCHECK_PATH", Value: "/kafkacruisecontrol/state"},
		{Name: "KAFKA_HEAP_OPTS", Value: "-Xms128M"},
	}, m.env())
}

// Heap at 75% of the memory, JVM options, the API switches from the
// configuration; the template cannot replace Strimzi's variables.
func TestEnvFromSpec(t *testing.T) {
	m := newModel(t, &strimzi.CruiseControlSpec{
		Resources:  &corev1.ResourceRequirements{Limits: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("1Gi")}},
		JvmOptions: &strimzi.JvmOptions{GcLoggingEnabled: ptr.To(true), XX: map[string]string{"UseG1GC": "true"}},
		Config:     map[string]any{"webserver.ssl.enable": false},
		Template: &strimzi.CruiseControlTemplate{CruiseControlContainer: &strimzi.ContainerTemplate{Env: []strimzi.ContainerEnvVar{
			{Name: "API_PORT", Value: "1"}, {Name: "EXTRA", Value: "x"},
		}}},
	})
	env := m.env()
	assert.Contains(t, env, corev1.EnvVar{Name: "STRIMZI_KAFKA_GC_LOG_ENABLED", Value: "true"})
	assert.Contains(t, env, corev1.EnvVar{Name: "STRIMZI_CC_API_SSL_ENABLED", Value: "false"})
	assert.Contains(t, env, corev1.EnvVar{Name: "STRIMZI_DYNAMIC_HEAP_PERCENTAGE", Value: "75"})
	assert.Contains(t, env, corev1.EnvVar{Name: "KAFKA_JVM_PERFORMANCE_OPTS", Value: "-XX:+UseG1GC"})
	assert.Contains(t, env, corev1.EnvVar{Name: "EXTRA", Value: "x"})
	assert.Contains(t, env, corev1.EnvVar{Name: "API_PORT", Value: "9090"})
	assert.NotContains(t, env, corev1.EnvVar{Name: "API_PORT", Value: "1"})
}

// CruiseControlTest.testGenerateDeployment.
func TestDeployment(t *testing.T) {
	m := newModel(t, &strimzi.CruiseControlSpec{MetricsConfig: &strimzi.MetricsConfig{Type: "jmxPrometheusExporter"}})
	d := m.Deployment()
	assert.Equal(t, "my-cluster-cruise-control", d.Name)
	assert.Equal(t, ptr.To[int32](1), d.Spec.Replicas)
	assert.Equal(t, appsv1.RollingUpdateDeploymentStrategyType, d.Spec.Strategy.Type)

	pod := d.Spec.Template
	assert.Equal(t, "0", pod.Annotations[AnnoClusterCACertGen])
	assert.Len(t, pod.Annotations[AnnoConfigHash], 8)
	assert.Len(t, pod.Annotations[AnnoCapacityHash], 8)
	assert.Equal(t, "my-cluster-cruise-control", pod.Spec.ServiceAccountName)
	require.Len(t, pod.Spec.Containers, 1)
	c := pod.Spec.Containers[0]
	assert.Equal(t, "cruise-control", c.Name)
	assert.Equal(t, "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1", c.Image)
	assert.Equal(t, []string{"/opt/cruise-control/cruise_control_run.sh"}, c.Args)
	assert.Equal(t, []corev1.ContainerPort{
		{Name: "rest-api", ContainerPort: 9090, Protocol: corev1.ProtocolTCP},
		{Name: "tcp-prometheus", ContainerPort: 9404, Protocol: corev1.ProtocolTCP},
	}, c.Ports)
	assert.Equal(t, &corev1.Probe{
		ProbeHandler:        corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"/opt/cruise-control/cruise_control_healthcheck.sh"}}},
		InitialDelaySeconds: 15, TimeoutSeconds: 5,
	}, c.LivenessProbe)

	var vols []string
	for _, v := range pod.Spec.Volumes {
		vols = append(vols, v.Name)
	}
	assert.Equal(t, GeneratedVolumes(), vols)
	assert.Equal(t, "my-cluster-cruise-control-certs", pod.Spec.Volumes[1].Secret.SecretName)
	assert.Equal(t, "my-cluster-cluster-ca-cert", pod.Spec.Volumes[2].Secret.SecretName)
	assert.Equal(t, "my-cluster-cruise-control-api", pod.Spec.Volumes[3].Secret.SecretName)
	assert.Equal(t, "my-cluster-cruise-control-config", pod.Spec.Volumes[4].ConfigMap.Name)
}

// The certificate Secrets come from one struct, which another CA mode can
// replace: the volumes and the note follow it.
func TestCertificatesCanBeReplaced(t *testing.T) {
	in := testInputs()
	in.Certificates = &Certificates{Server: "cm-cc", ClusterCA: "cm-ca", API: "my-api", TopicOperatorAPI: "my-to-api"}
	m := New(&strimzi.CruiseControlSpec{}, in, testConfig(t, "baseline"))
	vols := m.Deployment().Spec.Template.Spec.Volumes
	assert.Equal(t, "cm-cc", vols[1].Secret.SecretName)
	assert.Equal(t, "cm-ca", vols[2].Secret.SecretName)
	assert.Equal(t, "my-api", vols[3].Secret.SecretName)
	assert.Contains(t, m.Note()[0].Message, "Secret cm-cc (keys cruise-control.crt and cruise-control.key")
	assert.Nil(t, vols[1].Secret.Items)

	in.Certificates.ServerCertKey, in.Certificates.ServerKeyKey = "tls.crt", "tls.key"
	m = New(&strimzi.CruiseControlSpec{}, in, testConfig(t, "baseline"))
	assert.Equal(t, []corev1.KeyToPath{{Key: "tls.crt", Path: "cruise-control.crt"}, {Key: "tls.key", Path: "cruise-control.key"}},
		m.Deployment().Spec.Template.Spec.Volumes[1].Secret.Items, "the image reads fixed file names")
	assert.Contains(t, m.Note()[0].Message, "Secret cm-cc (keys tls.crt and tls.key")
}

func TestNoteNamesEverySecret(t *testing.T) {
	in := testInputs()
	in.TopicOperator = true
	m := New(&strimzi.CruiseControlSpec{APIUsers: &strimzi.CruiseControlAPIUsers{Type: "hashLoginService",
		ValueFrom: &strimzi.PasswordSource{SecretKeyRef: &corev1.SecretKeySelector{
			LocalObjectReference: corev1.LocalObjectReference{Name: "users"}, Key: "auth"}}}}, in, testConfig(t, "baseline"))
	notes := m.Note()
	require.Len(t, notes, 1)
	assert.Equal(t, "spec.cruiseControl", notes[0].Path)
	for _, want := range []string{
		"Secret my-cluster-cruise-control-certs", "Secret my-cluster-cluster-ca-cert (key ca.crt",
		"Secret my-cluster-cruise-control-api (keys healthcheck.password and rebalance-operator.password",
		"healthcheck: <password>, USER", "rebalance-operator: <password>, ADMIN",
		"topic-operator: <password>, ADMIN with the password of Secret my-cluster-entity-topic-operator-cc-api",
		"the lines of Secret users key auth", "my-cluster-cruise-control.my-namespace.svc.cluster.local",
	} {
		assert.Contains(t, notes[0].Message, want)
	}
}
