package kafka

import (
	"fmt"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/certmanager"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Issuer kinds a cert-manager.io CA may name.
const (
	issuerKind        = "Issuer"
	clusterIssuerKind = "ClusterIssuer"
)

// effectiveCA is a Kafka's spec.clusterCa or spec.clientsCa with the
// function config's default applied: a CA without its own type takes the
// default's, and its certManager unless it sets one.
func effectiveCA(own *strimzi.CertificateAuthority, def config.CADefault) strimzi.CertificateAuthority {
	var ca strimzi.CertificateAuthority
	if own != nil {
		ca = *own
	}
	if ca.Type == "" {
		ca.Type = def.Type
	}
	if ca.CertManager == nil && def.CertManager != nil {
		ca.CertManager = &strimzi.CertManager{}
		if r := def.CertManager.IssuerRef; r != nil {
			ca.CertManager.IssuerRef = &strimzi.IssuerRef{Name: r.Name, Kind: r.Kind, Group: r.Group}
		}
		if c := def.CertManager.CACert; c != nil {
			ca.CertManager.CACert = &strimzi.CACert{SecretName: c.SecretName, Certificate: c.Certificate}
		}
	}
	return ca
}

// ClusterCA and ClientsCA are the Kafka's CAs with the config's defaults.
func (m *Model) ClusterCA() strimzi.CertificateAuthority {
	return effectiveCA(m.cr.Spec.ClusterCa, m.cfg.Certificates.ClusterCA)
}

// ClientsCA is spec.clientsCa with the config's default.
func (m *Model) ClientsCA() strimzi.CertificateAuthority {
	return effectiveCA(m.cr.Spec.ClientsCa, m.cfg.Certificates.ClientsCA)
}

// certManagerCA is the issuer and validity the Certificates of a
// cert-manager.io CA share; ok is false for a CA of the operator's.
func certManagerCA(ca strimzi.CertificateAuthority) (certmanager.CA, bool) {
	if !ca.CertManagerMode() || ca.CertManager == nil || ca.CertManager.IssuerRef == nil {
		return certmanager.CA{}, false
	}
	r := ca.CertManager.IssuerRef
	group := r.Group
	if group == "" {
		group = config.DefaultIssuerGroup
	}
	return certmanager.CA{
		Issuer:       certmanager.IssuerRef{Name: r.Name, Kind: r.Kind, Group: group},
		ValidityDays: ca.ValidityDays, RenewalDays: ca.RenewalDays,
	}, true
}

// caProblems checks one CA of type cert-manager.io, at path (spec.clusterCa
// or spec.clientsCa). needsCRT is set when the Topic or User Operator
// trusts the CA: they read every .crt key of the Secret.
func (v *validator) caProblems(path string, own *strimzi.CertificateAuthority, def config.CADefault, needsCRT bool) {
	ca := effectiveCA(own, def)
	if !ca.CertManagerMode() {
		return
	}
	validity, renewal := orDefault(ca.ValidityDays, certmanager.DefaultValidityDays), orDefault(ca.RenewalDays, certmanager.DefaultRenewalDays)
	if renewal >= validity {
		v.errorf("", path+".renewalDays", "renewalDays (%d) must be less than validityDays (%d): they become the Certificates' renewBefore and duration, which cert-manager refuses otherwise", renewal, validity)
	}
	if g := ca.GenerateCertificateAuthority; g != nil && *g {
		v.errorf("", path+".generateCertificateAuthority", "type cert-manager.io needs generateCertificateAuthority: false: cert-manager issues the certificates from a CA the user provides")
	}
	cm := ca.CertManager
	if cm == nil {
		v.errorf("", path+".certManager", "type cert-manager.io needs certManager.issuerRef and certManager.caCert")
		return
	}
	switch r := cm.IssuerRef; {
	case r == nil || r.Name == "":
		v.errorf("", path+".certManager.issuerRef", "type cert-manager.io needs issuerRef.name and issuerRef.kind: the Issuer or ClusterIssuer that signs the certificates")
	case r.Kind != issuerKind && r.Kind != clusterIssuerKind:
		v.errorf("", path+".certManager.issuerRef.kind", "unsupported value %q: use %s or %s", r.Kind, issuerKind, clusterIssuerKind)
	default:
		v.dnsSubdomain(path+".certManager.issuerRef.name", "an issuer name", r.Name)
		if r.Group != "" {
			v.dnsSubdomain(path+".certManager.issuerRef.group", "an API group", r.Group)
		}
	}
	switch c := cm.CACert; {
	case c == nil || c.SecretName == "" || c.Certificate == "":
		v.errorf("", path+".certManager.caCert", "type cert-manager.io needs caCert.secretName and caCert.certificate: the Secret and key of the CA certificates to trust")
	default:
		v.secretKey(path+".certManager.caCert", c.SecretName, "certificate", c.Certificate)
		if needsCRT && !strings.HasSuffix(c.Certificate, ".crt") {
			v.errorf("", path+".certManager.caCert.certificate", "%q must end in .crt: the Topic and User Operators trust every .crt key of Secret %s", c.Certificate, c.SecretName)
		}
	}
}

// dnsSubdomain reports a name Kubernetes would not accept.
func (v *validator) dnsSubdomain(path, what, name string) {
	for _, msg := range validation.IsDNS1123Subdomain(name) {
		v.errorf("", path, "%q is not %s: %s", name, what, msg)
	}
}

// secretKey checks a Secret name and key that server.config reads through
// ${strimzisecrets:<namespace>/<name>:<key>}: they must be what Kubernetes
// accepts, so neither can change the reference.
func (v *validator) secretKey(at, name, keyField, key string) {
	v.dnsSubdomain(at+".secretName", "a Secret name", name)
	for _, msg := range validation.IsConfigMapKey(key) {
		v.errorf("", at+"."+keyField, "%q is not a Secret key: %s", key, msg)
	}
}

// certificateAuthorities checks spec.clusterCa and spec.clientsCa.
func (v *validator) certificateAuthorities() {
	eo := v.k.Spec.EntityOperator
	operators := eo != nil && (eo.TopicOperator != nil || eo.UserOperator != nil)
	v.caProblems("spec.clusterCa", v.k.Spec.ClusterCa, v.cfg.Certificates.ClusterCA, operators)
	v.caProblems("spec.clientsCa", v.k.Spec.ClientsCa, v.cfg.Certificates.ClientsCA, false)
	if v.spec == nil || !effectiveCA(v.k.Spec.ClusterCa, v.cfg.Certificates.ClusterCA).CertManagerMode() {
		return
	}
	// With cert-manager nothing copies a listener's own certificate into
	// the node's Secret: server.config names the user's Secret.
	for i, l := range v.spec.Listeners {
		if c := l.Configuration; c != nil && c.BrokerCertChainAndKey != nil {
			cc := c.BrokerCertChainAndKey
			at := fmt.Sprintf("spec.kafka.listeners[%d].configuration.brokerCertChainAndKey", i)
			if cc.SecretName != "" && cc.Certificate != "" && cc.Key != "" {
				v.secretKey(at, cc.SecretName, "certificate", cc.Certificate)
				for _, msg := range validation.IsConfigMapKey(cc.Key) {
					v.errorf("", at+".key", "%q is not a Secret key: %s", cc.Key, msg)
				}
			}
		}
	}
}

// tlsSources says where server.config reads the TLS material: the
// operator's Secrets, or with a cert-manager.io CA the Secrets cert-manager
// writes for each node's Certificate and the user's CA Secret, which
// nothing copies.
func (m *Model) tlsSources() brokerconfig.Certificates {
	var c brokerconfig.Certificates
	if ca := m.ClusterCA(); ca.CertManagerMode() {
		c.NodeSecret = func(n nodepools.Node) string { return certmanager.SecretName(n.Pod) }
		c.ClusterCA = &brokerconfig.SecretKey{Secret: ca.CertManager.CACert.SecretName, Key: ca.CertManager.CACert.Certificate}
	}
	if ca := m.ClientsCA(); ca.CertManagerMode() {
		c.ClientsCA = &brokerconfig.SecretKey{Secret: ca.CertManager.CACert.SecretName, Key: ca.CertManager.CACert.Certificate}
	}
	return c
}

// NodeCertificates are the cert-manager Certificates of a pool's nodes,
// nil unless the cluster CA is of type cert-manager.io.
func (m *Model) NodeCertificates(p *Pool) []*certmanager.Certificate {
	ca, ok := certManagerCA(m.ClusterCA())
	if !ok {
		return nil
	}
	c := certmanager.Component{Cluster: m.Name, Namespace: m.Namespace, Labels: m.resourceLabels}
	out := make([]*certmanager.Certificate, 0, len(p.Nodes))
	for _, n := range p.Nodes {
		dns, ips := m.CertificateNames(n)
		out = append(out, ca.Node(c, n.Pod, dns, ips))
	}
	return out
}

// CACertClashes reports a CA Secret that the rendered objects would create
// themselves, or that cert-manager writes for one of their Certificates:
// the user's CA Secret must be neither. Problems about a CA whose
// certManager comes from the function config's default have paths in the
// function config and onConfig set.
func (m *Model) CACertClashes(objs []specs.Object) (onKafka, onConfig []results.Problem) {
	rendered := map[string]string{}
	for _, o := range objs {
		switch o := o.(type) {
		case *corev1.Secret:
			rendered[o.Name] = "is a Secret strimzi-render renders"
		case *certmanager.Certificate:
			rendered[o.Spec.SecretName] = "is the Secret cert-manager writes for Certificate " + o.Name
		}
	}
	for _, ca := range []struct {
		name string
		own  *strimzi.CertificateAuthority
		ca   strimzi.CertificateAuthority
	}{{"clusterCa", m.cr.Spec.ClusterCa, m.ClusterCA()}, {"clientsCa", m.cr.Spec.ClientsCa, m.ClientsCA()}} {
		if !ca.ca.CertManagerMode() {
			continue
		}
		secret := ca.ca.CertManager.CACert.SecretName
		why, ok := rendered[secret]
		if !ok {
			continue
		}
		p := results.Errorf("spec."+ca.name+".certManager.caCert.secretName",
			"Secret %s %s: name the Secret holding the CA certificates, which the user creates", secret, why)
		if ca.own == nil || ca.own.CertManager == nil {
			p.Path = "spec.certificates." + ca.name + ".certManager.caCert.secretName"
			onConfig = append(onConfig, p)
			continue
		}
		onKafka = append(onKafka, p)
	}
	return onKafka, onConfig
}

func orDefault(days, def int) int {
	if days > 0 {
		return days
	}
	return def
}
