package connect

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/digest"
	"github.com/strimzi-render/strimzi-render/fn/javacompat"
)

func forEveryClient(lines ...string) []string {
	var out []string
	for _, p := range []string{"", "producer.", "consumer.", "admin."} {
		for _, l := range lines {
			out = append(out, p+l)
		}
	}
	return out
}

func TestNoAuthentication(t *testing.T) {
	m := connectModel(t)
	assert.Nil(t, section(m, "Authentication configuration"))
	assert.Nil(t, section(m, "TLS / SSL"))
	assert.Equal(t, forEveryClient("security.protocol=PLAINTEXT"), section(m, "Kafka Security protocol"))
	assert.Equal(t, "0", m.Pods()[0].Annotations[AnnoAuthHash])
}

func TestTLSTrustedCertificates(t *testing.T) {
	m := connectModel(t, tlsTrustedCerts)
	assert.Equal(t, forEveryClient(
		"ssl.truststore.certificates=${strimzisecrets:my-namespace/my-connect-connect-tls-trusted-certs:ca.crt}",
		"ssl.truststore.type=PEM",
	), section(m, "TLS / SSL"))
	assert.Equal(t, forEveryClient("security.protocol=SSL"), section(m, "Kafka Security protocol"))
}

func TestTLSWithoutTrustedCertificates(t *testing.T) {
	m := connectModel(t, "tls: {}")
	assert.Nil(t, section(m, "TLS / SSL"))
	assert.Equal(t, forEveryClient("security.protocol=SSL"), section(m, "Kafka Security protocol"), "TLS with the JVM's trust store")
}

func TestTLSClientAuthentication(t *testing.T) {
	m := connectModel(t, tlsTrustedCerts, tlsClientAuth)
	assert.Equal(t, forEveryClient(
		"ssl.keystore.certificate.chain=${strimzisecrets:my-namespace/my-user:user.crt}",
		"ssl.keystore.key=${strimzisecrets:my-namespace/my-user:user.key}",
		"ssl.keystore.type=PEM",
	), section(m, "Authentication configuration"))
	assert.Equal(t, forEveryClient("security.protocol=SSL"), section(m, "Kafka Security protocol"))

	noTLS := connectModel(t, tlsClientAuth)
	assert.Equal(t, forEveryClient("security.protocol=PLAINTEXT"), section(noTLS, "Kafka Security protocol"),
		"a client certificate alone does not switch the protocol, as in Strimzi")
}

func TestSASLAuthentication(t *testing.T) {
	cases := map[string]struct {
		auth, mechanism, module string
	}{
		"scram-sha-256": {"authentication: {type: scram-sha-256, username: my-user, passwordSecret: {secretName: my-pw, password: pw}}",
			"SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"},
		"scram-sha-512": {"authentication: {type: scram-sha-512, username: my-user, passwordSecret: {secretName: my-pw, password: pw}}",
			"SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule"},
		"plain": {"authentication: {type: plain, username: my-user, passwordSecret: {secretName: my-pw, password: pw}}",
			"PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			m := connectModel(t, c.auth)
			assert.Equal(t, forEveryClient(
				"sasl.mechanism="+c.mechanism,
				"sasl.jaas.config="+c.module+` required username="my-user" password="${strimzisecrets:my-namespace/my-pw:pw}";`,
			), section(m, "Authentication configuration"))
			assert.Equal(t, forEveryClient("security.protocol=SASL_PLAINTEXT"), section(m, "Kafka Security protocol"))
			assert.Equal(t, forEveryClient("security.protocol=SASL_SSL"), section(connectModel(t, c.auth, "tls: {}"), "Kafka Security protocol"))
		})
	}
}

func TestCustomAuthentication(t *testing.T) {
	const custom = "authentication: {type: custom, sasl: %s, config: {sasl.mechanism: AWS_MSK_IAM, ssl.keystore.type: PKCS12, not.allowed: dropped}}"
	m := connectModel(t, fmt.Sprintf(custom, "true"))
	assert.Equal(t, []string{
		"sasl.mechanism=AWS_MSK_IAM", "producer.sasl.mechanism=AWS_MSK_IAM", "consumer.sasl.mechanism=AWS_MSK_IAM", "admin.sasl.mechanism=AWS_MSK_IAM",
		"ssl.keystore.type=PKCS12", "producer.ssl.keystore.type=PKCS12", "consumer.ssl.keystore.type=PKCS12", "admin.ssl.keystore.type=PKCS12",
	}, section(m, "Authentication configuration"), "only sasl.* and ssl.keystore.* keys, sorted, each for every client")
	assert.Equal(t, forEveryClient("security.protocol=SASL_PLAINTEXT"), section(m, "Kafka Security protocol"))
	assert.Equal(t, "0", m.Pods()[0].Annotations[AnnoAuthHash], "no Secret is referenced")

	noSASL := connectModel(t, fmt.Sprintf(custom, "false"), "tls: {}")
	assert.Equal(t, forEveryClient("security.protocol=SSL"), section(noSASL, "Kafka Security protocol"))
}

func TestAuthHashFollowsSecretReferences(t *testing.T) {
	m := connectModel(t, "replicas: 1", tlsTrustedCerts, tlsClientAuth)
	want := digest.HashStub(javacompat.ListString([]string{
		"my-cluster-cluster-ca-cert/ca.crt", "my-user/user.crt", "my-user/user.key",
	}))
	assert.Equal(t, want, m.Pods()[0].Annotations[AnnoAuthHash])

	other := connectModel(t, "replicas: 1", tlsTrustedCerts,
		"authentication: {type: tls, certificateAndKey: {secretName: my-user, certificate: other.crt, key: user.key}}")
	assert.NotEqual(t, want, other.Pods()[0].Annotations[AnnoAuthHash])

	pattern := connectModel(t, "replicas: 1", "tls: {trustedCertificates: [{secretName: ca-bundle, pattern: \"*.crt\"}]}")
	assert.Equal(t, digest.HashStub("[ca-bundle/*.crt]"), pattern.Pods()[0].Annotations[AnnoAuthHash])
}
