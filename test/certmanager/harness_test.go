package certmanager

import (
	"crypto/rsa"
	"encoding/pem"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cmapi "github.com/cert-manager/cert-manager/pkg/apis/certmanager/v1"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
)

const nodeCertificate = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: my-cluster-brokers-0
  namespace: kafka
spec:
  secretName: my-cluster-brokers-0-cm
  secretTemplate:
    labels:
      strimzi.io/cluster: my-cluster
  commonName: my-cluster-kafka
  subject:
    organizations: [io.strimzi]
  duration: 8760h
  renewBefore: 720h
  privateKey:
    algorithm: RSA
    size: 2048
    encoding: PKCS1
    rotationPolicy: Always
  dnsNames:
  - my-cluster-brokers-0.my-cluster-kafka-brokers.kafka.svc
  - my-cluster-kafka-bootstrap.kafka.svc
  ipAddresses:
  - 10.0.0.1
  issuerRef:
    name: ca-issuer
    kind: Issuer
    group: cert-manager.io
`

func parseOne(t *testing.T, doc string) Object {
	t.Helper()
	objs, err := ParseStream([]byte(doc))
	require.NoError(t, err)
	require.Len(t, objs, 1)
	return objs[0]
}

func issued(t *testing.T, ca *CA, doc string) (*cmapi.Certificate, *corev1.Secret) {
	t.Helper()
	crt, err := DecodeCertificate(parseOne(t, doc))
	require.NoError(t, err)
	s, err := ca.Issue(crt)
	require.NoError(t, err)
	return crt, s
}

// TestIssue checks the harness itself: what cert-manager's pki code makes
// of a Certificate shaped like a node's, and the Secret written for it.
func TestIssue(t *testing.T) {
	ca, err := NewCA("test cluster CA")
	require.NoError(t, err)
	_, s := issued(t, ca, nodeCertificate)

	assert.Equal(t, "my-cluster-brokers-0-cm", s.Name)
	assert.Equal(t, "kafka", s.Namespace)
	assert.Equal(t, corev1.SecretTypeTLS, s.Type)
	assert.Equal(t, "my-cluster", s.Labels["strimzi.io/cluster"])
	assert.Equal(t, ca.PEM, s.Data["ca.crt"])
	block, _ := pem.Decode(s.Data["tls.key"])
	require.NotNil(t, block)
	assert.Equal(t, "RSA PRIVATE KEY", block.Type, "PKCS1")

	kp, err := KeyPair(s.Data["tls.crt"], s.Data["tls.key"])
	require.NoError(t, err)
	leaf := kp.Leaf
	assert.Equal(t, []string{"io.strimzi"}, leaf.Subject.Organization)
	assert.Equal(t, "my-cluster-kafka", leaf.Subject.CommonName)
	assert.Equal(t, 2048, leaf.PublicKey.(*rsa.PublicKey).N.BitLen())
	assert.ElementsMatch(t, []string{"my-cluster-brokers-0.my-cluster-kafka-brokers.kafka.svc", "my-cluster-kafka-bootstrap.kafka.svc"}, leaf.DNSNames)
	require.Len(t, leaf.IPAddresses, 1)
	assert.Equal(t, "10.0.0.1", leaf.IPAddresses[0].String())
	assert.InDelta(t, (8760 * time.Hour).Hours(), leaf.NotAfter.Sub(leaf.NotBefore).Hours(), 1)
}

// TestHandshake checks that the handshake helper passes and fails where
// Kafka's TLS would.
func TestHandshake(t *testing.T) {
	ca, err := NewCA("test cluster CA")
	require.NoError(t, err)
	other, err := NewCA("another CA")
	require.NoError(t, err)
	_, server := issued(t, ca, nodeCertificate)
	_, client := issued(t, ca, strings.ReplaceAll(nodeCertificate, "brokers-0", "brokers-1"))
	_, stranger := issued(t, other, strings.ReplaceAll(nodeCertificate, "brokers-0", "brokers-9"))
	end := func(s *corev1.Secret) TLSEnd {
		kp, err := KeyPair(s.Data["tls.crt"], s.Data["tls.key"])
		require.NoError(t, err)
		pool, err := TrustPool(s.Data["ca.crt"])
		require.NoError(t, err)
		return TLSEnd{Cert: kp, Trust: pool}
	}
	srv, cli := end(server), end(client)

	require.NoError(t, Handshake(cli, srv, "my-cluster-brokers-0.my-cluster-kafka-brokers.kafka.svc", true))
	require.NoError(t, Handshake(cli, srv, "10.0.0.1", true))
	require.NoError(t, Handshake(TLSEnd{Trust: ca.Pool()}, srv, "my-cluster-kafka-bootstrap.kafka.svc", false))

	err = Handshake(cli, srv, "my-cluster-brokers-1.my-cluster-kafka-brokers.kafka.svc", true)
	require.Error(t, err, "a name the certificate does not hold")
	assert.Contains(t, err.Error(), "certificate is valid for")
	require.Error(t, Handshake(TLSEnd{Trust: ca.Pool()}, srv, "my-cluster-kafka-bootstrap.kafka.svc", true),
		"no client certificate where one is required")
	require.Error(t, Handshake(end(stranger), srv, "my-cluster-kafka-bootstrap.kafka.svc", true),
		"a client certificate from another CA")
	require.Error(t, Handshake(TLSEnd{Trust: other.Pool()}, srv, "my-cluster-kafka-bootstrap.kafka.svc", false),
		"a server certificate from a CA the client does not trust")
}

// TestDecodeStrict: a field cert-manager's type does not have fails.
func TestDecodeStrict(t *testing.T) {
	_, err := DecodeCertificate(parseOne(t, strings.Replace(nodeCertificate, "  commonName:", "  commonname:", 1)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unknown field")
	_, err = DecodeCertificate(parseOne(t, strings.Replace(nodeCertificate, "cert-manager.io/v1", "cert-manager.io/v1alpha2", 1)))
	require.Error(t, err)
}

// TestReferences runs the reference scanner on today's operator-mode
// render of the kafka-node-pools example: it must find the node Secrets the
// configuration reads, report them while they are missing, and report a
// Secret the service account may not read.
func TestReferences(t *testing.T) {
	objs := mustRender(t, nil, filepath.Join(RepositoryRoot(), "examples", "kafka-node-pools"))
	refs, err := SecretRefs(objs)
	require.NoError(t, err)
	var found bool
	for _, r := range refs {
		if r.Secret == "my-cluster-brokers-0" && r.Key == "my-cluster-brokers-0.crt" {
			found = true
			assert.True(t, r.ViaAPI)
			assert.Equal(t, []string{"my-cluster-kafka"}, r.Readers)
		}
	}
	require.True(t, found, "the broker's keystore reference")

	missing := Resolve(objs, refs, SecretStore{})
	assert.NotEmpty(t, missing)
	assert.Contains(t, strings.Join(missing, "\n"), "Secret kafka/my-cluster-brokers-0 key my-cluster-brokers-0.crt")

	// Every referenced key present: only RBAC can fail, and does not.
	store := SecretStore{}
	for _, r := range refs {
		s := store.Get(r.Cluster, r.Namespace, r.Secret)
		if s == nil {
			s = UserSecret(r.Namespace, r.Secret, map[string][]byte{})
			require.NoError(t, store.Add(r.Cluster, s))
		}
		s.Data[r.Key] = []byte("x")
	}
	assert.Empty(t, Resolve(objs, refs, store))

	// Without the Role, the configuration's reads are refused.
	var noRole []Object
	for _, o := range objs {
		if o.Kind != "Role" {
			noRole = append(noRole, o)
		}
	}
	assert.Contains(t, strings.Join(Resolve(noRole, refs, store), "\n"), "service account my-cluster-kafka may not get it")
}
