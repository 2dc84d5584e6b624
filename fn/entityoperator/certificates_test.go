package entityoperator

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/certmanager"
)

// In cert-manager mode both operators read cert-manager's Secrets (tls.crt
// and tls.key) and trust the user's CA Secret; the User Operator gets
// proposal 100's issuer settings for a cert-manager clients CA.
func TestCertManagerMode(t *testing.T) {
	c := cluster()
	c.ClusterCertManager = &CertManagerCA{CA: certmanager.CA{Issuer: certmanager.IssuerRef{Name: "ca", Kind: "Issuer", Group: "cert-manager.io"}}, TrustSecret: "my-ca", TrustKey: "ca.crt"}
	c.ClientsIssuer = &certmanager.IssuerRef{Name: "clients", Kind: "ClusterIssuer", Group: "cert-manager.io"}
	m := New(kafka(t, "  entityOperator: {topicOperator: {}, userOperator: {}}\n"), defaults(t), c, nil)
	require.NotNil(t, m)

	to := envMap(m.Topic.Container().Env)
	assert.Equal(t, "c-entity-topic-operator-certs-cm", to["STRIMZI_TLS_SECRET_NAME"])
	assert.Equal(t, "tls.key", to["STRIMZI_TLS_KEY_NAME"])
	assert.Equal(t, "tls.crt", to["STRIMZI_TLS_CERT_NAME"])
	assert.Equal(t, "my-ca", to["STRIMZI_TLS_TRUSTED_CERTS_SECRET_NAME"])

	uo := envMap(m.User.Container().Env)
	assert.Equal(t, "c-entity-user-operator-certs-cm", uo["STRIMZI_EO_KEY_SECRET_NAME"])
	assert.Equal(t, "tls.key", uo["STRIMZI_EO_KEY_NAME"])
	assert.Equal(t, "tls.crt", uo["STRIMZI_EO_CERT_NAME"])
	assert.Equal(t, "my-ca", uo["STRIMZI_CLUSTER_CA_CERT_SECRET_NAME"])
	assert.Equal(t, "cert-manager.io", uo["STRIMZI_CA_TYPE"])
	assert.Equal(t, "clients", uo["STRIMZI_CM_ISSUER_NAME"])
	assert.Equal(t, "ClusterIssuer", uo["STRIMZI_CM_ISSUER_KIND"])
	assert.Equal(t, "cert-manager.io", uo["STRIMZI_CM_ISSUER_GROUP"])

	var names []string
	for _, cert := range m.Certificates() {
		names = append(names, cert.Name+"/"+cert.Spec.CommonName)
	}
	assert.Equal(t, []string{"c-entity-topic-operator-certs/c-entity-topic-operator", "c-entity-user-operator-certs/c-entity-user-operator"}, names)
	assert.Contains(t, m.Roles()[0].Rules, certificateRule)
	assert.Empty(t, m.Notes(), "nothing is left for the operator to create")
}

// In the operator's mode nothing changes: no Certificates, no cert-manager
// variables.
func TestOperatorModeHasNoCertificates(t *testing.T) {
	m := model(t, "  entityOperator: {topicOperator: {}, userOperator: {}}\n", nil)
	assert.Empty(t, m.Certificates())
	uo := envMap(m.User.Container().Env)
	assert.NotContains(t, uo, "STRIMZI_CA_TYPE")
	assert.NotContains(t, uo, "STRIMZI_EO_KEY_NAME")
	assert.NotContains(t, m.Roles()[0].Rules, certificateRule)
}
