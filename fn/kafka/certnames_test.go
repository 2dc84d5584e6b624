package kafka

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The names of a node's certificate, as Strimzi 1.2.0 gives them: the
// Services and the pod for every node, the listeners' names for brokers.
func TestCertificateNames(t *testing.T) {
	k, pools := decodeAll(t, `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: {name: foo, namespace: ns}
spec:
  kafka:
    listeners:
    - name: tls
      port: 9093
      type: internal
      tls: true
      configuration:
        bootstrap: {alternativeNames: [foo.example.com]}
        brokers: [{broker: 0, advertisedHost: "2001:db8::1"}]
    - name: plain
      port: 9092
      type: internal
      tls: false
      configuration:
        brokers: [{broker: 0, advertisedHost: plain.example.com}]
    - name: ip
      port: 9094
      type: cluster-ip
      tls: true
      configuration:
        bootstrap: {alternativeNames: [10.0.0.1, foo.example.com]}
`, pool("b", "1", "[broker]", "[0]"), pool("c", "1", "[controller]", "[1]"))
	m, err := New(k, pools, defaults(t), Inputs{}, nil)
	require.NoError(t, err)
	common := []string{
		"foo-kafka-bootstrap", "foo-kafka-bootstrap.ns", "foo-kafka-bootstrap.ns.svc", "foo-kafka-bootstrap.ns.svc.cluster.local",
		"foo-kafka-brokers", "foo-kafka-brokers.ns", "foo-kafka-brokers.ns.svc", "foo-kafka-brokers.ns.svc.cluster.local",
	}
	nodes := m.Nodes()
	dns, ips := m.CertificateNames(nodes[0])
	assert.Equal(t, append(common,
		"foo-b-0.foo-kafka-brokers.ns.svc", "foo-b-0.foo-kafka-brokers.ns.svc.cluster.local",
		"foo.example.com",
		"foo-kafka-ip-bootstrap", "foo-kafka-ip-bootstrap.ns", "foo-kafka-ip-bootstrap.ns.svc", "foo-kafka-ip-bootstrap.ns.svc.cluster.local",
		"foo-b-ip-0.ns.svc",
	), dns, "a broker: no names of the plain listener")
	assert.Equal(t, []string{"10.0.0.1", "2001:db8::1"}, ips)

	dns, ips = m.CertificateNames(nodes[1])
	assert.Equal(t, append(common, "foo-c-1.foo-kafka-brokers.ns.svc", "foo-c-1.foo-kafka-brokers.ns.svc.cluster.local"), dns,
		"a controller: the Services and its pod only")
	assert.Empty(t, ips)
}
