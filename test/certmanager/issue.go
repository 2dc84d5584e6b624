package certmanager

import (
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"maps"

	cmapi "github.com/cert-manager/cert-manager/pkg/apis/certmanager/v1"
	cmmeta "github.com/cert-manager/cert-manager/pkg/apis/meta/v1"
	"github.com/cert-manager/cert-manager/pkg/util/pki"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	kjson "sigs.k8s.io/json"
)

// DecodeCertificate decodes a rendered Certificate into cert-manager's own
// v1 type; a field the type does not know is an error, as it would be a
// field the API server prunes. Field names match case-sensitively and a
// duplicate field fails, as in the API server's own decoding.
func DecodeCertificate(o Object) (*cmapi.Certificate, error) {
	if o.APIVersion != cmapi.SchemeGroupVersion.String() || o.Kind != cmapi.CertificateKind {
		return nil, fmt.Errorf("%s: not a %s %s", o, cmapi.SchemeGroupVersion, cmapi.CertificateKind)
	}
	var crt cmapi.Certificate
	strict, err := kjson.UnmarshalStrict(o.JSON, &crt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o, err)
	}
	if len(strict) > 0 {
		return nil, fmt.Errorf("%s: %v", o, errors.Join(strict...))
	}
	return &crt, nil
}

// CA is a certificate authority made in the test, as the CA Issuer's
// Secret would hold it.
type CA struct {
	Cert *x509.Certificate
	Key  crypto.Signer
	PEM  []byte
}

// NewCA makes a self-signed CA through the same pki steps cert-manager's
// SelfSigned issuer takes for a CA Certificate.
func NewCA(commonName string) (*CA, error) {
	crt := &cmapi.Certificate{
		ObjectMeta: metav1.ObjectMeta{Name: "test-ca", Namespace: "test"},
		Spec: cmapi.CertificateSpec{
			CommonName: commonName,
			Subject:    &cmapi.X509Subject{Organizations: []string{"test"}},
			IsCA:       true,
			SecretName: "test-ca",
			PrivateKey: &cmapi.CertificatePrivateKey{Algorithm: cmapi.ECDSAKeyAlgorithm, Size: 256},
			IssuerRef:  cmmeta.IssuerReference{Name: "selfsigned", Kind: "Issuer"},
		},
	}
	key, template, err := request(crt)
	if err != nil {
		return nil, err
	}
	certPEM, cert, err := pki.SignCertificate(template, template, key.Public(), key)
	if err != nil {
		return nil, err
	}
	return &CA{Cert: cert, Key: key, PEM: certPEM}, nil
}

// Pool is a pool holding only the CA.
func (ca *CA) Pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(ca.Cert)
	return p
}

// request does what cert-manager's key and request managers do for a
// Certificate: a private key from spec.privateKey, a signed CSR from the
// spec, and a CertificateRequest; and then what its CA issuer does with the
// request: the certificate template.
func request(crt *cmapi.Certificate) (crypto.Signer, *x509.Certificate, error) {
	key, err := pki.GeneratePrivateKeyForCertificate(crt)
	if err != nil {
		return nil, nil, fmt.Errorf("private key: %w", err)
	}
	csr, err := pki.GenerateCSR(crt)
	if err != nil {
		return nil, nil, fmt.Errorf("CSR: %w", err)
	}
	der, err := pki.EncodeCSR(csr, key)
	if err != nil {
		return nil, nil, fmt.Errorf("CSR: %w", err)
	}
	cr := &cmapi.CertificateRequest{
		ObjectMeta: metav1.ObjectMeta{Name: crt.Name + "-1", Namespace: crt.Namespace},
		Spec: cmapi.CertificateRequestSpec{
			Request:   pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}),
			Duration:  crt.Spec.Duration,
			IsCA:      crt.Spec.IsCA,
			Usages:    crt.Spec.Usages,
			IssuerRef: crt.Spec.IssuerRef,
		},
	}
	template, err := pki.CertificateTemplateFromCertificateRequest(cr)
	if err != nil {
		return nil, nil, fmt.Errorf("template: %w", err)
	}
	return key, template, nil
}

// Issue signs the Certificate with the CA and returns the Secret
// cert-manager writes for it.
func (ca *CA) Issue(crt *cmapi.Certificate) (*corev1.Secret, error) {
	if crt.Spec.SecretName == "" {
		return nil, fmt.Errorf("certificate %s/%s: no secretName", crt.Namespace, crt.Name)
	}
	if len(crt.Spec.AdditionalOutputFormats) > 0 || crt.Spec.Keystores != nil {
		return nil, fmt.Errorf("certificate %s/%s: keystores and additional output formats are not issued by this test", crt.Namespace, crt.Name)
	}
	key, template, err := request(crt)
	if err != nil {
		return nil, fmt.Errorf("certificate %s/%s: %w", crt.Namespace, crt.Name, err)
	}
	bundle, err := pki.SignCSRTemplate([]*x509.Certificate{ca.Cert}, ca.Key, template)
	if err != nil {
		return nil, fmt.Errorf("certificate %s/%s: %w", crt.Namespace, crt.Name, err)
	}
	encoding := cmapi.PKCS1
	if crt.Spec.PrivateKey != nil && crt.Spec.PrivateKey.Encoding != "" {
		encoding = crt.Spec.PrivateKey.Encoding
	}
	keyPEM, err := pki.EncodePrivateKey(key, encoding)
	if err != nil {
		return nil, err
	}
	s := &corev1.Secret{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Secret"},
		ObjectMeta: metav1.ObjectMeta{
			Name:      crt.Spec.SecretName,
			Namespace: crt.Namespace,
			Labels:    map[string]string{cmapi.PartOfCertManagerControllerLabelKey: "true"},
			Annotations: map[string]string{
				cmapi.CertificateNameKey:       crt.Name,
				cmapi.IssuerNameAnnotationKey:  crt.Spec.IssuerRef.Name,
				cmapi.IssuerKindAnnotationKey:  crt.Spec.IssuerRef.Kind,
				cmapi.IssuerGroupAnnotationKey: crt.Spec.IssuerRef.Group,
			},
		},
		Type: corev1.SecretTypeTLS,
		Data: map[string][]byte{
			corev1.TLSCertKey:       bundle.ChainPEM,
			corev1.TLSPrivateKeyKey: keyPEM,
			cmmeta.TLSCAKey:         bundle.CAPEM,
		},
	}
	if t := crt.Spec.SecretTemplate; t != nil {
		maps.Copy(s.Labels, t.Labels)
		maps.Copy(s.Annotations, t.Annotations)
	}
	return s, nil
}

// UserSecret is a Secret the user creates: its data given, as the docs
// tell them to write it.
func UserSecret(namespace, name string, data map[string][]byte) *corev1.Secret {
	return &corev1.Secret{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Secret"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: namespace},
		Type:       corev1.SecretTypeOpaque,
		Data:       data,
	}
}
