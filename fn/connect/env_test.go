package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
)

func workerEnv(t *testing.T, f fixture, spec ...string) []corev1.EnvVar {
	t.Helper()
	return f.model(t, spec...).Pods()[0].Spec.Containers[0].Env
}

func values(kv ...string) []corev1.EnvVar {
	var out []corev1.EnvVar
	for i := 0; i < len(kv); i += 2 {
		out = append(out, corev1.EnvVar{Name: kv[i], Value: kv[i+1]})
	}
	return out
}

func TestWorkerEnv(t *testing.T) {
	exporterRules := fixture{configMaps: map[string]map[string]string{"my-metrics": {"rules.yaml": "rules: []"}}}
	cases := map[string]struct {
		f    fixture
		spec []string
		want []corev1.EnvVar
	}{
		"defaults": {
			want: values("KAFKA_CONNECT_JMX_EXPORTER_ENABLED", "false", "STRIMZI_KAFKA_GC_LOG_ENABLED", "false", "KAFKA_HEAP_OPTS", "-Xms128M"),
		},
		"JMX exporter": {
			f:    exporterRules,
			spec: []string{"metricsConfig: {type: jmxPrometheusExporter, valueFrom: {configMapKeyRef: {name: my-metrics, key: rules.yaml}}}"},
			want: values("KAFKA_CONNECT_JMX_EXPORTER_ENABLED", "true", "STRIMZI_KAFKA_GC_LOG_ENABLED", "false", "KAFKA_HEAP_OPTS", "-Xms128M"),
		},
		"Strimzi metrics reporter is not the exporter": {
			spec: []string{"metricsConfig: {type: strimziMetricsReporter}"},
			want: values("KAFKA_CONNECT_JMX_EXPORTER_ENABLED", "false", "STRIMZI_KAFKA_GC_LOG_ENABLED", "false", "KAFKA_HEAP_OPTS", "-Xms128M"),
		},
		"GC logging and heap options": {
			spec: []string{"jvmOptions: {gcLoggingEnabled: true, -Xmx: 2g, javaSystemProperties: [{name: a, value: b}]}"},
			want: values("KAFKA_CONNECT_JMX_EXPORTER_ENABLED", "false", "STRIMZI_KAFKA_GC_LOG_ENABLED", "true", "KAFKA_HEAP_OPTS", "-Xmx2g",
				"STRIMZI_JAVA_SYSTEM_PROPERTIES", "-Da=b"),
		},
		"memory sizes the heap at 75 percent, without a maximum": {
			spec: []string{"resources: {limits: {memory: 2Gi}}"},
			want: values("KAFKA_CONNECT_JMX_EXPORTER_ENABLED", "false", "STRIMZI_KAFKA_GC_LOG_ENABLED", "false", "STRIMZI_DYNAMIC_HEAP_PERCENTAGE", "75"),
		},
		"tracing": {
			spec: []string{"tracing: {type: opentelemetry}"},
			want: values("KAFKA_CONNECT_JMX_EXPORTER_ENABLED", "false", "STRIMZI_KAFKA_GC_LOG_ENABLED", "false", "KAFKA_HEAP_OPTS", "-Xms128M",
				"STRIMZI_TRACING", "opentelemetry"),
		},
		"JMX without authentication": {
			spec: []string{"jmxOptions: {}"},
			want: values("KAFKA_CONNECT_JMX_EXPORTER_ENABLED", "false", "STRIMZI_KAFKA_GC_LOG_ENABLED", "false", "KAFKA_HEAP_OPTS", "-Xms128M",
				"STRIMZI_JMX_ENABLED", "true"),
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, workerEnv(t, c.f, c.spec...))
		})
	}
}

func TestWorkerEnvJMXPassword(t *testing.T) {
	ref := func(key string) *corev1.EnvVarSource {
		return &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
			LocalObjectReference: corev1.LocalObjectReference{Name: "my-connect-kafka-connect-jmx"}, Key: key,
		}}
	}
	env := workerEnv(t, fixture{}, "jmxOptions: {authentication: {type: password}}")
	assert.Equal(t, []corev1.EnvVar{
		{Name: "STRIMZI_JMX_ENABLED", Value: "true"},
		{Name: "STRIMZI_JMX_USERNAME", ValueFrom: ref("jmx-username")},
		{Name: "STRIMZI_JMX_PASSWORD", ValueFrom: ref("jmx-password")},
	}, env[3:])
}

func TestWorkerEnvOperatorAndTemplate(t *testing.T) {
	cfg := baselineConfig()
	cfg.Spec.Proxy.HTTPSProxy = "https://proxy:3129"
	cfg.Spec.FIPSMode = "disabled"
	env := workerEnv(t, fixture{cfg: cfg},
		"template: {connectContainer: {env: [{name: KAFKA_HEAP_OPTS, value: -Xmx64g}, {name: MY_VAR, value: x}, "+
			"{name: FROM_SECRET, valueFrom: {secretKeyRef: {name: s, key: k}}}]}}")
	assert.Equal(t, []corev1.EnvVar{
		{Name: "KAFKA_CONNECT_JMX_EXPORTER_ENABLED", Value: "false"},
		{Name: "STRIMZI_KAFKA_GC_LOG_ENABLED", Value: "false"},
		{Name: "KAFKA_HEAP_OPTS", Value: "-Xms128M"},
		{Name: "HTTPS_PROXY", Value: "https://proxy:3129"},
		{Name: "FIPS_MODE", Value: "disabled"},
		{Name: "MY_VAR", Value: "x"},
		{Name: "FROM_SECRET", ValueFrom: &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
			LocalObjectReference: corev1.LocalObjectReference{Name: "s"}, Key: "k"}}},
	}, env, "the operator's variables follow Strimzi's; a template variable never overrides either")
}
