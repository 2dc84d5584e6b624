package certmanager

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"sigs.k8s.io/yaml"
)

func TestNodeCertificate(t *testing.T) {
	ca := CA{Issuer: IssuerRef{Name: "ca-issuer", Kind: "Issuer", Group: "cert-manager.io"}}
	c := Component{Cluster: "my-cluster", Namespace: "kafka", Labels: map[string]string{"strimzi.io/cluster": "my-cluster", "app.kubernetes.io/managed-by": "strimzi-cluster-operator"}}
	out, err := yaml.Marshal(ca.Node(c, "my-cluster-dual-role-0", []string{"my-cluster-kafka-bootstrap"}, []string{"10.0.0.1"}))
	assert.NoError(t, err)
	assert.Equal(t, `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  labels:
    app.kubernetes.io/managed-by: strimzi-cluster-operator
    strimzi.io/cluster: my-cluster
  name: my-cluster-dual-role-0
  namespace: kafka
spec:
  commonName: my-cluster-kafka
  dnsNames:
  - my-cluster-kafka-bootstrap
  duration: 8760h
  ipAddresses:
  - 10.0.0.1
  isCA: false
  issuerRef:
    group: cert-manager.io
    kind: Issuer
    name: ca-issuer
  privateKey:
    algorithm: RSA
    encoding: PKCS8
    size: 2048
  renewBefore: 720h
  secretName: my-cluster-dual-role-0-cm
  secretTemplate:
    labels:
      app.kubernetes.io/managed-by: cert-manager
      strimzi.io/cluster: my-cluster
  subject:
    organizations:
    - io.strimzi
  usages:
  - digital signature
  - key encipherment
  - server auth
  - client auth
`, string(out))
}

func TestClientCertificates(t *testing.T) {
	ca := CA{Issuer: IssuerRef{Name: "i", Kind: "ClusterIssuer"}, ValidityDays: 10, RenewalDays: 2}
	c := Component{Cluster: "c", Namespace: "ns", Labels: map[string]string{}}
	for name, tc := range map[string]struct {
		cert       *Certificate
		secret, cn string
	}{
		"topic operator": {ca.TopicOperator(c), "c-entity-topic-operator-certs", "c-entity-topic-operator"},
		"user operator":  {ca.UserOperator(c), "c-entity-user-operator-certs", "c-entity-user-operator"},
		"kafka exporter": {ca.KafkaExporter(c), "c-kafka-exporter-certs", "c-kafka-exporter"},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.secret, tc.cert.Name)
			assert.Equal(t, tc.secret+"-cm", tc.cert.Spec.SecretName)
			assert.Equal(t, tc.cn, tc.cert.Spec.CommonName)
			assert.Empty(t, tc.cert.Spec.DNSNames)
			assert.Equal(t, "240h", tc.cert.Spec.Duration)
			assert.Equal(t, "48h", tc.cert.Spec.RenewBefore)
		})
	}
}

func TestCruiseControlCertificate(t *testing.T) {
	c := CA{Issuer: IssuerRef{Name: "i", Kind: "Issuer"}}.CruiseControl(Component{Cluster: "c", Namespace: "ns", Labels: map[string]string{}}, "cluster.local")
	assert.Equal(t, "c-cruise-control-certs", c.Name)
	assert.Equal(t, "c-cruise-control-certs-cm", c.Spec.SecretName)
	assert.Equal(t, "c-cruise-control", c.Spec.CommonName)
	assert.Equal(t, []string{"c-cruise-control", "c-cruise-control.ns", "c-cruise-control.ns.svc", "c-cruise-control.ns.svc.cluster.local", "localhost"}, c.Spec.DNSNames)
}
