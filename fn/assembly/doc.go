// Package assembly renders each kind of Strimzi custom resource, as
// Strimzi's assembly operators reconcile them: a KafkaConnect with its
// build, a Kafka with its KafkaNodePools, stretched or not. It decodes and
// validates the resources, builds the models and returns their typed
// objects and problems as a Rendering; turning those into YAML, filing
// them and emitting them is the caller's.
package assembly
