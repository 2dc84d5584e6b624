package jmx

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestOffWithoutOptions(t *testing.T) {
	m := New(nil, "c-kafka-jmx")
	assert.False(t, m.Enabled)
	assert.Nil(t, m.Env())
	assert.Nil(t, m.ContainerPorts())
	assert.Nil(t, m.ServicePorts())
	assert.Nil(t, m.IngressRules())
}

func TestOnWithoutAuthentication(t *testing.T) {
	m := New(&strimzi.JmxOptions{}, "c-kafka-jmx")
	require.Len(t, m.Env(), 1)
	assert.Equal(t, "STRIMZI_JMX_ENABLED", m.Env()[0].Name)
	assert.Equal(t, "true", m.Env()[0].Value)
	assert.Equal(t, int32(9999), m.ContainerPorts()[0].ContainerPort)
	assert.Equal(t, "jmx", m.ServicePorts()[0].Name)
	require.Len(t, m.IngressRules(), 1)
	assert.Empty(t, m.IngressRules()[0].From, "JMX is open to everyone, as in Strimzi")
}

func TestPasswordAuthenticationReadsTheSecret(t *testing.T) {
	m := New(&strimzi.JmxOptions{Authentication: &strimzi.JmxAuthentication{Type: "password"}}, "c-kafka-jmx")
	env := m.Env()
	require.Len(t, env, 3)
	assert.Equal(t, "STRIMZI_JMX_USERNAME", env[1].Name)
	assert.Equal(t, "c-kafka-jmx", env[1].ValueFrom.SecretKeyRef.Name)
	assert.Equal(t, "jmx-username", env[1].ValueFrom.SecretKeyRef.Key)
	assert.Equal(t, "STRIMZI_JMX_PASSWORD", env[2].Name)
	assert.Equal(t, "jmx-password", env[2].ValueFrom.SecretKeyRef.Key)
}
