package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

const certHead = "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec:\n"

func TestCertificatesDefault(t *testing.T) {
	c, errs := load(t, certHead+`  certificates:
    clusterCa:
      type: cert-manager.io
      certManager:
        issuerRef: {name: ca-issuer, kind: ClusterIssuer}
        caCert: {secretName: my-ca, certificate: ca.crt}
`)
	assert.Empty(t, errs)
	assert.Equal(t, CADefault{Type: CATypeCertManager, CertManager: &CertManager{
		IssuerRef: &IssuerRef{Name: "ca-issuer", Kind: "ClusterIssuer"},
		CACert:    &CACert{SecretName: "my-ca", Certificate: "ca.crt"},
	}}, c.Spec.Certificates.ClusterCA)
}

func TestCertificatesFromConfigMap(t *testing.T) {
	c, errs := load(t, `apiVersion: v1
kind: ConfigMap
metadata: {name: x}
data:
  certificates.clusterCa.type: cert-manager.io
  certificates.clusterCa.certManager.issuerRef.name: ca-issuer
  certificates.clusterCa.certManager.issuerRef.kind: Issuer
  certificates.clusterCa.certManager.caCert.secretName: my-ca
  certificates.clusterCa.certManager.caCert.certificate: ca.crt
`)
	assert.Empty(t, errs)
	assert.Equal(t, "my-ca", c.Spec.Certificates.ClusterCA.CertManager.CACert.SecretName)
}

func TestCertificatesErrors(t *testing.T) {
	cases := map[string]struct {
		spec string
		want []string
	}{
		"no certManager": {"  certificates: {clientsCa: {type: cert-manager.io}}\n",
			[]string{"spec.certificates.clientsCa.certManager: type cert-manager.io needs certManager.issuerRef and certManager.caCert"}},
		"no issuer, no CA": {"  certificates: {clusterCa: {type: cert-manager.io, certManager: {}}}\n", []string{
			"spec.certificates.clusterCa.certManager.issuerRef.name: type cert-manager.io needs the name of the Issuer or ClusterIssuer",
			"spec.certificates.clusterCa.certManager.caCert: type cert-manager.io needs caCert.secretName and caCert.certificate: the Secret and key of the CA certificates to trust",
		}},
		"unknown kind": {"  certificates: {clusterCa: {type: cert-manager.io, certManager: {issuerRef: {name: a, kind: Issuers}, caCert: {secretName: s, certificate: ca.crt}}}}\n",
			[]string{"spec.certificates.clusterCa.certManager.issuerRef.kind should be one of [Issuer ClusterIssuer]"}},
		"names": {"  certificates: {clusterCa: {type: cert-manager.io, certManager: {issuerRef: {name: A, kind: Issuer}, caCert: {secretName: s, certificate: \"ca.crt}\"}}}}\n", []string{
			`spec.certificates.clusterCa.certManager.caCert.certificate: "ca.crt}" is not a Secret key: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
			`spec.certificates.clusterCa.certManager.issuerRef.name: "A": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
		}},
		"typo": {"  certificates: {clusterCa: {tpye: cert-manager.io}}\n",
			[]string{`spec.certificates.clusterCa.tpye: unknown field "tpye" in spec.certificates.clusterCa: did you mean "type"?`}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, errs := load(t, certHead+c.spec)
			assert.Equal(t, c.want, errs)
		})
	}
}
