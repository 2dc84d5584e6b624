package connect

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/jvm"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
)

// env is the worker's environment in Strimzi's order (KafkaConnectCluster.getEnvVars).
func (m *Model) env() []corev1.EnvVar {
	s := m.spec
	exporter := "false"
	if s.MetricsConfig != nil && s.MetricsConfig.Type == "jmxPrometheusExporter" {
		exporter = "true"
	}
	gcLogging := "false"
	if s.JvmOptions != nil && s.JvmOptions.GcLoggingEnabled != nil && *s.JvmOptions.GcLoggingEnabled {
		gcLogging = "true"
	}
	env := []corev1.EnvVar{
		{Name: "KAFKA_CONNECT_JMX_EXPORTER_ENABLED", Value: exporter},
		{Name: "STRIMZI_KAFKA_GC_LOG_ENABLED", Value: gcLogging},
	}
	env = append(env, jvm.Env(75, 0, s.JvmOptions, s.Resources)...)
	if s.Tracing != nil && s.Tracing.Type != "" {
		env = append(env, corev1.EnvVar{Name: "STRIMZI_TRACING", Value: s.Tracing.Type})
	}
	env = append(env, m.jmxEnv()...)
	env = pods.AppendEnv(env, pods.SharedEnv(m.cfg)...)
	return pods.AppendEnv(env, pods.TemplateEnv(m.containerTemplate().Env)...)
}

// jmxEnv enables JMX, with credentials from <cluster>-kafka-connect-jmx
// when password authentication is on (JmxModel.envVars).
func (m *Model) jmxEnv() []corev1.EnvVar {
	j := m.spec.JmxOptions
	if j == nil {
		return nil
	}
	env := []corev1.EnvVar{{Name: "STRIMZI_JMX_ENABLED", Value: "true"}}
	if j.Authentication != nil && j.Authentication.Type == "password" {
		secret := names.ConnectJMXSecret(m.Cluster)
		ref := func(key string) *corev1.EnvVarSource {
			return &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
				LocalObjectReference: corev1.LocalObjectReference{Name: secret}, Key: key,
			}}
		}
		env = append(env,
			corev1.EnvVar{Name: "STRIMZI_JMX_USERNAME", ValueFrom: ref("jmx-username")},
			corev1.EnvVar{Name: "STRIMZI_JMX_PASSWORD", ValueFrom: ref("jmx-password")})
	}
	return env
}
