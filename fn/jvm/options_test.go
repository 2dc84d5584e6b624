package jvm

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestEnv(t *testing.T) {
	memory := &corev1.ResourceRequirements{Limits: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("2Gi")}}
	env := func(kv ...string) []corev1.EnvVar {
		var out []corev1.EnvVar
		for i := 0; i < len(kv); i += 2 {
			out = append(out, corev1.EnvVar{Name: kv[i], Value: kv[i+1]})
		}
		return out
	}
	cases := map[string]struct {
		opts *strimzi.JvmOptions
		res  *corev1.ResourceRequirements
		want []corev1.EnvVar
	}{
		"nothing set":             {want: env("KAFKA_HEAP_OPTS", "-Xms128M")},
		"memory sizes the heap":   {res: memory, want: env("STRIMZI_DYNAMIC_HEAP_PERCENTAGE", "50", "STRIMZI_DYNAMIC_HEAP_MAX", "5368709120")},
		"xmx wins over memory":    {opts: &strimzi.JvmOptions{Xmx: "1g"}, res: memory, want: env("KAFKA_HEAP_OPTS", "-Xmx1g")},
		"initial percentage only": {opts: &strimzi.JvmOptions{XX: map[string]string{"InitialRAMPercentage": "10"}}, want: env("KAFKA_HEAP_OPTS", "-XX:InitialRAMPercentage=10")},
		"performance and properties": {
			opts: &strimzi.JvmOptions{Xms: "1g", Xmx: "2g",
				XX:                   map[string]string{"UseG1GC": "true", "UnlockExperimentalVMOptions": "true", "MaxGCPauseMillis": "20", "UseZGC": "FALSE", "UnlockDiagnosticVMOptions": "true"},
				JavaSystemProperties: []strimzi.SystemProperty{{Name: "a", Value: "b"}, {Name: "c", Value: "d"}}},
			want: env("KAFKA_HEAP_OPTS", "-Xms1g -Xmx2g",
				"KAFKA_JVM_PERFORMANCE_OPTS", "-XX:+UnlockDiagnosticVMOptions -XX:+UnlockExperimentalVMOptions -XX:MaxGCPauseMillis=20 -XX:+UseG1GC -XX:-UseZGC",
				"STRIMZI_JAVA_SYSTEM_PROPERTIES", "-Da=b -Dc=d"),
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, Env(50, 5*1024*1024*1024, tc.opts, tc.res))
		})
	}
}

func TestJavaOptions(t *testing.T) {
	assert.Nil(t, JavaOptions(nil), "no jvmOptions, no variables")
	assert.Empty(t, JavaOptions(&strimzi.JvmOptions{}))
	env := JavaOptions(&strimzi.JvmOptions{
		Xmx:                  "512m",
		XX:                   map[string]string{"MaxRAMPercentage": "50", "UseG1GC": "true", "UnlockExperimentalVMOptions": "true"},
		JavaSystemProperties: []strimzi.SystemProperty{{Name: "a", Value: "b"}},
	})
	assert.Equal(t, []corev1.EnvVar{
		{Name: "STRIMZI_JAVA_OPTS", Value: "-Xmx512m -XX:MaxRAMPercentage=50 -XX:+UnlockExperimentalVMOptions -XX:+UseG1GC"},
		{Name: "STRIMZI_JAVA_SYSTEM_PROPERTIES", Value: "-Da=b"},
	}, env)
	assert.Equal(t, []corev1.EnvVar{{Name: "STRIMZI_JAVA_OPTS", Value: "-Xms64m -Xmx128m"}},
		JavaOptions(&strimzi.JvmOptions{Xms: "64m", Xmx: "128m"}), "no heap default: the operators' start script sizes the heap")
}
