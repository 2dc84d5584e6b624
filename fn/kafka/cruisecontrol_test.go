package kafka

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/cruisecontrol"
)

const ccKafka = `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: {name: foo, namespace: ns}
spec:
  kafka:
    listeners:
    - {name: tls, port: 9093, type: internal, tls: true}
    config: {default.replication.factor: 2}
  entityOperator: {topicOperator: {}}
  cruiseControl: {}
`

// The Topic Operator and Cruise Control agree on the Service, the port
// and the Secret of the Topic Operator's API credentials; the capacity
// file lists the brokers by their node IDs.
func TestTopicOperatorAndCruiseControlAgree(t *testing.T) {
	k, pools := decodeAll(t, ccKafka, pool("brokers", "2", "[broker]", "[0, 1]"), pool("controllers", "1", "[controller]", "[5]"))
	require.Empty(t, Validate(k, pools, defaults(t), Inputs{}))
	m, err := New(k, pools, defaults(t), Inputs{}, nil)
	require.NoError(t, err)
	cc := m.CruiseControl()
	require.NotNil(t, cc)

	eo := m.EntityOperator.Deployment().Spec.Template.Spec
	env := map[string]string{}
	for _, e := range eo.Containers[0].Env {
		env[e.Name] = e.Value
	}
	svc := cc.Service()
	assert.Equal(t, svc.Name+"."+svc.Namespace+".svc", env["STRIMZI_CRUISE_CONTROL_HOSTNAME"])
	assert.Equal(t, strconv.Itoa(cruisecontrol.RESTPort), env["STRIMZI_CRUISE_CONTROL_PORT"])
	var toAPI string
	for _, v := range eo.Volumes {
		if v.Name == "eto-cc-api" {
			toAPI = v.Secret.SecretName
		}
	}
	require.NotEmpty(t, toAPI)
	assert.Contains(t, cc.Note()[0].Message, "with the password of Secret "+toAPI+" ")

	np := cc.NetworkPolicy()
	require.Len(t, np.Spec.Ingress[0].From, 2, "the Entity Operator may call the REST API")
	assert.Equal(t, m.EntityOperator.Deployment().Spec.Template.Labels["strimzi.io/name"],
		np.Spec.Ingress[0].From[1].PodSelector.MatchLabels["strimzi.io/name"])

	var cm *corev1.ConfigMap
	for _, o := range cc.Objects() {
		if c, ok := o.(*corev1.ConfigMap); ok {
			cm = c
		}
	}
	require.NotNil(t, cm)
	capacity := cm.Data["capacity.json"]
	assert.Contains(t, capacity, `"brokerId" : 1,`)
	assert.NotContains(t, capacity, `"brokerId" : 5,`, "controllers have no capacity")
	assert.Contains(t, cm.Data["cruisecontrol.properties"], "sample.store.topic.replication.factor=2\n")
}
