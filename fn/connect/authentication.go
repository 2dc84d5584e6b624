package connect

import (
	"fmt"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/jaas"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Authentication types of spec.authentication.
const (
	AuthTLS         = "tls"
	AuthScramSHA256 = "scram-sha-256"
	AuthScramSHA512 = "scram-sha-512"
	AuthPlain       = "plain"
	AuthCustom      = "custom"
)

func (m *Model) usesSASL() bool {
	a := m.spec.Authentication
	if a == nil {
		return false
	}
	switch a.Type {
	case AuthScramSHA256, AuthScramSHA512, AuthPlain:
		return true
	case AuthCustom:
		return a.Sasl != nil && *a.Sasl
	}
	return false
}

// writeAuthentication writes the client credentials, read from Secrets
// through the strimzisecrets config provider.
func (m *Model) writeAuthentication(w *properties.Writer) {
	a := m.spec.Authentication
	if a == nil {
		return
	}
	switch a.Type {
	case AuthTLS:
		ck := a.CertificateAndKey
		writeSection(w, "Authentication configuration", prefixed(
			entry("ssl.keystore.certificate.chain", m.secretValue(ck.SecretName, ck.Certificate)),
			entry("ssl.keystore.key", m.secretValue(ck.SecretName, ck.Key)),
			entry("ssl.keystore.type", "PEM"))...)
	case AuthScramSHA256, AuthScramSHA512, AuthPlain:
		mechanism, module := "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"
		switch a.Type {
		case AuthScramSHA256:
			mechanism, module = "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"
		case AuthScramSHA512:
			mechanism, module = "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule"
		}
		jaasConfig := module + " required username=" + jaas.Quote(a.Username) + " password=" +
			jaas.Quote(m.secretValue(a.PasswordSecret.SecretName, a.PasswordSecret.Password)) + ";"
		w.Section("Authentication configuration")
		for _, p := range clientPrefixes {
			w.Raw(p+"sasl.mechanism", mechanism)
			// Escaped as a whole, so that the JAAS escapes survive the properties reader.
			w.Pair(p+"sasl.jaas.config", jaasConfig)
		}
		w.Blank()
	case AuthCustom:
		// Only ssl.keystore.* and sasl.* keys pass, each for all four clients,
		// printed raw as Strimzi does.
		var entries []strimzi.ConfigEntry
		for _, k := range sortedKeys(a.Config) {
			if !strings.HasPrefix(k, "ssl.keystore.") && !strings.HasPrefix(k, "sasl.") {
				continue
			}
			for _, p := range clientPrefixes {
				entries = append(entries, entry(p+k, fmt.Sprint(a.Config[k])))
			}
		}
		writeSection(w, "Authentication configuration", entries...)
	}
}

// secretRefs lists the Secret keys the workers read, for the auth hash and RBAC.
func (m *Model) secretRefs() []string {
	var refs []string
	if t := m.spec.TLS; t != nil {
		for _, c := range t.TrustedCertificates {
			refs = append(refs, c.SecretName+"/"+c.Certificate+c.Pattern)
		}
	}
	if a := m.spec.Authentication; a != nil {
		if a.CertificateAndKey != nil {
			refs = append(refs, a.CertificateAndKey.SecretName+"/"+a.CertificateAndKey.Certificate,
				a.CertificateAndKey.SecretName+"/"+a.CertificateAndKey.Key)
		}
		if a.PasswordSecret != nil {
			refs = append(refs, a.PasswordSecret.SecretName+"/"+a.PasswordSecret.Password)
		}
	}
	return refs
}

// secretNames are the Secrets the workers read through the config provider,
// which the Role grants (KafkaConnectCluster.generateRole).
func (m *Model) secretNames() []string {
	var out []string
	add := func(n string) {
		for _, o := range out {
			if o == n {
				return
			}
		}
		out = append(out, n)
	}
	if t := m.spec.TLS; t != nil && len(t.TrustedCertificates) > 0 {
		if !m.in.DirectTrust {
			add(names.ConnectTLSTrustedCerts(m.Name))
		} else {
			for _, c := range t.TrustedCertificates {
				add(c.SecretName)
			}
		}
	}
	if a := m.spec.Authentication; a != nil {
		if a.CertificateAndKey != nil {
			add(a.CertificateAndKey.SecretName)
		}
		if a.PasswordSecret != nil {
			add(a.PasswordSecret.SecretName)
		}
	}
	return out
}
