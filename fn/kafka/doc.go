// Package kafka models a Strimzi Kafka cluster and its KafkaNodePools as the
// Strimzi 1.2.0 cluster operator does: node ID assignment, storage, the
// per-node server.config and the logging configuration. Its inputs are plain
// structs filled from decoded custom resources; everything it produces is
// deterministic, so a second render changes nothing.
package kafka
