package strimzi

import (
	corev1 "k8s.io/api/core/v1"
)

// MetadataTemplate is Strimzi's template metadata (labels and annotations).
type MetadataTemplate struct {
	Labels      map[string]string `json:"labels,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

// ResourceTemplate is a template that holds only metadata.
type ResourceTemplate struct {
	Metadata MetadataTemplate `json:"metadata,omitempty"`
}

// PodTemplate is Strimzi's PodTemplate, and StatefulPodTemplate when
// TemplatedVolumes is set.
type PodTemplate struct {
	Metadata                      MetadataTemplate                  `json:"metadata,omitempty"`
	ImagePullSecrets              []corev1.LocalObjectReference     `json:"imagePullSecrets,omitempty"`
	SecurityContext               *corev1.PodSecurityContext        `json:"securityContext,omitempty"`
	TerminationGracePeriodSeconds *int64                            `json:"terminationGracePeriodSeconds,omitempty"`
	Affinity                      *corev1.Affinity                  `json:"affinity,omitempty"`
	Tolerations                   []corev1.Toleration               `json:"tolerations,omitempty"`
	TopologySpreadConstraints     []corev1.TopologySpreadConstraint `json:"topologySpreadConstraints,omitempty"`
	PriorityClassName             string                            `json:"priorityClassName,omitempty"`
	SchedulerName                 string                            `json:"schedulerName,omitempty"`
	HostAliases                   []corev1.HostAlias                `json:"hostAliases,omitempty"`
	DNSPolicy                     corev1.DNSPolicy                  `json:"dnsPolicy,omitempty"`
	DNSConfig                     *corev1.PodDNSConfig              `json:"dnsConfig,omitempty"`
	EnableServiceLinks            *bool                             `json:"enableServiceLinks,omitempty"`
	TmpDirSizeLimit               string                            `json:"tmpDirSizeLimit,omitempty"`
	Volumes                       []AdditionalVolume                `json:"volumes,omitempty"`
	TemplatedVolumes              []AdditionalVolume                `json:"templatedVolumes,omitempty"`
	HostUsers                     *bool                             `json:"hostUsers,omitempty"`
}

// AdditionalVolume is one entry of template.pod.volumes or templatedVolumes.
type AdditionalVolume struct {
	Name                  string                                    `json:"name"`
	Secret                *corev1.SecretVolumeSource                `json:"secret,omitempty"`
	ConfigMap             *corev1.ConfigMapVolumeSource             `json:"configMap,omitempty"`
	EmptyDir              *EmptyDir                                 `json:"emptyDir,omitempty"`
	PersistentVolumeClaim *corev1.PersistentVolumeClaimVolumeSource `json:"persistentVolumeClaim,omitempty"`
	CSI                   *corev1.CSIVolumeSource                   `json:"csi,omitempty"`
	Image                 *corev1.ImageVolumeSource                 `json:"image,omitempty"`
}

// EmptyDir is Strimzi's emptyDir type: a medium and a size limit string.
type EmptyDir struct {
	Medium    string `json:"medium,omitempty"`
	SizeLimit string `json:"sizeLimit,omitempty"`
}

// ContainerTemplate is Strimzi's ContainerTemplate.
type ContainerTemplate struct {
	Env             []ContainerEnvVar       `json:"env,omitempty"`
	SecurityContext *corev1.SecurityContext `json:"securityContext,omitempty"`
	VolumeMounts    []corev1.VolumeMount    `json:"volumeMounts,omitempty"`
}

// ContainerEnvVar is a template env var: a value, or a Secret or ConfigMap key.
type ContainerEnvVar struct {
	Name      string        `json:"name"`
	Value     string        `json:"value,omitempty"`
	ValueFrom *EnvVarSource `json:"valueFrom,omitempty"`
}

// EnvVarSource is the subset of corev1.EnvVarSource Strimzi accepts.
type EnvVarSource struct {
	SecretKeyRef    *corev1.SecretKeySelector    `json:"secretKeyRef,omitempty"`
	ConfigMapKeyRef *corev1.ConfigMapKeySelector `json:"configMapKeyRef,omitempty"`
}

// ServiceTemplate is the template of a Service: metadata and IP families.
type ServiceTemplate struct {
	Metadata       MetadataTemplate       `json:"metadata,omitempty"`
	IPFamilyPolicy *corev1.IPFamilyPolicy `json:"ipFamilyPolicy,omitempty"`
	IPFamilies     []corev1.IPFamily      `json:"ipFamilies,omitempty"`
}

// PodDisruptionBudgetTemplate is the template of a PDB.
type PodDisruptionBudgetTemplate struct {
	Metadata       MetadataTemplate `json:"metadata,omitempty"`
	MaxUnavailable *int32           `json:"maxUnavailable,omitempty"`
}

// BuildConfigTemplate is the OpenShift BuildConfig template.
type BuildConfigTemplate struct {
	Metadata   MetadataTemplate `json:"metadata,omitempty"`
	PullSecret string           `json:"pullSecret,omitempty"`
}

// Probe is Strimzi's probe settings.
type Probe struct {
	InitialDelaySeconds *int32 `json:"initialDelaySeconds,omitempty"`
	TimeoutSeconds      *int32 `json:"timeoutSeconds,omitempty"`
	PeriodSeconds       *int32 `json:"periodSeconds,omitempty"`
	SuccessThreshold    *int32 `json:"successThreshold,omitempty"`
	FailureThreshold    *int32 `json:"failureThreshold,omitempty"`
}

// JvmOptions is Strimzi's jvmOptions.
type JvmOptions struct {
	Xms                  string            `json:"-Xms,omitempty"`
	Xmx                  string            `json:"-Xmx,omitempty"`
	XX                   map[string]string `json:"-XX,omitempty"`
	GcLoggingEnabled     *bool             `json:"gcLoggingEnabled,omitempty"`
	JavaSystemProperties []SystemProperty  `json:"javaSystemProperties,omitempty"`
}

// SystemProperty is one -Dname=value.
type SystemProperty struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ConfigMapKeyRef points at one key of a ConfigMap.
type ConfigMapKeyRef struct {
	ConfigMapKeyRef *corev1.ConfigMapKeySelector `json:"configMapKeyRef,omitempty"`
}

// Logging is Strimzi's inline or external logging.
type Logging struct {
	Type      string            `json:"type,omitempty"`
	Loggers   map[string]string `json:"loggers,omitempty"`
	ValueFrom *ConfigMapKeyRef  `json:"valueFrom,omitempty"`
}

// MetricsConfig is Strimzi's metricsConfig.
type MetricsConfig struct {
	Type      string           `json:"type,omitempty"`
	ValueFrom *ConfigMapKeyRef `json:"valueFrom,omitempty"`
	Values    *MetricsValues   `json:"values,omitempty"`
}

// MetricsValues configures the Strimzi metrics reporter.
type MetricsValues struct {
	AllowList []string `json:"allowList,omitempty"`
}

// Rack is Strimzi's rack awareness settings.
type Rack struct {
	Type        string `json:"type,omitempty"`
	TopologyKey string `json:"topologyKey,omitempty"`
	EnvVarName  string `json:"envVarName,omitempty"`
}

// Tracing is Strimzi's tracing settings.
type Tracing struct {
	Type string `json:"type,omitempty"`
}

// JmxOptions is Strimzi's jmxOptions.
type JmxOptions struct {
	Authentication *JmxAuthentication `json:"authentication,omitempty"`
}

// JmxAuthentication is the JMX authentication type (password).
type JmxAuthentication struct {
	Type string `json:"type,omitempty"`
}
