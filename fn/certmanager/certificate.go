package certmanager

import (
	"maps"
	"strconv"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
)

// Group, version and kind of a cert-manager Certificate.
const (
	Group      = "cert-manager.io"
	APIVersion = Group + "/v1"
	Kind       = "Certificate"
)

// SecretSuffix is added to the name of the Secret Strimzi uses to name the
// Secret cert-manager writes (proposal 100).
const SecretSuffix = "-cm"

// Keys of the Secret cert-manager writes for a Certificate.
const (
	KeyCert = "tls.crt"
	KeyKey  = "tls.key"
	KeyCA   = "ca.crt"
)

// organization is the subject organisation of every certificate Strimzi
// issues from its cluster CA (Ca.IO_STRIMZI).
const organization = "io.strimzi"

// managedBy is app.kubernetes.io/managed-by of the Secrets: cert-manager
// writes them, as proposal 100's example has it.
const managedBy = "cert-manager"

// Certificate is a cert-manager.io/v1 Certificate, with the fields the
// renderer sets.
type Certificate struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              CertificateSpec `json:"spec"`
}

// CertificateSpec is the spec of a Certificate.
type CertificateSpec struct {
	SecretName     string          `json:"secretName"`
	SecretTemplate *SecretTemplate `json:"secretTemplate,omitempty"`
	PrivateKey     *PrivateKey     `json:"privateKey,omitempty"`
	Duration       string          `json:"duration,omitempty"`
	RenewBefore    string          `json:"renewBefore,omitempty"`
	// IsCA is written even when false, as proposal 100's example has it.
	IsCA        bool      `json:"isCA"`
	Subject     *Subject  `json:"subject,omitempty"`
	CommonName  string    `json:"commonName,omitempty"`
	DNSNames    []string  `json:"dnsNames,omitempty"`
	IPAddresses []string  `json:"ipAddresses,omitempty"`
	Usages      []string  `json:"usages,omitempty"`
	IssuerRef   IssuerRef `json:"issuerRef"`
}

// SecretTemplate holds the labels and annotations of the Secret.
type SecretTemplate struct {
	Labels      map[string]string `json:"labels,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

// PrivateKey says how cert-manager generates the key.
type PrivateKey struct {
	Algorithm string `json:"algorithm,omitempty"`
	Encoding  string `json:"encoding,omitempty"`
	Size      int    `json:"size,omitempty"`
}

// Subject is the X.509 subject beside the common name.
type Subject struct {
	Organizations []string `json:"organizations,omitempty"`
}

// IssuerRef names the Issuer or ClusterIssuer that signs the certificate.
type IssuerRef struct {
	Name  string `json:"name"`
	Kind  string `json:"kind,omitempty"`
	Group string `json:"group,omitempty"`
}

// CA is what every Certificate of one CA shares: its issuer and validity.
type CA struct {
	Issuer IssuerRef
	// ValidityDays and RenewalDays are the CA's validityDays and
	// renewalDays; zero means Strimzi's defaults.
	ValidityDays int
	RenewalDays  int
}

// Strimzi's defaults for a CA's validity and renewal (CertificateAuthority).
const (
	DefaultValidityDays = 365
	DefaultRenewalDays  = 30
)

// usages are the key usages of every end-entity certificate Strimzi
// issues: both sides of TLS, as its openssl.conf's server_ext sets them.
var usages = []string{"digital signature", "key encipherment", "server auth", "client auth"}

// request is one certificate to ask for.
type request struct {
	// Secret is the Secret Strimzi uses; the Certificate takes its name,
	// cert-manager writes <Secret>-cm.
	Secret     string
	Namespace  string
	Labels     map[string]string
	CommonName string
	DNSNames   []string
	IPs        []string
}

// build is the Certificate of r, issued by ca. Its private key is RSA 2048
// in PKCS#8: proposal 100 asks for PKCS#1, but the pods read the key
// straight from cert-manager's Secret and Kafka's PEM key store loads
// PKCS#8 keys only.
func (ca CA) build(r request) *Certificate {
	secretLabels := maps.Clone(r.Labels)
	secretLabels[labels.AppManagedBy] = managedBy
	return &Certificate{
		TypeMeta:   metav1.TypeMeta{APIVersion: APIVersion, Kind: Kind},
		ObjectMeta: metav1.ObjectMeta{Name: r.Secret, Namespace: r.Namespace, Labels: maps.Clone(r.Labels)},
		Spec: CertificateSpec{
			SecretName:     SecretName(r.Secret),
			SecretTemplate: &SecretTemplate{Labels: secretLabels},
			PrivateKey:     &PrivateKey{Algorithm: "RSA", Encoding: "PKCS8", Size: 2048},
			Duration:       hours(days(ca.ValidityDays, DefaultValidityDays)),
			RenewBefore:    hours(days(ca.RenewalDays, DefaultRenewalDays)),
			Subject:        &Subject{Organizations: []string{organization}},
			CommonName:     r.CommonName,
			DNSNames:       r.DNSNames,
			IPAddresses:    r.IPs,
			Usages:         usages,
			IssuerRef:      ca.Issuer,
		},
	}
}

// SecretName is the Secret cert-manager writes for the certificate Strimzi
// keeps in secret.
func SecretName(secret string) string { return secret + SecretSuffix }

func days(d, def int) int {
	if d > 0 {
		return d
	}
	return def
}

// hours writes days as a Go duration, which cert-manager reads.
func hours(days int) string { return strconv.Itoa(days*24) + "h" }
