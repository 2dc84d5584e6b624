package names

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Expected names follow Strimzi's KafkaResources and its node pool naming.
func TestKafkaNames(t *testing.T) {
	cases := map[string]struct{ got, want string }{
		"kafkaComponentName":             {Kafka("my-cluster"), "my-cluster-kafka"},
		"node pool StrimziPodSet":        {KafkaPodSet("my-cluster", "brokers"), "my-cluster-brokers"},
		"kafkaPodName with a node pool":  {KafkaPod("my-cluster", "brokers", 3), "my-cluster-brokers-3"},
		"bootstrapServiceName":           {KafkaBootstrapService("my-cluster"), "my-cluster-kafka-bootstrap"},
		"brokersServiceName":             {KafkaBrokersService("my-cluster"), "my-cluster-kafka-brokers"},
		"trust bundle":                   {KafkaTrustBundle("my-cluster"), "my-cluster-trustbundle"},
		"clusterCaCertificateSecretName": {ClusterCACert("my-cluster"), "my-cluster-cluster-ca-cert"},
		"clientsCaCertificateSecretName": {ClientsCACert("my-cluster"), "my-cluster-clients-ca-cert"},
		"kafkaJmxSecretName":             {KafkaJMXSecret("my-cluster"), "my-cluster-kafka-jmx"},
		"role binding":                   {KafkaRoleBinding("my-cluster"), "my-cluster-kafka-role"},
		"initContainerClusterRoleBindingName": {KafkaInitClusterRoleBinding("my-namespace", "my-cluster"),
			"strimzi-my-namespace-my-cluster-kafka-init"},
		"kafkaNetworkPolicyName": {KafkaNetworkPolicy("my-cluster"), "my-cluster-network-policy-kafka"},
		"listener bootstrap":     {KafkaListenerBootstrapService("my-cluster", "external"), "my-cluster-kafka-external-bootstrap"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, c.want, c.got) })
	}
}

func TestKafkaDataClaim(t *testing.T) {
	pod := KafkaPod("my-cluster", "brokers", 0)
	assert.Equal(t, "data-my-cluster-brokers-0", KafkaDataClaim(pod, -1), "single volume")
	assert.Equal(t, "data-0-my-cluster-brokers-0", KafkaDataClaim(pod, 0), "JBOD volume 0")
	assert.Equal(t, "data-12-my-cluster-brokers-0", KafkaDataClaim(pod, 12), "JBOD volume 12")
}
