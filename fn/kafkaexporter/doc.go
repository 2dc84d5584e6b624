// Package kafkaexporter renders spec.kafkaExporter of a Kafka as Strimzi
// 1.2.0 does (KafkaExporter and KafkaExporterReconciler): the ServiceAccount,
// NetworkPolicy, PodDisruptionBudget and Deployment <cluster>-kafka-exporter.
// The Kafka model supplies the cluster's names, labels and bootstrap
// address; the certificate Secrets the pod mounts are named once, in
// certificates.go.
package kafkaexporter
