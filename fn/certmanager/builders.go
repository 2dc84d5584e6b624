package certmanager

import (
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// Component is the cluster, namespace and Strimzi labels of the component
// a certificate belongs to; the labels go on the Certificate and its Secret.
type Component struct {
	Cluster   string
	Namespace string
	Labels    map[string]string
}

// Node is the certificate of one Kafka node, in the Secret named like its
// pod, CN <cluster>-kafka, with the node's DNS names and IP addresses
// (KafkaCluster.buildKafkaNodeCertsSubject; the names come from the Kafka
// model's CertificateNames).
func (ca CA) Node(c Component, pod string, dns, ips []string) *Certificate {
	return ca.build(request{Secret: pod, Namespace: c.Namespace, Labels: c.Labels,
		CommonName: names.Kafka(c.Cluster), DNSNames: dns, IPs: ips})
}

// TopicOperator is the Topic Operator's client certificate, CN
// <cluster>-entity-topic-operator (EntityTopicOperator.generateCertificatesSecret).
func (ca CA) TopicOperator(c Component) *Certificate {
	return ca.client(c, names.EntityTopicOperatorCerts(c.Cluster), names.EntityTopicOperator(c.Cluster))
}

// UserOperator is the User Operator's client certificate, CN
// <cluster>-entity-user-operator (EntityUserOperator.generateCertificatesSecret).
func (ca CA) UserOperator(c Component) *Certificate {
	return ca.client(c, names.EntityUserOperatorCerts(c.Cluster), names.EntityUserOperator(c.Cluster))
}

// KafkaExporter is Kafka Exporter's client certificate, CN
// <cluster>-kafka-exporter (KafkaExporter.generateCertificatesSecret).
func (ca CA) KafkaExporter(c Component) *Certificate {
	return ca.client(c, names.KafkaExporterCerts(c.Cluster), names.KafkaExporter(c.Cluster))
}

// CruiseControl is Cruise Control's certificate, in the Secret
// <cluster>-cruise-control-certs, CN <cluster>-cruise-control, for its
// Service's four names and localhost (CruiseControl.buildCruiseControlCertSubject).
// Nothing renders Cruise Control yet: its model adds this Certificate to
// its objects, and its pod reads <cluster>-cruise-control-certs-cm.
func (ca CA) CruiseControl(c Component, clusterDomain string) *Certificate {
	svc := c.Cluster + "-cruise-control"
	ns := svc + "." + c.Namespace
	return ca.build(request{Secret: svc + "-certs", Namespace: c.Namespace, Labels: c.Labels, CommonName: svc,
		DNSNames: []string{svc, ns, ns + ".svc", ns + ".svc." + clusterDomain, "localhost"}})
}

// client is a certificate with a common name and no alternative names, as
// Ca.maybeCopyOrGenerateClientCert issues for Strimzi's own clients.
func (ca CA) client(c Component, secret, commonName string) *Certificate {
	return ca.build(request{Secret: secret, Namespace: c.Namespace, Labels: c.Labels, CommonName: commonName})
}
