// Package kafka models a Strimzi Kafka cluster and its KafkaNodePools as the
// Strimzi 1.2.0 cluster operator does (KafkaCluster, KafkaPool): node ID
// assignment, storage, listeners and their endpoints, the per-node
// server.config, and the objects the operator creates from them, one method
// each. Validate finds every problem first; New builds the model of a valid
// cluster. Everything it produces is deterministic, so a second render
// changes nothing.
package kafka
