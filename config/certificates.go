package config

import (
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// CA types, as spec.clusterCa.type and spec.clientsCa.type of a Kafka take
// them (Strimzi proposal 100).
const (
	CATypeStrimzi     = "strimzi.io"
	CATypeCertManager = "cert-manager.io"
	// DefaultIssuerGroup is issuerRef.group when unset.
	DefaultIssuerGroup = "cert-manager.io"
)

// Certificates are the defaults of every Kafka's certificate authorities.
type Certificates struct {
	ClusterCA CADefault `json:"clusterCa,omitempty"`
	ClientsCA CADefault `json:"clientsCa,omitempty"`
}

// CADefault is the default type and cert-manager settings of one CA.
type CADefault struct {
	Type        string       `json:"type,omitempty"`
	CertManager *CertManager `json:"certManager,omitempty"`
}

// CertManager names the issuer and the CA Secret to trust.
type CertManager struct {
	IssuerRef *IssuerRef `json:"issuerRef,omitempty"`
	CACert    *CACert    `json:"caCert,omitempty"`
}

// IssuerRef is a cert-manager Issuer or ClusterIssuer.
type IssuerRef struct {
	Name  string `json:"name,omitempty"`
	Kind  string `json:"kind,omitempty"`
	Group string `json:"group,omitempty"`
}

// CACert is a key of a Secret holding CA certificates.
type CACert struct {
	SecretName  string `json:"secretName,omitempty"`
	Certificate string `json:"certificate,omitempty"`
}

// validateCertificates checks that a cert-manager.io default names its
// issuer and CA Secret, as a Kafka's own CA must.
func (s Spec) validateCertificates() []results.Problem {
	var ps []results.Problem
	for _, ca := range []struct {
		path string
		d    CADefault
	}{
		{"spec.certificates.clusterCa", s.Certificates.ClusterCA},
		{"spec.certificates.clientsCa", s.Certificates.ClientsCA},
	} {
		if ca.d.Type != CATypeCertManager {
			continue
		}
		cm := ca.d.CertManager
		switch {
		case cm == nil:
			ps = append(ps, fieldf(ca.path+".certManager", "type cert-manager.io needs certManager.issuerRef and certManager.caCert"))
			continue
		case cm.IssuerRef == nil || cm.IssuerRef.Name == "":
			ps = append(ps, fieldf(ca.path+".certManager.issuerRef.name", "type cert-manager.io needs the name of the Issuer or ClusterIssuer"))
		}
		if cm.IssuerRef != nil && cm.IssuerRef.Kind == "" {
			ps = append(ps, fieldf(ca.path+".certManager.issuerRef.kind", "set Issuer or ClusterIssuer"))
		}
		if cm.CACert == nil || cm.CACert.SecretName == "" || cm.CACert.Certificate == "" {
			ps = append(ps, fieldf(ca.path+".certManager.caCert", "type cert-manager.io needs caCert.secretName and caCert.certificate: the Secret and key of the CA certificates to trust"))
		}
	}
	// The names reach server.config and the Certificates as they are.
	for _, ca := range []struct {
		path string
		cm   *CertManager
	}{
		{"spec.certificates.clusterCa.certManager", s.Certificates.ClusterCA.CertManager},
		{"spec.certificates.clientsCa.certManager", s.Certificates.ClientsCA.CertManager},
	} {
		if ca.cm == nil {
			continue
		}
		var names [][2]string
		if r := ca.cm.IssuerRef; r != nil {
			names = append(names, [2]string{"issuerRef.name", r.Name}, [2]string{"issuerRef.group", r.Group})
		}
		if c := ca.cm.CACert; c != nil {
			names = append(names, [2]string{"caCert.secretName", c.SecretName})
			if c.Certificate != "" {
				for _, msg := range validation.IsConfigMapKey(c.Certificate) {
					ps = append(ps, fieldf(ca.path+".caCert.certificate", "%q is not a Secret key: %s", c.Certificate, msg))
				}
			}
		}
		for _, n := range names {
			if n[1] == "" {
				continue
			}
			for _, msg := range validation.IsDNS1123Subdomain(n[1]) {
				ps = append(ps, fieldf(ca.path+"."+n[0], "%q: %s", n[1], msg))
			}
		}
	}
	return ps
}
