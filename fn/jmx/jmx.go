// Package jmx models a component's JMX endpoint as Strimzi's JmxModel does:
// the port, the environment that turns it on, and the Service port and
// ingress rule that expose it.
package jmx

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Port and PortName are JMX's container and Service port.
const (
	Port     int32 = 9999
	PortName       = "jmx"
)

// Model is a component's JMX endpoint; the zero Model is JMX off.
type Model struct {
	Enabled bool
	// Secret holds the credentials (jmx-username, jmx-password) when
	// password authentication is on; "" without.
	Secret string
}

// New is the JMX endpoint spec.jmxOptions asks for; secret is the
// component's JMX Secret, used with password authentication.
func New(opts *strimzi.JmxOptions, secret string) Model {
	if opts == nil {
		return Model{}
	}
	m := Model{Enabled: true}
	if opts.Authentication != nil && opts.Authentication.Type == "password" {
		m.Secret = secret
	}
	return m
}

// Env turns JMX on, with the credentials from the Secret when password
// authentication is on (JmxModel.envVars).
func (m Model) Env() []corev1.EnvVar {
	if !m.Enabled {
		return nil
	}
	env := []corev1.EnvVar{{Name: "STRIMZI_JMX_ENABLED", Value: "true"}}
	if m.Secret != "" {
		env = append(env,
			corev1.EnvVar{Name: "STRIMZI_JMX_USERNAME", ValueFrom: m.secretKey("jmx-username")},
			corev1.EnvVar{Name: "STRIMZI_JMX_PASSWORD", ValueFrom: m.secretKey("jmx-password")})
	}
	return env
}

func (m Model) secretKey(key string) *corev1.EnvVarSource {
	return &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
		LocalObjectReference: corev1.LocalObjectReference{Name: m.Secret}, Key: key,
	}}
}

// ContainerPorts is the JMX container port, none when JMX is off.
func (m Model) ContainerPorts() []corev1.ContainerPort {
	if !m.Enabled {
		return nil
	}
	return []corev1.ContainerPort{specs.ContainerPort(PortName, Port)}
}

// ServicePorts is the JMX Service port, none when JMX is off.
func (m Model) ServicePorts() []corev1.ServicePort {
	if !m.Enabled {
		return nil
	}
	return []corev1.ServicePort{specs.ServicePort(PortName, Port)}
}

// IngressRules opens the JMX port to everyone, none when JMX is off
// (JmxModel.networkPolicyIngresRules).
func (m Model) IngressRules() []networkingv1.NetworkPolicyIngressRule {
	if !m.Enabled {
		return nil
	}
	return []networkingv1.NetworkPolicyIngressRule{specs.IngressRule(Port)}
}
