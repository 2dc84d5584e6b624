package brokerconfig

import (
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// SecretKey is one key of a Secret in the cluster's namespace.
type SecretKey struct {
	Secret string
	Key    string
}

// Certificates says where server.config reads TLS material. The zero value
// is the operator's CA mode: each node's Secret named like its pod, the CAs
// from the trust bundle, custom listener certificates copied into the
// node's Secret.
type Certificates struct {
	// NodeSecret, when set, names the Secret of a node's certificate, read
	// under the keys tls.crt and tls.key (cert-manager mode).
	NodeSecret func(n nodepools.Node) string
	// ClusterCA and ClientsCA, when set, hold the CA certificates to trust.
	ClusterCA *SecretKey
	ClientsCA *SecretKey
}

// Keys of a Secret cert-manager writes.
const (
	certManagerCert = "tls.crt"
	certManagerKey  = "tls.key"
)

// nodeCert is where a node's certificate chain and key are.
func (c *Cluster) nodeCert(n nodepools.Node) (crt, key SecretKey) {
	if f := c.Certificates.NodeSecret; f != nil {
		s := f(n)
		return SecretKey{s, certManagerCert}, SecretKey{s, certManagerKey}
	}
	return SecretKey{n.Pod, n.Pod + ".crt"}, SecretKey{n.Pod, n.Pod + ".key"}
}

// clusterTrust holds the cluster CA certificates.
func (c *Cluster) clusterTrust() SecretKey {
	if t := c.Certificates.ClusterCA; t != nil {
		return *t
	}
	return SecretKey{names.KafkaTrustBundle(c.Name), "cluster-ca.crt"}
}

// clientsTrust holds the clients CA certificates of TLS client authentication.
func (c *Cluster) clientsTrust() SecretKey {
	if t := c.Certificates.ClientsCA; t != nil {
		return *t
	}
	return SecretKey{names.KafkaTrustBundle(c.Name), "clients-ca.crt"}
}

// listenerCert is the certificate a listener presents: the node's, or the
// user's. The operator copies the user's into the node's Secret under
// <name>-<port>.crt and .key; with cert-manager nothing copies it, so it is
// read from the user's Secret.
func (c *Cluster) listenerCert(l Listener, n nodepools.Node) (crt, key SecretKey) {
	if !l.Config.CustomCert {
		return c.nodeCert(n)
	}
	if c.Certificates.NodeSecret != nil {
		u := l.Config.UserCert
		return SecretKey{u.Secret, u.Certificate}, SecretKey{u.Secret, u.Key}
	}
	return SecretKey{n.Pod, l.Identifier() + ".crt"}, SecretKey{n.Pod, l.Identifier() + ".key"}
}

// ref is the config-provider reference to k.
func (c *Cluster) ref(k SecretKey) string { return c.secretRef(k.Secret, k.Key) }
