// Package connect renders a KafkaConnect into the objects Strimzi 1.2.0
// creates for it (KafkaConnectCluster): worker pods or a StrimziPodSet, the
// worker ConfigMap, the REST and headless Services, the ServiceAccount, the
// PodDisruptionBudget, and optional NetworkPolicy, RBAC and shared storage.
//
// New builds the model once from a validated resource; each object then has
// one method that cannot fail. Validate runs first and collects every problem.
package connect
