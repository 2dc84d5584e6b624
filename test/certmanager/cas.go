package certmanager

import (
	"fmt"
	"os"
	"sort"
)

// CertManagerCA is one Kafka CA in cert-manager mode: the issuer its
// Certificates name and the Secret and key the user creates with the CA
// certificate to trust.
type CertManagerCA struct {
	Namespace           string // the Kafka's
	Kafka               string
	Which               string // clusterCa or clientsCa
	IssuerName          string
	IssuerKind          string
	IssuerGroup         string
	CASecret, CACertKey string
}

// IssuerKey names an issuer as a Certificate's issuerRef does, with
// cert-manager's defaults, in the namespace of the Certificate.
func IssuerKey(namespace, name, kind, group string) string {
	if kind == "" {
		kind = "Issuer"
	}
	if group == "" {
		group = "cert-manager.io"
	}
	if kind != "Issuer" {
		namespace = ""
	}
	return fmt.Sprintf("%s/%s/%s/%s", group, kind, namespace, name)
}

// Key is the issuer of the CA.
func (c CertManagerCA) Key() string {
	return IssuerKey(c.Namespace, c.IssuerName, c.IssuerKind, c.IssuerGroup)
}

// InputCAs reads the Kafkas of input files and the StrimziRender's
// certificate defaults, and lists every CA in cert-manager mode: what the
// docs tell the user to create for each.
func InputCAs(files ...string) ([]CertManagerCA, error) {
	var objs []Object
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		o, err := ParseStream(b)
		if err == nil {
			o, err = Flatten(o)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		objs = append(objs, o...)
	}
	defaults := map[string]map[string]any{}
	for _, o := range objs {
		if o.Kind == "StrimziRender" {
			for _, which := range []string{"clusterCa", "clientsCa"} {
				if m, ok := Get(o.Map, "spec", "certificates", which).(map[string]any); ok {
					defaults[which] = m
				}
			}
		}
	}
	var out []CertManagerCA
	for _, o := range objs {
		if o.Kind != "Kafka" {
			continue
		}
		for _, which := range []string{"clusterCa", "clientsCa"} {
			ca, _ := Get(o.Map, "spec", which).(map[string]any)
			if GetString(ca, "type") == "" {
				ca = defaults[which]
			}
			if GetString(ca, "type") != "cert-manager.io" {
				continue
			}
			out = append(out, CertManagerCA{
				Namespace: o.Namespace, Kafka: o.Name, Which: which,
				IssuerName:  GetString(ca, "certManager", "issuerRef", "name"),
				IssuerKind:  GetString(ca, "certManager", "issuerRef", "kind"),
				IssuerGroup: GetString(ca, "certManager", "issuerRef", "group"),
				CASecret:    GetString(ca, "certManager", "caCert", "secretName"),
				CACertKey:   GetString(ca, "certManager", "caCert", "certificate"),
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Kafka < out[j].Kafka })
	return out, nil
}

// ListenerCert is a listener's brokerCertChainAndKey: a Secret the user
// creates with a certificate for the listener's names.
type ListenerCert struct {
	Namespace, Kafka, Port  string
	Secret, CertKey, KeyKey string
}

// ConnectSecrets are the Secrets a KafkaConnect names, which the user
// creates: trusted certificates and the client certificate.
type ConnectSecrets struct {
	Namespace, Name string
	Trusted         [][2]string // secret, key
	Client          [3]string   // secret, certificate key, private key key
}

// UserSecrets lists the listener certificates and Connect Secrets of the
// input files.
func UserSecrets(files ...string) ([]ListenerCert, []ConnectSecrets, error) {
	var objs []Object
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		o, err := ParseStream(b)
		if err == nil {
			o, err = Flatten(o)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f, err)
		}
		objs = append(objs, o...)
	}
	var lcs []ListenerCert
	var css []ConnectSecrets
	for _, o := range objs {
		switch o.Kind {
		case "Kafka":
			ls, _ := Get(o.Map, "spec", "kafka", "listeners").([]any)
			for _, l := range ls {
				lm, _ := l.(map[string]any)
				c, _ := Get(lm, "configuration", "brokerCertChainAndKey").(map[string]any)
				if c == nil {
					continue
				}
				lcs = append(lcs, ListenerCert{Namespace: o.Namespace, Kafka: o.Name, Port: fmt.Sprint(lm["port"]),
					Secret: GetString(c, "secretName"), CertKey: GetString(c, "certificate"), KeyKey: GetString(c, "key")})
			}
		case "KafkaConnect":
			cs := ConnectSecrets{Namespace: o.Namespace, Name: o.Name}
			tcs, _ := Get(o.Map, "spec", "tls", "trustedCertificates").([]any)
			for _, tc := range tcs {
				m, _ := tc.(map[string]any)
				cs.Trusted = append(cs.Trusted, [2]string{GetString(m, "secretName"), GetString(m, "certificate")})
			}
			if ck, ok := Get(o.Map, "spec", "authentication", "certificateAndKey").(map[string]any); ok {
				cs.Client = [3]string{GetString(ck, "secretName"), GetString(ck, "certificate"), GetString(ck, "key")}
			}
			css = append(css, cs)
		}
	}
	return lcs, css, nil
}
