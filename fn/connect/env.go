package connect

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"

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
	env = append(env, m.heapEnv()...)
	if perf := m.jvmPerformanceOptions(); perf != "" {
		env = append(env, corev1.EnvVar{Name: "KAFKA_JVM_PERFORMANCE_OPTS", Value: perf})
	}
	if s.JvmOptions != nil && len(s.JvmOptions.JavaSystemProperties) > 0 {
		var props []string
		for _, p := range s.JvmOptions.JavaSystemProperties {
			props = append(props, "-D"+p.Name+"="+p.Value)
		}
		env = append(env, corev1.EnvVar{Name: "STRIMZI_JAVA_SYSTEM_PROPERTIES", Value: strings.Join(props, " ")})
	}
	if s.Tracing != nil && s.Tracing.Type != "" {
		env = append(env, corev1.EnvVar{Name: "STRIMZI_TRACING", Value: s.Tracing.Type})
	}
	env = append(env, m.jmxEnv()...)
	env = pods.AppendEnv(env, pods.SharedEnv(m.cfg)...)
	return pods.AppendEnv(env, pods.TemplateEnv(m.containerTemplate().Env)...)
}

// heapEnv follows JvmOptionUtils.heapOptions: the user's -Xms, -Xmx and RAM
// percentages; without a maximum, a memory request or limit lets the start
// script size the heap at 75 %, and with no memory set either, -Xms128M.
func (m *Model) heapEnv() []corev1.EnvVar {
	var parts []string
	jvm := m.spec.JvmOptions
	var xx map[string]string
	if jvm != nil {
		xx = jvm.XX
		if jvm.Xms != "" {
			parts = append(parts, "-Xms"+jvm.Xms)
		}
		if jvm.Xmx != "" {
			parts = append(parts, "-Xmx"+jvm.Xmx)
		}
	}
	initial, hasInitial := xx["InitialRAMPercentage"]
	maxPct, hasMax := xx["MaxRAMPercentage"]
	if hasInitial {
		parts = append(parts, "-XX:InitialRAMPercentage="+initial)
	}
	if hasMax {
		parts = append(parts, "-XX:MaxRAMPercentage="+maxPct)
	}
	var env []corev1.EnvVar
	if (jvm == nil || jvm.Xmx == "") && !hasMax {
		if m.hasMemory() {
			env = append(env, corev1.EnvVar{Name: "STRIMZI_DYNAMIC_HEAP_PERCENTAGE", Value: "75"})
		} else if (jvm == nil || jvm.Xms == "") && !hasInitial {
			parts = append(parts, "-Xms128M")
		}
	}
	if opts := strings.TrimSpace(strings.Join(parts, " ")); opts != "" {
		env = append(env, corev1.EnvVar{Name: "KAFKA_HEAP_OPTS", Value: opts})
	}
	return env
}

func (m *Model) hasMemory() bool {
	r := m.spec.Resources
	if r == nil {
		return false
	}
	_, req := r.Requests[corev1.ResourceMemory]
	_, lim := r.Limits[corev1.ResourceMemory]
	return req || lim
}

// jvmPerformanceOptions renders -XX options other than the heap ones: the
// two Unlock* switches first, the rest sorted (JvmOptionUtils.jvmPerformanceOptions).
func (m *Model) jvmPerformanceOptions() string {
	if m.spec.JvmOptions == nil {
		return ""
	}
	xx := m.spec.JvmOptions.XX
	unlock := []string{"UnlockDiagnosticVMOptions", "UnlockExperimentalVMOptions"}
	var keys []string
	for k := range xx {
		if k != "InitialRAMPercentage" && k != "MaxRAMPercentage" && !slices.Contains(unlock, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var opts []string
	for _, k := range append(slices.DeleteFunc(slices.Clone(unlock), func(k string) bool { _, ok := xx[k]; return !ok }), keys...) {
		switch v := xx[k]; strings.ToLower(v) {
		case "true":
			opts = append(opts, "-XX:+"+k)
		case "false":
			opts = append(opts, "-XX:-"+k)
		default:
			opts = append(opts, fmt.Sprintf("-XX:%s=%s", k, v))
		}
	}
	return strings.Join(opts, " ")
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
