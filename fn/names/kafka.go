package names

import "strconv"

// Kafka is the component name <cluster>-kafka (KafkaResources.componentName):
// ServiceAccount, PDB and the strimzi.io/name label.
func Kafka(cluster string) string { return cluster + "-kafka" }

// KafkaPodSet is the StrimziPodSet of one node pool, <cluster>-<pool>.
func KafkaPodSet(cluster, pool string) string { return cluster + "-" + pool }

// KafkaPod is the pod (and per-node ConfigMap and Secret) <cluster>-<pool>-<nodeId>.
func KafkaPod(cluster, pool string, nodeID int) string {
	return KafkaPodSet(cluster, pool) + "-" + strconv.Itoa(nodeID)
}

// KafkaBootstrapService is <cluster>-kafka-bootstrap.
func KafkaBootstrapService(cluster string) string { return cluster + "-kafka-bootstrap" }

// KafkaBrokersService is the headless Service <cluster>-kafka-brokers.
func KafkaBrokersService(cluster string) string { return cluster + "-kafka-brokers" }

// KafkaTrustBundle is the Secret <cluster>-trustbundle.
func KafkaTrustBundle(cluster string) string { return cluster + "-trustbundle" }

// ClusterCACert is the cluster CA certificate Secret <cluster>-cluster-ca-cert.
func ClusterCACert(cluster string) string { return cluster + "-cluster-ca-cert" }

// ClientsCACert is the clients CA certificate Secret <cluster>-clients-ca-cert.
func ClientsCACert(cluster string) string { return cluster + "-clients-ca-cert" }

// KafkaJMXSecret is <cluster>-kafka-jmx.
func KafkaJMXSecret(cluster string) string { return cluster + "-kafka-jmx" }

// KafkaDataClaim is the PVC of a single-volume pool, data-<pod>, or of JBOD
// volume id, data-<id>-<pod> (pass id < 0 for the single-volume form).
func KafkaDataClaim(pod string, id int) string {
	if id < 0 {
		return "data-" + pod
	}
	return "data-" + strconv.Itoa(id) + "-" + pod
}

// KafkaRoleBinding is <cluster>-kafka-role, binding the Role <cluster>-kafka
// that lets nodes read their certificate Secrets.
func KafkaRoleBinding(cluster string) string { return Kafka(cluster) + "-role" }

// KafkaInitClusterRoleBinding is strimzi-<namespace>-<cluster>-kafka-init.
func KafkaInitClusterRoleBinding(namespace, cluster string) string {
	return "strimzi-" + namespace + "-" + cluster + "-kafka-init"
}

// KafkaNetworkPolicy is <cluster>-network-policy-kafka.
func KafkaNetworkPolicy(cluster string) string { return cluster + "-network-policy-kafka" }

// KafkaListenerBootstrapService is the bootstrap Service of a listener with
// Services of its own, <cluster>-kafka-<listener>-bootstrap.
func KafkaListenerBootstrapService(cluster, listener string) string {
	return Kafka(cluster) + "-" + listener + "-bootstrap"
}

// KafkaListenerBootstrapRoute is the bootstrap Route, TLSRoute or Ingress
// of a listener: KafkaListenerBootstrapService's name, or
// <cluster>-kafka-bootstrap for the listener "external" on port 9094, which
// kept the name older Strimzi versions used
// (ListenersUtils.backwardsCompatibleBootstrapRouteOrIngressName).
func KafkaListenerBootstrapRoute(cluster, listener string, port int) string {
	if listener == "external" && port == 9094 {
		return KafkaBootstrapService(cluster)
	}
	return KafkaListenerBootstrapService(cluster, listener)
}

// KafkaExporter is <cluster>-kafka-exporter: the Deployment, its
// ServiceAccount, NetworkPolicy and PodDisruptionBudget, and the
// strimzi.io/name label (KafkaExporterResources.componentName).
func KafkaExporter(cluster string) string { return cluster + "-kafka-exporter" }

// KafkaExporterCerts is the Secret <cluster>-kafka-exporter-certs holding
// the exporter's client certificate (KafkaExporterResources.secretName).
func KafkaExporterCerts(cluster string) string { return KafkaExporter(cluster) + "-certs" }
