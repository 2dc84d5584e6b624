// Package kafka models a Strimzi Kafka cluster and its KafkaNodePools as the
// Strimzi 1.2.0 cluster operator does (KafkaCluster, KafkaPool) and builds
// the objects the operator creates from them, one method each. It turns the
// custom resources into the inputs of package nodepools, which assigns node
// IDs and lays out pool storage, and of package brokerconfig, which writes
// each node's server.config. Validate finds every problem first; New builds
// the model of a valid cluster. Everything it produces is deterministic, so
// a second render changes nothing.
package kafka
