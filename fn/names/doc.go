// Package names computes every name strimzi-render generates, one function
// each, as Strimzi's KafkaConnectResources and KafkaResources do.
package names
