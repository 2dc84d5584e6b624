package kafka

import (
	"fmt"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Notes are the warnings about a valid cluster: what node ID assignment
// only logs and, unless a running operator takes over (withOperator), pools
// whose node IDs nothing pins and the Secrets and ClusterRoles only the
// operator provides.
func (m *Model) Notes(withOperator bool) []results.Problem {
	var out []results.Problem
	for _, p := range m.Pools {
		for _, w := range p.Assignment.Warnings {
			out = append(out, OnPool(results.Problem{Severity: results.Warning, Path: "metadata.annotations", Message: w}, m.Namespace, p.Name))
		}
	}
	if withOperator {
		return out
	}
	out = append(out, m.unpinnedPools()...)
	out = append(out, m.certificateNotes()...)
	out = append(out, m.kafkaExporterNotes()...)
	out = append(out, m.EntityOperator.Notes()...)
	if j := m.spec.JmxOptions; j != nil && j.Authentication != nil && j.Authentication.Type == "password" {
		out = append(out, results.Warningf("spec.kafka.jmxOptions.authentication",
			"Secret %s with keys jmx-username and jmx-password must exist in the cluster: the operator generates it with random credentials, strimzi-render does not",
			names.KafkaJMXSecret(m.Name)))
	}
	if m.rackTopologyKey() != "" {
		out = append(out, results.Warningf("spec.kafka.rack",
			"ClusterRole %s must exist in the cluster (Strimzi installs it): the rendered ClusterRoleBinding grants it to the rack init container",
			BrokerClusterRole))
	}
	return out
}

// certificateNotes say what the nodes' certificates need in the cluster:
// the operator's Secrets for a CA of its own (secretsNote), and for a
// cert-manager.io CA what the user creates (CertManagerNote).
func (m *Model) certificateNotes() []results.Problem {
	var out []results.Problem
	clientsByOperator := m.tlsClientAuth() && !m.ClientsCA().CertManagerMode()
	switch {
	case !m.ClusterCA().CertManagerMode():
		out = append(out, results.Problem{Severity: results.Warning, Message: m.secretsNote(clientsByOperator)})
	case clientsByOperator:
		out = append(out, results.Warningf("spec.clientsCa",
			"TLS client authentication reads the clients CA from a Secret the operator creates and strimzi-render does not: Secret %s (key clients-ca.crt). Create it before the pods start, or set spec.clientsCa.type: cert-manager.io",
			names.KafkaTrustBundle(m.Name)))
	}
	if note := m.CertManagerNote(); note != "" {
		out = append(out, results.Problem{Severity: results.Warning, Message: note})
	}
	return out
}

// CertManagerNote says, once, what a cert-manager.io CA needs besides the
// rendered Certificates: cert-manager, the issuer and the CA Secret, which
// the user creates; "" when no CA is of that type. A stretch cluster
// needs them in every Kubernetes cluster.
func (m *Model) CertManagerNote() string {
	var parts []string
	for _, ca := range []struct {
		name string
		ca   strimzi.CertificateAuthority
	}{{"cluster CA", m.ClusterCA()}, {"clients CA", m.ClientsCA()}} {
		if !ca.ca.CertManagerMode() {
			continue
		}
		cm := ca.ca.CertManager
		r := cm.IssuerRef
		issuer := fmt.Sprintf("%s %s", r.Kind, r.Name)
		if r.Kind == issuerKind {
			issuer += " in namespace " + m.Namespace
		}
		parts = append(parts, fmt.Sprintf("for the %s, %s and Secret %s in namespace %s with key %s holding the CA certificates (PEM) that sign what the issuer issues",
			ca.name, issuer, cm.CACert.SecretName, m.Namespace, cm.CACert.Certificate))
	}
	if len(parts) == 0 {
		return ""
	}
	what := "no Certificate for the clients CA (the User Operator requests one per KafkaUser) and TLS client authentication trusts its CA Secret"
	if m.ClusterCA().CertManagerMode() {
		whom := []string{"the Kafka nodes"}
		if m.EntityOperator != nil {
			whom = append(whom, "the Entity Operator")
		}
		if m.KafkaExporter() != nil {
			whom = append(whom, "Kafka Exporter")
		}
		what = "Certificates for " + strings.Join(whom, ", ")
		if len(whom) > 1 {
			what = "Certificates for " + strings.Join(whom[:len(whom)-1], ", ") + " and " + whom[len(whom)-1]
		}
		what += ", whose pods read the Secrets cert-manager writes"
	}
	return fmt.Sprintf("cert-manager mode: strimzi-render renders %s; "+
		"the cluster must have cert-manager installed and, %s. strimzi-render does not render them: create them before applying (docs/certificates.md)",
		what, strings.Join(parts, "; and "))
}

// secretsNote names the certificate Secrets the nodes read through the
// Kubernetes config provider. The operator issues them from its CAs; a
// renderer cannot, so they must be in the cluster before the pods start.
func (m *Model) secretsNote(clients bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "the Kafka nodes read certificates from Secrets the operator creates and strimzi-render does not: "+
		"Secret %s (key ca.crt) and Secret %s (key cluster-ca.crt", names.ClusterCACert(m.Name), names.KafkaTrustBundle(m.Name))
	if clients {
		fmt.Fprintf(&b, ", and clients-ca.crt for TLS client authentication), Secret %s (key ca.crt", names.ClientsCACert(m.Name))
	}
	b.WriteString("), and for each node a Secret named like its pod with keys <pod>.crt and <pod>.key, a certificate signed by the cluster CA")
	var custom []string
	for _, l := range m.Listeners {
		if l.Config.CustomCert {
			custom = append(custom, l.Identifier()+".crt and "+l.Identifier()+".key")
		}
	}
	if len(custom) > 0 {
		b.WriteString(", plus the listener certificates " + strings.Join(custom, ", ") + " on brokers")
	}
	pods := make([]string, 0, len(m.Cluster.Nodes))
	for _, n := range m.Cluster.Nodes {
		pods = append(pods, n.Pod)
	}
	b.WriteString(": " + strings.Join(pods, ", ") + ". Create them before the pods start, for example by running the Strimzi operator once or with cert-manager")
	return b.String()
}
