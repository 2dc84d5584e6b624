package strimzi

import (
	"encoding/json"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// KafkaConnect is a decoded kafka.strimzi.io KafkaConnect (v1 or v1beta2).
type KafkaConnect struct {
	Object
	Spec KafkaConnectSpec
	// Config is spec.config in input order with values as written.
	Config []ConfigEntry
}

// KafkaConnectSpec is the spec of KafkaConnect v1, plus the v1beta2 fields
// that v1 dropped and the renderer-only storage extension.
type KafkaConnectSpec struct {
	Version               string                       `json:"version,omitempty"`
	Replicas              *int32                       `json:"replicas,omitempty"`
	Image                 string                       `json:"image,omitempty"`
	BootstrapServers      string                       `json:"bootstrapServers,omitempty"`
	GroupID               string                       `json:"groupId,omitempty"`
	ConfigStorageTopic    string                       `json:"configStorageTopic,omitempty"`
	StatusStorageTopic    string                       `json:"statusStorageTopic,omitempty"`
	OffsetStorageTopic    string                       `json:"offsetStorageTopic,omitempty"`
	TLS                   *ClientTLS                   `json:"tls,omitempty"`
	Authentication        *ClientAuthentication        `json:"authentication,omitempty"`
	Resources             *corev1.ResourceRequirements `json:"resources,omitempty"`
	LivenessProbe         *Probe                       `json:"livenessProbe,omitempty"`
	ReadinessProbe        *Probe                       `json:"readinessProbe,omitempty"`
	JvmOptions            *JvmOptions                  `json:"jvmOptions,omitempty"`
	JmxOptions            *JmxOptions                  `json:"jmxOptions,omitempty"`
	Logging               *Logging                     `json:"logging,omitempty"`
	ClientRackInitImage   string                       `json:"clientRackInitImage,omitempty"`
	Rack                  *Rack                        `json:"rack,omitempty"`
	MetricsConfig         *MetricsConfig               `json:"metricsConfig,omitempty"`
	Tracing               *Tracing                     `json:"tracing,omitempty"`
	Template              *KafkaConnectTemplate        `json:"template,omitempty"`
	Build                 *Build                       `json:"build,omitempty"`
	Plugins               []MountedPlugin              `json:"plugins,omitempty"`
	Storage               *ConnectStorage              `json:"storage,omitempty"`
	ExternalConfiguration json.RawMessage              `json:"externalConfiguration,omitempty"`
}

// KafkaConnectTemplate is spec.template.
type KafkaConnectTemplate struct {
	PodSet              *ResourceTemplate            `json:"podSet,omitempty"`
	Pod                 *PodTemplate                 `json:"pod,omitempty"`
	APIService          *ServiceTemplate             `json:"apiService,omitempty"`
	HeadlessService     *ServiceTemplate             `json:"headlessService,omitempty"`
	ConnectContainer    *ContainerTemplate           `json:"connectContainer,omitempty"`
	InitContainer       *ContainerTemplate           `json:"initContainer,omitempty"`
	PodDisruptionBudget *PodDisruptionBudgetTemplate `json:"podDisruptionBudget,omitempty"`
	ServiceAccount      *ResourceTemplate            `json:"serviceAccount,omitempty"`
	ClusterRoleBinding  *ResourceTemplate            `json:"clusterRoleBinding,omitempty"`
	BuildPod            *PodTemplate                 `json:"buildPod,omitempty"`
	BuildContainer      *ContainerTemplate           `json:"buildContainer,omitempty"`
	BuildConfig         *BuildConfigTemplate         `json:"buildConfig,omitempty"`
	BuildServiceAccount *ResourceTemplate            `json:"buildServiceAccount,omitempty"`
	JmxSecret           *ResourceTemplate            `json:"jmxSecret,omitempty"`
}

// ClientTLS is spec.tls.
type ClientTLS struct {
	TrustedCertificates []CertSecretSource `json:"trustedCertificates,omitempty"`
}

// CertSecretSource names a certificate (or a pattern of them) in a Secret.
type CertSecretSource struct {
	SecretName  string `json:"secretName,omitempty"`
	Certificate string `json:"certificate,omitempty"`
	Pattern     string `json:"pattern,omitempty"`
}

// ClientAuthentication is spec.authentication, all types flattened.
type ClientAuthentication struct {
	Type              string          `json:"type,omitempty"`
	CertificateAndKey *CertAndKey     `json:"certificateAndKey,omitempty"`
	Username          string          `json:"username,omitempty"`
	PasswordSecret    *PasswordSecret `json:"passwordSecret,omitempty"`
	Sasl              *bool           `json:"sasl,omitempty"`
	Config            map[string]any  `json:"config,omitempty"`
}

// CertAndKey names a certificate and its key in one Secret.
type CertAndKey struct {
	SecretName  string `json:"secretName,omitempty"`
	Certificate string `json:"certificate,omitempty"`
	Key         string `json:"key,omitempty"`
}

// PasswordSecret names a password key in a Secret.
type PasswordSecret struct {
	SecretName string `json:"secretName,omitempty"`
	Password   string `json:"password,omitempty"`
}

// MountedPlugin is one spec.plugins entry: a plugin from image artifacts.
type MountedPlugin struct {
	Name      string          `json:"name,omitempty"`
	Artifacts []ImageArtifact `json:"artifacts,omitempty"`
}

// ImageArtifact is an image (OCI artifact) mounted as an image volume.
type ImageArtifact struct {
	Type       string `json:"type,omitempty"`
	Reference  string `json:"reference,omitempty"`
	PullPolicy string `json:"pullPolicy,omitempty"`
}

// Build is spec.build (Kafka Connect Build).
type Build struct {
	Output    *BuildOutput                 `json:"output,omitempty"`
	Plugins   []BuildPlugin                `json:"plugins"`
	Resources *corev1.ResourceRequirements `json:"resources,omitempty"`
}

// BuildOutput is spec.build.output.
type BuildOutput struct {
	Type                    string   `json:"type,omitempty"`
	Image                   string   `json:"image,omitempty"`
	PushSecret              string   `json:"pushSecret,omitempty"`
	AdditionalBuildOptions  []string `json:"additionalBuildOptions,omitempty"`
	AdditionalPushOptions   []string `json:"additionalPushOptions,omitempty"`
	AdditionalKanikoOptions []string `json:"additionalKanikoOptions,omitempty"`
}

// BuildPlugin is one spec.build.plugins entry.
type BuildPlugin struct {
	Name      string          `json:"name,omitempty"`
	Artifacts []BuildArtifact `json:"artifacts"`
}

// BuildArtifact is a downloadable artifact, every type flattened.
type BuildArtifact struct {
	Type         string        `json:"type,omitempty"`
	URL          string        `json:"url,omitempty"`
	Sha512Sum    string        `json:"sha512sum,omitempty"`
	Insecure     bool          `json:"insecure,omitempty"`
	FileName     string        `json:"fileName,omitempty"`
	Group        string        `json:"group,omitempty"`
	Artifact     string        `json:"artifact,omitempty"`
	Version      string        `json:"version,omitempty"`
	Repository   string        `json:"repository,omitempty"`
	Mirrors      []MavenMirror `json:"mirrors,omitempty"`
	IncludeScope string        `json:"includeScope,omitempty"`
}

// MavenMirror is one Maven mirror URL.
type MavenMirror struct {
	URL string `json:"url,omitempty"`
}

// ConnectStorage is the renderer-only spec.storage: one claim shared by
// every worker (the Connect shared-volume proposal). Strimzi's CRD has no
// such field, so it never reaches a cluster.
type ConnectStorage struct {
	Type        string `json:"type,omitempty"`
	Size        string `json:"size,omitempty"`
	Class       string `json:"class,omitempty"`
	DeleteClaim bool   `json:"deleteClaim,omitempty"`
	MountPath   string `json:"mountPath,omitempty"`
	AccessMode  string `json:"accessMode,omitempty"`
}

// DecodeKafkaConnect decodes a KafkaConnect node.
func DecodeKafkaConnect(node *yaml.RNode) (*KafkaConnect, error) {
	kc := &KafkaConnect{Object: newObject(node)}
	size, err := decodeSpec(node, &kc.Spec)
	if err != nil {
		return nil, err
	}
	kc.SpecBytes = size
	cfg, err := ConfigEntries(node, "spec", "config")
	if err != nil {
		return nil, err
	}
	kc.Config = cfg
	return kc, nil
}
