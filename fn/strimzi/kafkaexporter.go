package strimzi

import (
	corev1 "k8s.io/api/core/v1"
)

// KafkaExporterSpec is spec.kafkaExporter (KafkaExporterSpec). Fields with
// a Strimzi default other than the zero value are pointers, so that an
// unset field can take it.
type KafkaExporterSpec struct {
	Image               string                       `json:"image,omitempty"`
	GroupRegex          *string                      `json:"groupRegex,omitempty"`
	TopicRegex          *string                      `json:"topicRegex,omitempty"`
	GroupExcludeRegex   *string                      `json:"groupExcludeRegex,omitempty"`
	TopicExcludeRegex   *string                      `json:"topicExcludeRegex,omitempty"`
	Resources           *corev1.ResourceRequirements `json:"resources,omitempty"`
	Logging             *string                      `json:"logging,omitempty"`
	LivenessProbe       *Probe                       `json:"livenessProbe,omitempty"`
	ReadinessProbe      *Probe                       `json:"readinessProbe,omitempty"`
	EnableSaramaLogging bool                         `json:"enableSaramaLogging,omitempty"`
	ShowAllOffsets      *bool                        `json:"showAllOffsets,omitempty"`
	Template            *KafkaExporterTemplate       `json:"template,omitempty"`
}

// KafkaExporterTemplate is spec.kafkaExporter.template.
type KafkaExporterTemplate struct {
	Deployment          *DeploymentTemplate          `json:"deployment,omitempty"`
	Pod                 *PodTemplate                 `json:"pod,omitempty"`
	Container           *ContainerTemplate           `json:"container,omitempty"`
	ServiceAccount      *ResourceTemplate            `json:"serviceAccount,omitempty"`
	PodDisruptionBudget *PodDisruptionBudgetTemplate `json:"podDisruptionBudget,omitempty"`
}

// DeploymentTemplate is the template of a Deployment: metadata and the
// strategy that replaces its pods.
type DeploymentTemplate struct {
	Metadata           MetadataTemplate `json:"metadata,omitempty"`
	DeploymentStrategy string           `json:"deploymentStrategy,omitempty"`
}

// Strimzi's deployment strategies (StrimziDeploymentStrategy).
const (
	DeploymentRollingUpdate = "RollingUpdate"
	DeploymentRecreate      = "Recreate"
)
