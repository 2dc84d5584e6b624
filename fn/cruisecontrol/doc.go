// Package cruisecontrol renders spec.cruiseControl of a Kafka as Strimzi
// 1.2.0 does (CruiseControl and CruiseControlReconciler): the
// NetworkPolicy, ServiceAccount, ConfigMap (cruisecontrol.properties,
// capacity.json, logging and metrics), the REST API Service,
// PodDisruptionBudget and Deployment. The Kafka model supplies the
// cluster's names, labels and broker nodes; the Secrets the pod mounts are
// named once, in certificates.go, where another certificate mode can
// replace them.
package cruisecontrol
