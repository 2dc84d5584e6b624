package entityoperator

import (
	"fmt"
	"strings"

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
}

// operatorCA names the Secrets as Strimzi's operator issues them from its
// own CAs (KafkaResources).
func operatorCA(c Cluster) Certificates {
	return Certificates{
		CA:               c.CA,
		TopicOperator:    names.EntityTopicOperatorCerts(c.Name),
		UserOperator:     names.EntityUserOperatorCerts(c.Name),
		CruiseControlAPI: names.EntityTopicOperatorCruiseControlAPI(c.Name),
	}
}

// Notes are the warnings about a valid Entity Operator: the Secrets only
// the operator creates, which the pod needs before it starts.
func (m *Model) Notes() []results.Problem {
	if m == nil {
		return nil
	}
	var secrets []string
	if m.Topic != nil {
		secrets = append(secrets, fmt.Sprintf("Secret %s (keys %s and %s, a client certificate signed by the cluster CA)", m.certs.TopicOperator, keyTLSCert, keyTLSKey))
		if m.Topic.cruiseControl {
			secrets = append(secrets, fmt.Sprintf("Secret %s (the Topic Operator's Cruise Control API credentials)", m.certs.CruiseControlAPI))
		}
	}
	if m.User != nil {
		secrets = append(secrets, fmt.Sprintf("Secret %s (keys %s and %s, a client certificate signed by the cluster CA)", m.certs.UserOperator, keyTLSCert, keyTLSKey))
	}
	secrets = append(secrets, fmt.Sprintf("Secret %s (key ca.crt)", m.certs.CA.ClusterCert))
	if m.User != nil {
		secrets = append(secrets, fmt.Sprintf("Secret %s (key ca.crt) and Secret %s (key ca.key), the clients CA the User Operator signs user certificates with",
			m.certs.CA.ClientsCert, m.certs.CA.ClientsKey))
	}
	return []results.Problem{results.Warningf("spec.entityOperator",
		"the Entity Operator reads certificates from Secrets the operator creates and strimzi-render does not: %s. Create them before the pod starts, for example by running the Strimzi operator once",
		strings.Join(secrets, ", "))}
}
