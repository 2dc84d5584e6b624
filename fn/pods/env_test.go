package pods

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestSharedEnv(t *testing.T) {
	assert.Nil(t, SharedEnv(&config.Spec{}), "nothing set")
	assert.Equal(t, []corev1.EnvVar{{Name: "NO_PROXY", Value: "localhost"}},
		SharedEnv(&config.Spec{Proxy: config.Proxy{NoProxy: "localhost"}}), "unset variables are left out")
	assert.Equal(t, []corev1.EnvVar{
		{Name: "HTTP_PROXY", Value: "http://proxy:3128"},
		{Name: "HTTPS_PROXY", Value: "https://proxy:3129"},
		{Name: "NO_PROXY", Value: ".svc"},
		{Name: "FIPS_MODE", Value: "disabled"},
	}, SharedEnv(&config.Spec{
		Proxy:    config.Proxy{HTTPProxy: "http://proxy:3128", HTTPSProxy: "https://proxy:3129", NoProxy: ".svc"},
		FIPSMode: "disabled",
	}))
}

func TestTemplateEnv(t *testing.T) {
	secretKey := &corev1.SecretKeySelector{LocalObjectReference: corev1.LocalObjectReference{Name: "s"}, Key: "k"}
	configMapKey := &corev1.ConfigMapKeySelector{LocalObjectReference: corev1.LocalObjectReference{Name: "cm"}, Key: "k"}

	assert.Equal(t, []corev1.EnvVar{}, TemplateEnv(nil))
	assert.Equal(t, []corev1.EnvVar{
		{Name: "PLAIN", Value: "v"},
		{Name: "FROM_SECRET", ValueFrom: &corev1.EnvVarSource{SecretKeyRef: secretKey}},
		{Name: "FROM_CONFIGMAP", ValueFrom: &corev1.EnvVarSource{ConfigMapKeyRef: configMapKey}},
	}, TemplateEnv([]strimzi.ContainerEnvVar{
		{Name: "PLAIN", Value: "v"},
		{Name: "FROM_SECRET", ValueFrom: &strimzi.EnvVarSource{SecretKeyRef: secretKey}},
		{Name: "FROM_CONFIGMAP", ValueFrom: &strimzi.EnvVarSource{ConfigMapKeyRef: configMapKey}},
	}))
}

func TestAppendEnvNeverOverrides(t *testing.T) {
	base := []corev1.EnvVar{{Name: "KAFKA_HEAP_OPTS", Value: "-Xms128M"}}
	got := AppendEnv(base,
		corev1.EnvVar{Name: "KAFKA_HEAP_OPTS", Value: "-Xmx8g"},
		corev1.EnvVar{Name: "USER_VAR", Value: "first"},
		corev1.EnvVar{Name: "USER_VAR", Value: "second"},
	)
	assert.Equal(t, []corev1.EnvVar{
		{Name: "KAFKA_HEAP_OPTS", Value: "-Xms128M"},
		{Name: "USER_VAR", Value: "first"},
	}, got)
	assert.Nil(t, AppendEnv(nil))
}
