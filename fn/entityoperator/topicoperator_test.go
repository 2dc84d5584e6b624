package entityoperator

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Expected values follow EntityTopicOperator.getEnvVars and createContainer.
func TestTopicOperatorContainerDefaults(t *testing.T) {
	c := model(t, "  entityOperator: {topicOperator: {}}\n", nil).Topic.Container()
	assert.Equal(t, "topic-operator", c.Name)
	assert.Equal(t, []string{"/opt/strimzi/bin/topic_operator_run.sh"}, c.Args)
	assert.Equal(t, []corev1.EnvVar{
		{Name: "STRIMZI_RESOURCE_LABELS", Value: "strimzi.io/cluster=c"},
		{Name: "STRIMZI_KAFKA_BOOTSTRAP_SERVERS", Value: "c-kafka-bootstrap:9091"},
		{Name: "STRIMZI_NAMESPACE", Value: "ns"},
		{Name: "STRIMZI_CLUSTER_NAMESPACE", Value: "ns"},
		{Name: "STRIMZI_SECURITY_PROTOCOL", Value: "SSL"},
		{Name: "STRIMZI_TLS_TRUSTED_CERTS_SECRET_NAME", Value: "c-cluster-ca-cert"},
		{Name: "STRIMZI_TLS_SECRET_NAME", Value: "c-entity-topic-operator-certs"},
		{Name: "STRIMZI_TLS_KEY_NAME", Value: "entity-operator.key"},
		{Name: "STRIMZI_TLS_CERT_NAME", Value: "entity-operator.crt"},
		{Name: "STRIMZI_GC_LOG_ENABLED", Value: "false"},
	}, c.Env)
	assert.Equal(t, []corev1.ContainerPort{{Name: "healthcheck-to", ContainerPort: 8080, Protocol: corev1.ProtocolTCP}}, c.Ports)
	assert.Equal(t, &corev1.Probe{
		ProbeHandler:        corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/healthy", Port: intstr.FromString("healthcheck-to")}},
		InitialDelaySeconds: 10, TimeoutSeconds: 5,
	}, c.LivenessProbe)
	assert.Equal(t, "/ready", c.ReadinessProbe.HTTPGet.Path)
	assert.Equal(t, &corev1.Probe{
		ProbeHandler:        corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/healthy", Port: intstr.FromString("healthcheck-to")}},
		InitialDelaySeconds: 15, TimeoutSeconds: 5, PeriodSeconds: 10, FailureThreshold: 12,
	}, c.StartupProbe)
	assert.Equal(t, corev1.PullIfNotPresent, c.ImagePullPolicy)
	require.NotNil(t, c.SecurityContext, "the restricted provider by default")
	var mounts []string
	for _, m := range c.VolumeMounts {
		mounts = append(mounts, m.Name+":"+m.MountPath)
	}
	assert.Equal(t, []string{"kube-api-access:/var/run/secrets/kubernetes.io/serviceaccount", "strimzi-to-tmp:/tmp",
		"entity-topic-operator-metrics-and-logging:/opt/topic-operator/custom-config/"}, mounts)
}

func TestTopicOperatorSettings(t *testing.T) {
	cfg := defaults(t)
	cfg.Build.Builder = "kaniko"
	cfg.Proxy.HTTPProxy = "http://proxy"
	to := model(t, `  kafka: {rack: {topologyKey: zone}}
  cruiseControl: {}
  entityOperator:
    topicOperator:
      watchedNamespace: ns
      reconciliationIntervalMs: 60000
      livenessProbe: {periodSeconds: 3}
      jvmOptions: {-Xmx: 256m, gcLoggingEnabled: true}
    template:
      topicOperatorContainer:
        env: [{name: STRIMZI_NAMESPACE, value: ignored}, {name: EXTRA, value: x}]
        volumeMounts: [{name: extra, mountPath: /mnt/extra}]
`, cfg).Topic
	c := to.Container()
	env := envMap(c.Env)
	assert.Equal(t, "60000", env["STRIMZI_FULL_RECONCILIATION_INTERVAL_MS"])
	assert.Equal(t, "true", env["STRIMZI_GC_LOG_ENABLED"])
	assert.Equal(t, "-UseConnectBuildWithBuildah", env["STRIMZI_FEATURE_GATES"])
	assert.Equal(t, "-Xmx256m", env["STRIMZI_JAVA_OPTS"])
	assert.Equal(t, "ns", env["STRIMZI_NAMESPACE"], "template variables cannot replace Strimzi's")
	assert.Equal(t, "x", env["EXTRA"])
	assert.Equal(t, "true", env["STRIMZI_CRUISE_CONTROL_RACK_AWARE"])
	assert.Equal(t, "c-cruise-control.ns.svc", env["STRIMZI_CRUISE_CONTROL_HOSTNAME"])
	assert.Equal(t, []string{"STRIMZI_RESOURCE_LABELS", "STRIMZI_KAFKA_BOOTSTRAP_SERVERS", "STRIMZI_NAMESPACE", "STRIMZI_CLUSTER_NAMESPACE",
		"STRIMZI_FULL_RECONCILIATION_INTERVAL_MS", "STRIMZI_SECURITY_PROTOCOL", "STRIMZI_TLS_TRUSTED_CERTS_SECRET_NAME", "STRIMZI_TLS_SECRET_NAME",
		"STRIMZI_TLS_KEY_NAME", "STRIMZI_TLS_CERT_NAME", "STRIMZI_GC_LOG_ENABLED", "STRIMZI_FEATURE_GATES",
		"STRIMZI_CRUISE_CONTROL_ENABLED", "STRIMZI_CRUISE_CONTROL_RACK_AWARE", "STRIMZI_CRUISE_CONTROL_HOSTNAME", "STRIMZI_CRUISE_CONTROL_PORT",
		"STRIMZI_CRUISE_CONTROL_SSL_ENABLED", "STRIMZI_CRUISE_CONTROL_AUTH_ENABLED", "STRIMZI_JAVA_OPTS", "HTTP_PROXY", "EXTRA"}, envNames(c.Env))
	assert.Equal(t, int32(15), c.LivenessProbe.InitialDelaySeconds, "a user probe keeps StrimziProbe's defaults, not the operator's")
	assert.Equal(t, int32(3), c.LivenessProbe.PeriodSeconds)
	assert.Equal(t, "/mnt/extra", c.VolumeMounts[len(c.VolumeMounts)-1].MountPath)
	assert.Contains(t, c.VolumeMounts, corev1.VolumeMount{Name: "eto-cc-api", MountPath: "/etc/eto-cc-api/"})
	vols := to.Volumes()
	require.Len(t, vols, 4)
	assert.Equal(t, "c-entity-topic-operator-cc-api", vols[3].Secret.SecretName)
	assert.Equal(t, int32(0o444), *vols[3].Secret.DefaultMode)
}
