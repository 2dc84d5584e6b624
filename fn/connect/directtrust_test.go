package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

const twoTrusted = "tls: {trustedCertificates: [" +
	"{secretName: my-cluster-ca, certificate: ca.crt}, " +
	"{secretName: partner-ca, certificate: root.crt}, " +
	"{secretName: my-cluster-ca, certificate: ca.crt}]}"

// With DirectTrust the workers read every trusted certificate from the
// user's Secret: one reference each, repeats dropped, in one PEM value.
func TestDirectTrustTruststore(t *testing.T) {
	m := fixture{directTrust: true}.model(t, twoTrusted, tlsClientAuth)
	ref := `${strimzisecrets:my-namespace/my-cluster-ca:ca.crt}\n${strimzisecrets:my-namespace/partner-ca:root.crt}`
	assert.Equal(t, forEveryClient("ssl.truststore.certificates="+ref, "ssl.truststore.type=PEM"), section(m, "TLS / SSL"))

	// As Java reads the file: the escape is a line break between the references.
	_, values := properties.Parse(m.ConfigMap().Data[KeyProperties])
	assert.Equal(t, "${strimzisecrets:my-namespace/my-cluster-ca:ca.crt}\n${strimzisecrets:my-namespace/partner-ca:root.crt}",
		values["producer.ssl.truststore.certificates"])

	// The client certificate was always read from the user's Secret.
	assert.Contains(t, section(m, "Authentication configuration"),
		"ssl.keystore.certificate.chain=${strimzisecrets:my-namespace/my-user:user.crt}")

	role := m.Role()
	require.NotNil(t, role)
	assert.ElementsMatch(t, []string{"my-cluster-ca", "partner-ca", "my-user"}, role.Rules[0].ResourceNames,
		"exactly the user's Secrets, and no copied one")
	assert.NotContains(t, m.ConfigMap().Data[KeyProperties], "tls-trusted-certs")
}

func TestDirectTrustOneCertificate(t *testing.T) {
	m := fixture{directTrust: true}.model(t, tlsTrustedCerts)
	assert.Equal(t, forEveryClient("ssl.truststore.certificates=${strimzisecrets:my-namespace/my-cluster-cluster-ca-cert:ca.crt}",
		"ssl.truststore.type=PEM"), section(m, "TLS / SSL"))
	assert.Equal(t, []string{"my-cluster-cluster-ca-cert"}, m.Role().Rules[0].ResourceNames)
}

func TestDirectTrustValidation(t *testing.T) {
	in := Inputs{DirectTrust: true}
	cr := decode(t, "apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata: {name: my-connect, namespace: my-namespace}\n"+
		"spec:\n  bootstrapServers: my-cluster-kafka-bootstrap:9093\n  groupId: g\n  configStorageTopic: c\n  offsetStorageTopic: o\n  statusStorageTopic: s\n  "+
		twoTrusted+"\n")
	for _, p := range Validate(cr, baselineConfig(), in, false) {
		assert.NotContains(t, p.Message, "tls-trusted-certs", "no copied Secret to warn about")
	}
	var warned bool
	for _, p := range Validate(cr, baselineConfig(), Inputs{}, false) {
		warned = warned || p.Path == "spec.tls.trustedCertificates"
	}
	assert.True(t, warned, "without DirectTrust the copied Secret is still named")

	pattern := decode(t, "apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata: {name: my-connect, namespace: my-namespace}\n"+
		"spec:\n  bootstrapServers: b:9093\n  groupId: g\n  configStorageTopic: c\n  offsetStorageTopic: o\n  statusStorageTopic: s\n"+
		"  tls: {trustedCertificates: [{secretName: ca-bundle, pattern: \"*.crt\"}]}\n")
	var found bool
	for _, p := range Validate(pattern, baselineConfig(), in, false) {
		if p.Path == "spec.tls.trustedCertificates[0].pattern" {
			found = true
			assert.Equal(t, results.Error, p.Severity)
			assert.Contains(t, p.Message, "name its key in certificate")
		}
	}
	assert.True(t, found, "a pattern cannot be read directly")
}
