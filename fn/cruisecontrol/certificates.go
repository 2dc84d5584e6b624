package cruisecontrol

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/certmanager"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Keys of the certificate Secret (Ca.SecretEntry with COMPONENT_TYPE).
const (
	keyTLSCert = componentType + ".crt"
	keyTLSKey  = componentType + ".key"
	keyCACert  = "ca.crt"
)

// Certificates are the Secrets the Cruise Control pod mounts. Where they
// come from is the certificate mode's business; the model only names them,
// and volumes and the note both read this one struct.
type Certificates struct {
	// Server holds the REST API's server certificate, also the client
	// certificate Cruise Control presents to Kafka, signed by the cluster
	// CA, and its key: keys cruise-control.crt and cruise-control.key, or
	// ServerCertKey and ServerKeyKey, which the volume then maps to the
	// file names the image reads (tls.crt and tls.key of cert-manager, say).
	Server                      string
	ServerCertKey, ServerKeyKey string
	// ClusterCA holds the cluster CA certificate, in key ca.crt or
	// ClusterCAKey, which the volume then maps to ca.crt.
	ClusterCA    string
	ClusterCAKey string
	// API holds the REST API credentials: healthcheck.password,
	// rebalance-operator.password and cruise-control.authFile.
	API string
	// TopicOperatorAPI holds the Topic Operator's API credentials, which
	// the authFile must include.
	TopicOperatorAPI string
	// Issuer is set in cert-manager mode: it issues Server, which the model
	// then renders as a Certificate, and the note leaves out Server and
	// ClusterCA, which the user or cert-manager provide.
	Issuer *certmanager.CA
}

// OperatorCA names the Secrets as Strimzi's operator creates them
// (CruiseControlResources, KafkaResources).
func OperatorCA(cluster string) Certificates {
	return Certificates{
		Server:           names.CruiseControlCerts(cluster),
		ServerCertKey:    keyTLSCert,
		ServerKeyKey:     keyTLSKey,
		ClusterCA:        names.ClusterCACert(cluster),
		API:              names.CruiseControlAPI(cluster),
		TopicOperatorAPI: names.EntityTopicOperatorCruiseControlAPI(cluster),
	}
}

// Note names the Secrets the pod mounts, which the operator generates (from
// its CA, and with random passwords) and a renderer cannot: one warning at
// spec.cruiseControl. Nil for a nil model.
func (m *Model) Note() []results.Problem {
	if m == nil {
		return nil
	}
	ns := m.in.Namespace
	users := []string{healthCheckUser + ": <password>, USER", rebalanceUser + ": <password>, ADMIN"}
	if m.in.TopicOperator {
		users = append(users, fmt.Sprintf("%s: <password>, ADMIN with the password of Secret %s (keys topic-operator.apiAdminName and topic-operator.apiAdminPassword)",
			topicOperatorUser, m.certs.TopicOperatorAPI))
	}
	if ref := m.apiUsersRef(); ref != "" {
		users = append(users, "the lines of "+ref)
	}
	if m.certs.Issuer != nil {
		return []results.Problem{results.Warningf(Path,
			"Cruise Control %s reads a Secret the operator generates and strimzi-render does not: "+
				"Secret %s (keys %s and %s, the passwords of the users %s and %s, and %s, one line per user: %s). "+
				"Create it before the pod starts; docs/cruise-control.md shows how",
			m.Name, m.certs.API, healthCheckPassword, rebalancePassword, healthCheckUser, rebalanceUser, authFileKey, strings.Join(users, "; "))}
	}
	return []results.Problem{results.Warningf(Path,
		"Cruise Control %s reads Secrets the operator generates and strimzi-render does not: "+
			"Secret %s (keys %s and %s: a certificate signed by the cluster CA for %s, %s.%s, %s.%s.svc, %s.%s.svc.%s and localhost, and its key), "+
			"Secret %s (key ca.crt, the cluster CA certificate) and "+
			"Secret %s (keys %s and %s, the passwords of the users %s and %s, and %s, one line per user: %s). "+
			"Create them before the pod starts, for example by running the Strimzi operator once; docs/cruise-control.md shows how",
		m.Name, m.certs.Server, m.certs.serverCertKey(), m.certs.serverKeyKey(), m.Name, m.Name, ns, m.Name, ns, m.Name, ns, m.cfg.ClusterDomain,
		m.certs.ClusterCA,
		m.certs.API, healthCheckPassword, rebalancePassword, healthCheckUser, rebalanceUser, authFileKey, strings.Join(users, "; "))}
}

// apiUsersRef names the user's own API users, "" without apiUsers.
func (m *Model) apiUsersRef() string {
	u := m.spec.APIUsers
	if u == nil || u.ValueFrom == nil || u.ValueFrom.SecretKeyRef == nil {
		return ""
	}
	return fmt.Sprintf("Secret %s key %s (spec.cruiseControl.apiUsers)", u.ValueFrom.SecretKeyRef.Name, u.ValueFrom.SecretKeyRef.Key)
}

func (c Certificates) serverCertKey() string { return orDefault(c.ServerCertKey, keyTLSCert) }
func (c Certificates) serverKeyKey() string  { return orDefault(c.ServerKeyKey, keyTLSKey) }

// serverItems maps the Secret's keys to the file names the image reads,
// nil when they are those names already.
func (c Certificates) serverItems() []corev1.KeyToPath {
	if c.serverCertKey() == keyTLSCert && c.serverKeyKey() == keyTLSKey {
		return nil
	}
	return []corev1.KeyToPath{{Key: c.serverCertKey(), Path: keyTLSCert}, {Key: c.serverKeyKey(), Path: keyTLSKey}}
}

// clusterCAItems maps the CA Secret's key to ca.crt, nil when it is ca.crt.
func (c Certificates) clusterCAItems() []corev1.KeyToPath {
	if c.ClusterCAKey == "" || c.ClusterCAKey == keyCACert {
		return nil
	}
	return []corev1.KeyToPath{{Key: c.ClusterCAKey, Path: keyCACert}}
}

// Certificate is Cruise Control's cert-manager Certificate, nil outside
// cert-manager mode.
func (m *Model) Certificate() *certmanager.Certificate {
	if m == nil || m.certs.Issuer == nil {
		return nil
	}
	return m.certs.Issuer.CruiseControl(certmanager.Component{Cluster: m.in.Cluster, Namespace: m.in.Namespace, Labels: m.resourceLabels}, m.cfg.ClusterDomain)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
