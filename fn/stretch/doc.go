// Package stretch renders a Kafka whose KafkaNodePools run in several
// Kubernetes clusters (Strimzi's stretch cluster proposal) into one bundle of
// objects per cluster. Validate applies the proposal's input rules; a
// Network, built from the Kafka's spec.stretch entry, is the brokerconfig
// package's EndpointProvider and Topology, so one place builds every
// advertised address and quorum string from what the chosen Provider
// answers; Render files the kafka model's objects, the provider's and an
// inventory ConfigMap into the bundles. Nothing is discovered: what a
// provider would look up in a running cluster comes from the function
// config.
package stretch
