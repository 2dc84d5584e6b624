package entityoperator

import (
	"fmt"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/certmanager"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Keys of the operators' certificate Secrets (Ca.SecretEntry with
// EntityOperator.COMPONENT_TYPE).
const (
	keyTLSKey  = componentType + ".key"
	keyTLSCert = componentType + ".crt"
)

// Certificates are the Secrets the Topic and User Operators read their
// certificates and CAs from. Where they come from is the CA mode's
// business; the model only names them.
type Certificates struct {
	CA CASecrets
	// TopicOperator and UserOperator hold each operator's client
	// certificate, signed by the cluster CA.
	TopicOperator string
	UserOperator  string
	// CruiseControlAPI holds the Topic Operator's Cruise Control credentials.
	CruiseControlAPI string
	// KeyName and CertName are the keys of the operators' Secrets.
	KeyName  string
	CertName string
	// ClusterCAKey is the key of the cluster CA certificate in
	// CA.ClusterCert, which the Topic Operator mounts for Cruise Control
	// as ca.crt; "" when it is ca.crt itself.
	ClusterCAKey string
	// certManager is set when the operators' certificates are
	// cert-manager Certificates.
	certManager *certmanager.CA
}

// operatorCA names the Secrets as Strimzi's operator issues them from its
// own CAs (KafkaResources).
func operatorCA(c Cluster) Certificates {
	return Certificates{
		CA:               c.CA,
		TopicOperator:    names.EntityTopicOperatorCerts(c.Name),
		UserOperator:     names.EntityUserOperatorCerts(c.Name),
		CruiseControlAPI: names.EntityTopicOperatorCruiseControlAPI(c.Name),
		KeyName:          keyTLSKey,
		CertName:         keyTLSCert,
	}
}

// certificatesOf names the Secrets in the cluster CA's mode: with
// cert-manager, the Secrets cert-manager writes (tls.crt and tls.key) and
// the user's CA Secret, which nothing copies into Strimzi's.
func certificatesOf(c Cluster) Certificates {
	out := operatorCA(c)
	cm := c.ClusterCertManager
	if cm == nil {
		return out
	}
	out.CA.ClusterCert = cm.TrustSecret
	out.TopicOperator = certmanager.SecretName(names.EntityTopicOperatorCerts(c.Name))
	out.UserOperator = certmanager.SecretName(names.EntityUserOperatorCerts(c.Name))
	out.KeyName, out.CertName = certmanager.KeyKey, certmanager.KeyCert
	if cm.TrustKey != clusterCAKey {
		out.ClusterCAKey = cm.TrustKey
	}
	out.certManager = &cm.CA
	return out
}

// clusterCAKey is the file the Topic Operator reads the cluster CA from
// for Cruise Control (STRIMZI_CRUISE_CONTROL_CRT_FILE_PATH's default).
const clusterCAKey = "ca.crt"

// Certificates are the cert-manager Certificates of the operators, nil
// unless the cluster CA is of type cert-manager.io.
func (m *Model) Certificates() []*certmanager.Certificate {
	if m == nil || m.certs.certManager == nil {
		return nil
	}
	ca := *m.certs.certManager
	var out []*certmanager.Certificate
	if m.Topic != nil {
		out = append(out, ca.TopicOperator(certmanager.Component{Cluster: m.cluster.Name, Namespace: m.cluster.Namespace, Labels: m.Topic.resourceLabels}))
	}
	if m.User != nil {
		out = append(out, ca.UserOperator(certmanager.Component{Cluster: m.cluster.Name, Namespace: m.cluster.Namespace, Labels: m.User.resourceLabels}))
	}
	return out
}

// Notes are the warnings about a valid Entity Operator: the Secrets only
// the operator creates, which the pod needs before it starts. In
// cert-manager mode the operators' certificates are rendered and the CA
// Secrets are the user's, named in the Kafka's one note on them.
func (m *Model) Notes() []results.Problem {
	if m == nil {
		return nil
	}
	var secrets []string
	certManager := m.certs.certManager != nil
	if m.Topic != nil {
		if !certManager {
			secrets = append(secrets, fmt.Sprintf("Secret %s (keys %s and %s, a client certificate signed by the cluster CA)", m.certs.TopicOperator, keyTLSCert, keyTLSKey))
		}
		if m.Topic.cruiseControl {
			secrets = append(secrets, fmt.Sprintf("Secret %s (the Topic Operator's Cruise Control API credentials)", m.certs.CruiseControlAPI))
		}
	}
	if m.User != nil && !certManager {
		secrets = append(secrets, fmt.Sprintf("Secret %s (keys %s and %s, a client certificate signed by the cluster CA)", m.certs.UserOperator, keyTLSCert, keyTLSKey))
	}
	if !certManager {
		secrets = append(secrets, fmt.Sprintf("Secret %s (key ca.crt)", m.certs.CA.ClusterCert))
	}
	if m.User != nil && m.cluster.ClientsIssuer == nil {
		secrets = append(secrets, fmt.Sprintf("Secret %s (key ca.crt) and Secret %s (key ca.key), the clients CA the User Operator signs user certificates with",
			m.certs.CA.ClientsCert, m.certs.CA.ClientsKey))
	}
	if len(secrets) == 0 {
		return nil
	}
	return []results.Problem{results.Warningf("spec.entityOperator",
		"the Entity Operator reads certificates from Secrets the operator creates and strimzi-render does not: %s. Create them before the pod starts, for example by running the Strimzi operator once",
		strings.Join(secrets, ", "))}
}
