package strimzi

import (
	corev1 "k8s.io/api/core/v1"
)

// EntityOperatorSpec is spec.entityOperator: the Topic and User Operators,
// which run as containers of one Deployment.
type EntityOperatorSpec struct {
	TopicOperator *EntityTopicOperatorSpec `json:"topicOperator,omitempty"`
	UserOperator  *EntityUserOperatorSpec  `json:"userOperator,omitempty"`
	Template      *EntityOperatorTemplate  `json:"template,omitempty"`
}

// EntityTopicOperatorSpec is spec.entityOperator.topicOperator.
type EntityTopicOperatorSpec struct {
	WatchedNamespace         string                       `json:"watchedNamespace,omitempty"`
	Image                    string                       `json:"image,omitempty"`
	ReconciliationIntervalMs *int64                       `json:"reconciliationIntervalMs,omitempty"`
	StartupProbe             *Probe                       `json:"startupProbe,omitempty"`
	LivenessProbe            *Probe                       `json:"livenessProbe,omitempty"`
	ReadinessProbe           *Probe                       `json:"readinessProbe,omitempty"`
	Resources                *corev1.ResourceRequirements `json:"resources,omitempty"`
	Logging                  *Logging                     `json:"logging,omitempty"`
	JvmOptions               *JvmOptions                  `json:"jvmOptions,omitempty"`
}

// EntityUserOperatorSpec is spec.entityOperator.userOperator.
type EntityUserOperatorSpec struct {
	WatchedNamespace         string                       `json:"watchedNamespace,omitempty"`
	Image                    string                       `json:"image,omitempty"`
	ReconciliationIntervalMs *int64                       `json:"reconciliationIntervalMs,omitempty"`
	SecretPrefix             *string                      `json:"secretPrefix,omitempty"`
	LivenessProbe            *Probe                       `json:"livenessProbe,omitempty"`
	ReadinessProbe           *Probe                       `json:"readinessProbe,omitempty"`
	Resources                *corev1.ResourceRequirements `json:"resources,omitempty"`
	Logging                  *Logging                     `json:"logging,omitempty"`
	JvmOptions               *JvmOptions                  `json:"jvmOptions,omitempty"`
}

// EntityOperatorTemplate is spec.entityOperator.template.
type EntityOperatorTemplate struct {
	Deployment               *DeploymentTemplate          `json:"deployment,omitempty"`
	Pod                      *PodTemplate                 `json:"pod,omitempty"`
	TopicOperatorContainer   *ContainerTemplate           `json:"topicOperatorContainer,omitempty"`
	UserOperatorContainer    *ContainerTemplate           `json:"userOperatorContainer,omitempty"`
	ServiceAccount           *ResourceTemplate            `json:"serviceAccount,omitempty"`
	PodDisruptionBudget      *PodDisruptionBudgetTemplate `json:"podDisruptionBudget,omitempty"`
	EntityOperatorRole       *ResourceTemplate            `json:"entityOperatorRole,omitempty"`
	TopicOperatorRoleBinding *ResourceTemplate            `json:"topicOperatorRoleBinding,omitempty"`
	UserOperatorRoleBinding  *ResourceTemplate            `json:"userOperatorRoleBinding,omitempty"`
}
