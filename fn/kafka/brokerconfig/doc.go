// Package brokerconfig builds the server.config of a Kafka node as the
// Strimzi 1.2.0 cluster operator does (KafkaBrokerConfigurationBuilder, as
// KafkaCluster.generatePerBrokerConfiguration calls it): node ID, roles and
// quorum, log directories, the control-plane, replication and user listeners
// with their authentication, authorization, tiered storage, quotas, metrics
// reporters and the user's spec.kafka.config (KafkaConfiguration). Node
// addresses come from an EndpointProvider: InCluster for one Kubernetes
// cluster, a Topology for nodes spread over several. It also derives the
// stable cluster and directory IDs a KRaft quorum is formatted with. It
// builds no Kubernetes objects.
package brokerconfig
