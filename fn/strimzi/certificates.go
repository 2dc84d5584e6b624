package strimzi

// CA types of spec.clusterCa.type and spec.clientsCa.type, a renderer
// extension from Strimzi proposal 100: the operator's own CA, or
// certificates issued by cert-manager.
const (
	CATypeStrimzi     = "strimzi.io"
	CATypeCertManager = "cert-manager.io"
)

// CertificateAuthority is spec.clusterCa or spec.clientsCa; zero days
// stand for Strimzi's defaults. Type and CertManager are the renderer's
// extension (proposal 100); Strimzi 1.2.0's CRD lacks them.
type CertificateAuthority struct {
	GenerateCertificateAuthority *bool        `json:"generateCertificateAuthority,omitempty"`
	ValidityDays                 int          `json:"validityDays,omitempty"`
	RenewalDays                  int          `json:"renewalDays,omitempty"`
	Type                         string       `json:"type,omitempty"`
	CertManager                  *CertManager `json:"certManager,omitempty"`
}

// CertManager is certManager of a CA of type cert-manager.io.
type CertManager struct {
	IssuerRef *IssuerRef `json:"issuerRef,omitempty"`
	CACert    *CACert    `json:"caCert,omitempty"`
}

// IssuerRef names the cert-manager Issuer or ClusterIssuer that signs the
// certificates; it is copied into every Certificate.
type IssuerRef struct {
	Name  string `json:"name,omitempty"`
	Kind  string `json:"kind,omitempty"`
	Group string `json:"group,omitempty"`
}

// CACert is the Secret and key holding the CA certificates to trust, which
// the user creates.
type CACert struct {
	SecretName  string `json:"secretName,omitempty"`
	Certificate string `json:"certificate,omitempty"`
}

// CertManagerMode reports whether the CA is of type cert-manager.io.
func (ca CertificateAuthority) CertManagerMode() bool {
	return ca.Type == CATypeCertManager
}
