// Package fn is the strimzi-render KRM function: it finds the Strimzi custom
// resources in a ResourceList, renders them into Kubernetes objects and emits
// those in their place, with every problem reported as a result.
//
// The data path is decode → validate → model → render → place → emit; see
// Processor.Process.
package fn
