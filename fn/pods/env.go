package pods

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// SharedEnv is the operator environment every Strimzi container gets:
// HTTP_PROXY, HTTPS_PROXY, NO_PROXY and FIPS_MODE, when set (ContainerUtils).
func SharedEnv(cfg *config.Spec) []corev1.EnvVar {
	var env []corev1.EnvVar
	for _, e := range []corev1.EnvVar{
		{Name: "HTTP_PROXY", Value: cfg.Proxy.HTTPProxy},
		{Name: "HTTPS_PROXY", Value: cfg.Proxy.HTTPSProxy},
		{Name: "NO_PROXY", Value: cfg.Proxy.NoProxy},
		{Name: "FIPS_MODE", Value: cfg.FIPSMode},
	} {
		if e.Value != "" {
			env = append(env, e)
		}
	}
	return env
}

// TemplateEnv converts template env vars.
func TemplateEnv(vars []strimzi.ContainerEnvVar) []corev1.EnvVar {
	out := make([]corev1.EnvVar, 0, len(vars))
	for _, v := range vars {
		e := corev1.EnvVar{Name: v.Name, Value: v.Value}
		if v.ValueFrom != nil {
			e.ValueFrom = &corev1.EnvVarSource{SecretKeyRef: v.ValueFrom.SecretKeyRef, ConfigMapKeyRef: v.ValueFrom.ConfigMapKeyRef}
		}
		out = append(out, e)
	}
	return out
}

// AppendEnv appends extra vars whose names are not taken yet: Strimzi
// ignores template vars that would override its own (ContainerUtils).
func AppendEnv(base []corev1.EnvVar, extra ...corev1.EnvVar) []corev1.EnvVar {
	taken := make(map[string]bool, len(base)+len(extra))
	for _, b := range base {
		taken[b.Name] = true
	}
	for _, e := range extra {
		if !taken[e.Name] {
			taken[e.Name] = true
			base = append(base, e)
		}
	}
	return base
}
