// Package kubevalidate checks rendered Kubernetes objects offline with the
// API server's own rules, so that what strimzi-render emits would be
// accepted by kube-apiserver.
//
// Built-in kinds go through kube-apiserver's create path from
// k8s.io/kubernetes: strict decoding, defaulting, conversion to the internal
// version and rest.BeforeCreate with the kind's registry strategy. Custom
// resources (Strimzi's Kafka, KafkaNodePool, KafkaConnect, StrimziPodSet) are
// checked against their CRDs as apiextensions-apiserver does: pruning with
// unknown-field reporting, defaulting, OpenAPI schema and CEL rules. The Pods
// inside a StrimziPodSet are checked as Pods. Every Pod, pod template of a
// Job and Pod of a StrimziPodSet must meet the restricted Pod Security
// profile; Connect build Jobs may fail it only when a warning result of the
// ResourceList says so.
//
// BuildConfig, ServiceExport, ApplicationSet and cert-manager's Certificate
// get a structural check only, as their APIs are not part of
// k8s.io/kubernetes. Any other kind is a
// problem, so a new output kind must be wired here before it can pass.
//
// This is a separate Go module: the function itself never depends on
// k8s.io/kubernetes.
package kubevalidate
