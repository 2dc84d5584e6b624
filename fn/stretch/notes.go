package stretch

import (
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Check reports configuration the cluster's nodes cannot work with, at
// field paths of the function config.
func (net *Network) Check(m *kafka.Model) []results.Problem {
	nodes := make([]Node, 0, len(m.Cluster.Nodes))
	for _, n := range m.Cluster.Nodes {
		nodes = append(nodes, net.Node(n))
	}
	return net.Provider.Check(net, nodes)
}

// Notes are the warnings about a stretched Kafka: what the provider needs
// around it, which Secrets each cluster must hold, and what is left out.
func (net *Network) Notes(m *kafka.Model, networkPolicies bool) []results.Problem {
	var out []results.Problem
	warn := func(path, format string, args ...any) {
		out = append(out, results.Warningf(path, format, args...))
	}
	if note := net.Provider.Note(); note != "" {
		warn("", "stretch cluster %s: %s", net.Cluster, note)
	}
	if m.ClusterCA().CertManagerMode() {
		warn("", "stretch cluster %s: each node's Certificate is in the bundle of its Kubernetes cluster; every cluster needs cert-manager, the issuer and the CA Secret named in the cert-manager note, "+
			"and every issuer must sign from the same CA (or from CAs that the CA Secret of every cluster holds), so that nodes in different clusters trust each other", net.Cluster)
		return append(out, net.otherNotes(m, networkPolicies)...)
	}
	secrets := []string{names.ClusterCACert(net.Cluster), names.KafkaTrustBundle(net.Cluster)}
	for _, l := range m.Listeners {
		if l.Auth != nil && l.Auth.Type == brokerconfig.AuthTLS {
			secrets = append(secrets, names.ClientsCACert(net.Cluster))
			break
		}
	}
	warn("", "stretch cluster %s: every Kubernetes cluster needs the certificate Secrets %s and a Secret per local node, whose certificate carries the names in the %s (and %s) annotation of the node's ConfigMap; "+
		"copy CA certificates only: the CA key Secrets %s-cluster-ca and %s-clients-ca stay where the CA is managed",
		net.Cluster, strings.Join(secrets, ", "), AnnoCertDNSNames, AnnoCertIPAddresses, net.Cluster, net.Cluster)
	return append(out, net.otherNotes(m, networkPolicies)...)
}

// otherNotes are the notes that do not depend on the CA mode.
func (net *Network) otherNotes(m *kafka.Model, networkPolicies bool) []results.Problem {
	var out []results.Problem
	warn := func(path, format string, args ...any) {
		out = append(out, results.Warningf(path, format, args...))
	}
	if networkPolicies {
		warn("", "stretch cluster %s: NetworkPolicy %s is not rendered: it admits local pods only, and nodes of other clusters connect from addresses a pod selector cannot match; restrict traffic with a policy of your own",
			net.Cluster, names.KafkaNetworkPolicy(net.Cluster))
	}
	if m.KafkaExporter() != nil {
		warn("spec.kafkaExporter", "stretch cluster %s: spec.kafkaExporter is not rendered in a stretch cluster: run Kafka Exporter with manifests of your own, or with the Strimzi operator", net.Cluster)
	}
	if net.DynamicQuorum() {
		warn("", "stretch cluster %s: dynamic quorum: Strimzi 1.2.0's images format storage for static voters; format controllers with kafka-storage.sh format --initial-controllers set to the %s key of their ConfigMap, and brokers with --no-initial-controllers",
			net.Cluster, kafka.KeyInitialControllers)
	}
	return out
}
