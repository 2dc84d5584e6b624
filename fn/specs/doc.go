// Package specs builds the Kubernetes objects, and the parts of them, that
// several Strimzi components share: object metadata, Service and container
// ports, NetworkPolicy ingress rules, the Secret-reader Role and its
// bindings, PersistentVolumeClaims, PodDisruptionBudgets and
// ServiceAccounts. Each builder takes the component's names and labels and
// knows nothing of the component, so Kafka, Kafka Connect and the operands
// still to come render these objects alike (Strimzi's stateless
// ServiceUtils, NetworkPolicyUtils, PodDisruptionBudgetUtils and
// PersistentVolumeClaimUtils).
package specs
