// Package pods holds the pod rules Kafka and Connect share: the pod spec
// fields a template sets, security contexts, environment merging, probes,
// rack affinity, revision annotations and the StrimziPodSet wrapper.
package pods
