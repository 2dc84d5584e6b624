package entityoperator

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
)

// Expected values follow EntityUserOperator.getEnvVars.
func TestUserOperatorContainerDefaults(t *testing.T) {
	c := model(t, "  entityOperator: {userOperator: {}}\n", nil).User.Container()
	assert.Equal(t, "user-operator", c.Name)
	assert.Equal(t, []string{"/opt/strimzi/bin/user_operator_run.sh"}, c.Args)
	assert.Equal(t, []corev1.EnvVar{
		{Name: "STRIMZI_KAFKA_BOOTSTRAP_SERVERS", Value: "c-kafka-bootstrap:9091"},
		{Name: "STRIMZI_NAMESPACE", Value: "ns"},
		{Name: "STRIMZI_LABELS", Value: "strimzi.io/cluster=c"},
		{Name: "STRIMZI_CA_KEY_NAME", Value: "c-clients-ca"},
		{Name: "STRIMZI_CA_CERT_NAME", Value: "c-clients-ca-cert"},
		{Name: "STRIMZI_CA_NAMESPACE", Value: "ns"},
		{Name: "STRIMZI_CA_VALIDITY", Value: "365"},
		{Name: "STRIMZI_CA_RENEWAL", Value: "30"},
		{Name: "STRIMZI_CLUSTER_CA_CERT_SECRET_NAME", Value: "c-cluster-ca-cert"},
		{Name: "STRIMZI_EO_KEY_SECRET_NAME", Value: "c-entity-user-operator-certs"},
		{Name: "STRIMZI_GC_LOG_ENABLED", Value: "false"},
		{Name: "STRIMZI_SECRET_PREFIX", Value: ""},
		{Name: "STRIMZI_ACLS_ADMIN_API_SUPPORTED", Value: "false"},
		{Name: "STRIMZI_PKCS12_KEYSTORE_GENERATION", Value: "true"},
	}, c.Env)
	assert.Nil(t, c.StartupProbe, "the User Operator has no startup probe")
	assert.Equal(t, "healthcheck-uo", c.Ports[0].Name)
	assert.Equal(t, int32(8081), c.Ports[0].ContainerPort)
}

func TestUserOperatorSettings(t *testing.T) {
	for name, c := range map[string]struct {
		authorization string
		acls          string
	}{
		"simple authorization":               {"{type: simple}", "true"},
		"custom without the Admin API":       {"{type: custom, authorizerClass: a.B}", "false"},
		"custom that supports the Admin API": {"{type: custom, authorizerClass: a.B, supportsAdminApi: true}", "true"},
	} {
		t.Run(name, func(t *testing.T) {
			uo := model(t, `  kafka: {authorization: `+c.authorization+`}
  clientsCa: {validityDays: 100, renewalDays: 10}
  maintenanceTimeWindows: ["* * 8-10 * * ?", "* * 14-15 * * ?"]
  entityOperator:
    userOperator: {secretPrefix: kafka-, reconciliationIntervalMs: 1000}
    template:
      userOperatorContainer: {env: [{name: EXTRA, value: x}]}
`, nil).User
			env := uo.Container().Env
			m := envMap(env)
			assert.Equal(t, c.acls, m["STRIMZI_ACLS_ADMIN_API_SUPPORTED"])
			assert.Equal(t, "100", m["STRIMZI_CA_VALIDITY"])
			assert.Equal(t, "10", m["STRIMZI_CA_RENEWAL"])
			assert.Equal(t, "kafka-", m["STRIMZI_SECRET_PREFIX"])
			assert.Equal(t, "1000", m["STRIMZI_FULL_RECONCILIATION_INTERVAL_MS"])
			assert.Equal(t, corev1.EnvVar{Name: "STRIMZI_MAINTENANCE_TIME_WINDOWS", Value: "* * 8-10 * * ?;* * 14-15 * * ?"}, env[len(env)-1],
				"the maintenance windows follow the template's variables")
			assert.Equal(t, "EXTRA", env[len(env)-2].Name)
		})
	}
}
