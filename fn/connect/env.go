package connect

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/jmx"
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
	env = append(env, m.jmx().Env()...)
	env = pods.AppendEnv(env, pods.SharedEnv(m.cfg)...)
	return pods.AppendEnv(env, pods.TemplateEnv(m.containerTemplate().Env)...)
}

// jmx is the workers' JMX endpoint, with credentials from
// <cluster>-kafka-connect-jmx.
func (m *Model) jmx() jmx.Model {
	return jmx.New(m.spec.JmxOptions, names.ConnectJMXSecret(m.Name))
}
