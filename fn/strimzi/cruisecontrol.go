package strimzi

import (
	"encoding/json"

	corev1 "k8s.io/api/core/v1"
)

// CruiseControlSpec is spec.cruiseControl (CruiseControlSpec). An empty
// object enables Cruise Control as much as a full one does.
type CruiseControlSpec struct {
	Image          string                       `json:"image,omitempty"`
	Resources      *corev1.ResourceRequirements `json:"resources,omitempty"`
	LivenessProbe  *Probe                       `json:"livenessProbe,omitempty"`
	ReadinessProbe *Probe                       `json:"readinessProbe,omitempty"`
	JvmOptions     *JvmOptions                  `json:"jvmOptions,omitempty"`
	Logging        *Logging                     `json:"logging,omitempty"`
	Template       *CruiseControlTemplate       `json:"template,omitempty"`
	BrokerCapacity *BrokerCapacity              `json:"brokerCapacity,omitempty"`
	// Config values stay json.Number, so they print as written.
	Config        map[string]any         `json:"config,omitempty"`
	MetricsConfig *MetricsConfig         `json:"metricsConfig,omitempty"`
	APIUsers      *CruiseControlAPIUsers `json:"apiUsers,omitempty"`
	// AutoRebalance is kept raw: only the operator acts on it.
	AutoRebalance json.RawMessage `json:"autoRebalance,omitempty"`
}

// CruiseControlTemplate is spec.cruiseControl.template.
type CruiseControlTemplate struct {
	Deployment             *DeploymentTemplate          `json:"deployment,omitempty"`
	Pod                    *PodTemplate                 `json:"pod,omitempty"`
	APIService             *ServiceTemplate             `json:"apiService,omitempty"`
	PodDisruptionBudget    *PodDisruptionBudgetTemplate `json:"podDisruptionBudget,omitempty"`
	CruiseControlContainer *ContainerTemplate           `json:"cruiseControlContainer,omitempty"`
	ServiceAccount         *ResourceTemplate            `json:"serviceAccount,omitempty"`
}

// BrokerCapacity is spec.cruiseControl.brokerCapacity: CPU in cores or
// millicores, network throughput such as 10000KiB/s.
type BrokerCapacity struct {
	CPU             string                   `json:"cpu,omitempty"`
	InboundNetwork  string                   `json:"inboundNetwork,omitempty"`
	OutboundNetwork string                   `json:"outboundNetwork,omitempty"`
	Overrides       []BrokerCapacityOverride `json:"overrides,omitempty"`
}

// BrokerCapacityOverride is one item of brokerCapacity.overrides.
type BrokerCapacityOverride struct {
	Brokers         []int  `json:"brokers,omitempty"`
	CPU             string `json:"cpu,omitempty"`
	InboundNetwork  string `json:"inboundNetwork,omitempty"`
	OutboundNetwork string `json:"outboundNetwork,omitempty"`
}

// CruiseControlAPIUsers is spec.cruiseControl.apiUsers: a Secret key
// holding more REST API users in Jetty's HashLoginService format.
type CruiseControlAPIUsers struct {
	Type      string          `json:"type,omitempty"`
	ValueFrom *PasswordSource `json:"valueFrom,omitempty"`
}

// PasswordSource is Strimzi's PasswordSource: a key of a Secret.
type PasswordSource struct {
	SecretKeyRef *corev1.SecretKeySelector `json:"secretKeyRef,omitempty"`
}
