package kafka

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// The function config's default fills what a Kafka's CA leaves out: its
// type when it has none, its certManager when it sets none.
func TestEffectiveCA(t *testing.T) {
	def := config.CADefault{Type: config.CATypeCertManager, CertManager: &config.CertManager{
		IssuerRef: &config.IssuerRef{Name: "default-issuer", Kind: "ClusterIssuer"},
		CACert:    &config.CACert{SecretName: "default-ca", Certificate: "ca.crt"},
	}}
	own := &strimzi.CertManager{IssuerRef: &strimzi.IssuerRef{Name: "own", Kind: "Issuer"}, CACert: &strimzi.CACert{SecretName: "own-ca", Certificate: "ca.crt"}}
	cases := map[string]struct {
		own            *strimzi.CertificateAuthority
		def            config.CADefault
		certManager    bool
		issuer, secret string
	}{
		"no CA, no default":          {own: nil, def: config.CADefault{}},
		"no CA, the default":         {own: nil, def: def, certManager: true, issuer: "default-issuer", secret: "default-ca"},
		"own days, the default":      {own: &strimzi.CertificateAuthority{ValidityDays: 10}, def: def, certManager: true, issuer: "default-issuer", secret: "default-ca"},
		"own strimzi.io wins":        {own: &strimzi.CertificateAuthority{Type: strimzi.CATypeStrimzi}, def: def, issuer: "default-issuer", secret: "default-ca"},
		"own certManager wins":       {own: &strimzi.CertificateAuthority{CertManager: own}, def: def, certManager: true, issuer: "own", secret: "own-ca"},
		"own type and certManager":   {own: &strimzi.CertificateAuthority{Type: strimzi.CATypeCertManager, CertManager: own}, def: config.CADefault{}, certManager: true, issuer: "own", secret: "own-ca"},
		"own type, the default's cm": {own: &strimzi.CertificateAuthority{Type: strimzi.CATypeCertManager}, def: config.CADefault{CertManager: def.CertManager}, certManager: true, issuer: "default-issuer", secret: "default-ca"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			ca := effectiveCA(c.own, c.def)
			assert.Equal(t, c.certManager, ca.CertManagerMode())
			if c.issuer != "" {
				assert.Equal(t, c.issuer, ca.CertManager.IssuerRef.Name)
				assert.Equal(t, c.secret, ca.CertManager.CACert.SecretName)
			}
		})
	}
}
