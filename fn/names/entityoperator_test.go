package names

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Expected names follow Strimzi's KafkaResources.
func TestEntityOperatorNames(t *testing.T) {
	cases := map[string]struct{ got, want string }{
		"entityOperatorDeploymentName":            {EntityOperator("c"), "c-entity-operator"},
		"topic operator component":                {EntityTopicOperator("c"), "c-entity-topic-operator"},
		"user operator component":                 {EntityUserOperator("c"), "c-entity-user-operator"},
		"entityTopicOperatorLoggingConfigMapName": {EntityTopicOperatorConfig("c"), "c-entity-topic-operator-config"},
		"entityUserOperatorLoggingConfigMapName":  {EntityUserOperatorConfig("c"), "c-entity-user-operator-config"},
		"entityTopicOperatorRoleBinding":          {EntityTopicOperatorRoleBinding("c"), "c-entity-topic-operator-role"},
		"entityUserOperatorRoleBinding":           {EntityUserOperatorRoleBinding("c"), "c-entity-user-operator-role"},
		"entityTopicOperatorSecretName":           {EntityTopicOperatorCerts("c"), "c-entity-topic-operator-certs"},
		"entityUserOperatorSecretName":            {EntityUserOperatorCerts("c"), "c-entity-user-operator-certs"},
		"entityTopicOperatorCcApiSecretName":      {EntityTopicOperatorCruiseControlAPI("c"), "c-entity-topic-operator-cc-api"},
		"clientsCaKeySecretName":                  {ClientsCAKey("c"), "c-clients-ca"},
		"cruise control host":                     {CruiseControlHost("c", "ns"), "c-cruise-control.ns.svc"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, c.want, c.got) })
	}
}
