package config

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Group, Version and Kind of the function config.
const (
	Group      = "fn.strimzi-render.dev"
	Version    = "v1alpha1"
	APIVersion = Group + "/" + Version
	Kind       = "StrimziRender"
)

// Modes: render the Strimzi resources, or only check them.
const (
	ModeRender   = "render"
	ModeValidate = "validate"
)

// Workload forms for rendered Kafka and Connect pods.
const (
	WorkloadPod           = "Pod"
	WorkloadStatefulSet   = "StatefulSet"
	WorkloadStrimziPodSet = "StrimziPodSet"
)

// Connect Build builders, as Strimzi's UseConnectBuildWithBuildah gate chooses them.
const (
	BuilderBuildah = "buildah"
	BuilderKaniko  = "kaniko"
)

// Platforms: Kubernetes builds run as Jobs, OpenShift builds as BuildConfigs.
const (
	PlatformKubernetes = "kubernetes"
	PlatformOpenShift  = "openshift"
)

// Image tag policies for Connect Build output.
const (
	ImageTagRevision  = "revision"
	ImageTagAsWritten = "asWritten"
)

// Pod security providers, as Strimzi's STRIMZI_POD_SECURITY_PROVIDER_CLASS.
const (
	PodSecurityBaseline   = "baseline"
	PodSecurityRestricted = "restricted"
)

// NamespaceHint says how to give a custom resource without a namespace
// one, for the errors that need it.
const NamespaceHint = "set its metadata.namespace (kustomize's namespace field does) or the function config's spec.namespace"

// StrimziRender is the function config.
type StrimziRender struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              Spec `json:"spec,omitempty"`
}

// Spec holds every option. Fields mirror the Strimzi operator's environment
// (STRIMZI_* variables) where one exists, so output matches an operator
// configured the same way.
type Spec struct {
	// Mode is ModeRender or ModeValidate.
	Mode                string `json:"mode,omitempty"`
	Workload            string `json:"workload,omitempty"`
	KeepCustomResources bool   `json:"keepCustomResources,omitempty"`
	// KeepSourcesAsLocalConfig keeps each custom resource in the output,
	// marked as local config, beside what it renders (kpt's edit loop).
	KeepSourcesAsLocalConfig bool         `json:"keepSourcesAsLocalConfig,omitempty"`
	Images                   Images       `json:"images,omitempty"`
	ImagePullPolicy          string       `json:"imagePullPolicy,omitempty"`
	ImagePullSecrets         []string     `json:"imagePullSecrets,omitempty"`
	CustomLabels             CustomLabels `json:"customLabels,omitempty"`
	// LabelsExclusionPattern is an RE2 expression; nil means Strimzi's default.
	LabelsExclusionPattern *string `json:"labelsExclusionPattern,omitempty"`
	ClusterDomain          string  `json:"clusterDomain,omitempty"`
	Namespace              string  `json:"namespace,omitempty"` // for custom resources that have none
	PodSecurityProvider    string  `json:"podSecurityProvider,omitempty"`
	PodDisruptionBudgets   *bool   `json:"podDisruptionBudgets,omitempty"`
	NetworkPolicies        *bool   `json:"networkPolicies,omitempty"`
	Proxy                  Proxy   `json:"proxy,omitempty"`
	FIPSMode               string  `json:"fipsMode,omitempty"`
	Build                  Build   `json:"build,omitempty"`
	// EntityOperatorWatchedNamespaceEnabled lets the Topic and User
	// Operators watch a namespace other than the Kafka's.
	EntityOperatorWatchedNamespaceEnabled bool `json:"entityOperatorWatchedNamespaceEnabled,omitempty"`
	// Certificates are the default CA types of every Kafka (certificates.go).
	Certificates Certificates `json:"certificates,omitempty"`
	// KafkaClusterIDs maps <namespace>/<name> of a Kafka to its cluster ID.
	KafkaClusterIDs map[string]string `json:"kafkaClusterIds,omitempty"`
	// Stretch places Kafkas in several Kubernetes clusters (stretch.go).
	Stretch []Stretch `json:"stretch,omitempty"`
	Output  Output    `json:"output,omitempty"`
}

// Images maps Kafka versions to images and names the other images Strimzi uses.
type Images struct {
	DefaultKafkaVersion string            `json:"defaultKafkaVersion,omitempty"`
	Kafka               map[string]string `json:"kafka,omitempty"`
	KafkaConnect        map[string]string `json:"kafkaConnect,omitempty"`
	KafkaInit           string            `json:"kafkaInit,omitempty"`
	KafkaExporter       string            `json:"kafkaExporter,omitempty"`
	TopicOperator       string            `json:"topicOperator,omitempty"`
	UserOperator        string            `json:"userOperator,omitempty"`
	Buildah             string            `json:"buildah,omitempty"`
	Kaniko              string            `json:"kaniko,omitempty"`
	MavenBuilder        string            `json:"mavenBuilder,omitempty"`
}

// CustomLabels are added to pods, as STRIMZI_CUSTOM_*_LABELS are.
type CustomLabels struct {
	Kafka             map[string]string `json:"kafka,omitempty"`
	KafkaConnect      map[string]string `json:"kafkaConnect,omitempty"`
	KafkaConnectBuild map[string]string `json:"kafkaConnectBuild,omitempty"`
	KafkaExporter     map[string]string `json:"kafkaExporter,omitempty"`
	EntityOperator    map[string]string `json:"entityOperator,omitempty"`
}

// Proxy is the operator's shared proxy environment.
type Proxy struct {
	HTTPProxy  string `json:"httpProxy,omitempty"`
	HTTPSProxy string `json:"httpsProxy,omitempty"`
	NoProxy    string `json:"noProxy,omitempty"`
}

// Build configures how Connect Build runs offline.
type Build struct {
	Builder                 string `json:"builder,omitempty"`
	Platform                string `json:"platform,omitempty"`
	ImageTag                string `json:"imageTag,omitempty"`
	BackoffLimit            *int32 `json:"backoffLimit,omitempty"`
	ActiveDeadlineSeconds   *int64 `json:"activeDeadlineSeconds,omitempty"`
	TTLSecondsAfterFinished *int32 `json:"ttlSecondsAfterFinished,omitempty"`
	DependsOn               *bool  `json:"dependsOn,omitempty"`
	ArgoSyncWaves           *bool  `json:"argoSyncWaves,omitempty"`
}
