package build

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Volumes, mounts and environment of the build pod (KafkaConnectBuild).
const (
	DockerfileVolume       = "dockerfile"
	DockerfileMountPath    = "/dockerfile"
	ContextVolume          = "build-context"
	ContextMountPath       = "/var/tmp" // Buildah's working storage
	CredentialsVolume      = "docker-credentials"
	BuildahCredentialsPath = "/build/.docker"
	KanikoCredentialsPath  = "/kaniko/.docker"
	// CredentialsMode is 0444; Strimzi uses 0440 on OpenShift, which builds
	// with a BuildConfig here.
	CredentialsMode  int32 = 0o444
	registryAuthFile       = "REGISTRY_AUTH_FILE"
	dockerConfigKey        = ".dockerconfigjson"
	dockerConfigFile       = "config.json"
)

// Spec is the decoded build request: everything the Connect Build needs
// from a KafkaConnect and from the operator configuration. A nil slice
// means the field was absent, an empty one that it was an empty list;
// Strimzi treats the two differently.
type Spec struct {
	// BaseImage is the FROM image of the main stage: .spec.image, or the
	// Connect image of .spec.version in STRIMZI_KAFKA_CONNECT_IMAGES.
	BaseImage string
	// SpecImage is .spec.image as written, "" when unset. Only validation
	// reads it: Strimzi compares it, not BaseImage, with the output image.
	SpecImage string
	// MavenBuilder is STRIMZI_DEFAULT_MAVEN_BUILDER; "" means DefaultMavenBuilder.
	MavenBuilder string
	// Proxy holds the operator's proxy variables, written as Dockerfile ARGs.
	Proxy Proxy
	// Builder selects the allow-lists for additional options.
	Builder Builder
	Output  Output
	// Plugins is .spec.build.plugins.
	Plugins []Plugin

	// Cluster and Namespace are the KafkaConnect's name and namespace.
	Cluster   string
	Namespace string
	// CRVersion is the version of the KafkaConnect's apiVersion: v1 or v1beta2.
	CRVersion string
	// Labels are the KafkaConnect's labels that reach its objects, after
	// STRIMZI_LABELS_EXCLUSION_PATTERN.
	Labels map[string]string
	// NoOutput is set when .spec.build.output is absent.
	NoOutput bool
	// OpenShift renders a BuildConfig instead of a Job.
	OpenShift bool
	// TagAsWritten pushes Output.Image itself instead of the
	// content-addressed image (function config build.imageTag: asWritten).
	TagAsWritten bool
	// Resources is .spec.build.resources.
	Resources *corev1.ResourceRequirements
	// Template holds the build parts of .spec.template.
	Template Template
}

// Template is template.buildPod, buildContainer, buildConfig and
// buildServiceAccount; nil when absent.
type Template struct {
	Pod            *strimzi.PodTemplate
	Container      *strimzi.ContainerTemplate
	BuildConfig    *strimzi.BuildConfigTemplate
	ServiceAccount *strimzi.ResourceTemplate
}

// Proxy holds HTTP_PROXY, HTTPS_PROXY and NO_PROXY; "" means unset.
type Proxy struct {
	HTTPProxy  string
	HTTPSProxy string
	NoProxy    string
}

// Builder is the program that runs a Kubernetes build: Buildah when the
// UseConnectBuildWithBuildah feature gate is on (the default), else Kaniko.
type Builder int

const (
	Buildah Builder = iota
	Kaniko
)

// OutputType is .spec.build.output.type.
type OutputType string

const (
	OutputDocker      OutputType = "docker"
	OutputImageStream OutputType = "imagestream"
)

// Output is .spec.build.output.
type Output struct {
	Type       OutputType
	Image      string
	PushSecret string
	// AdditionalBuildOptions and AdditionalPushOptions are passed to the
	// builder; they are user data and never part of the revision.
	AdditionalBuildOptions []string
	AdditionalPushOptions  []string
	// AdditionalKanikoOptions is the v1beta2 field that Kaniko read before
	// additionalBuildOptions existed (proposal 114).
	AdditionalKanikoOptions []string
}

// Plugin is one entry of .spec.build.plugins.
type Plugin struct {
	Name      string
	Artifacts []Artifact
}

// ArtifactType is an artifact's type field.
type ArtifactType string

const (
	Jar   ArtifactType = "jar"
	Tgz   ArtifactType = "tgz"
	Zip   ArtifactType = "zip"
	Other ArtifactType = "other"
	Maven ArtifactType = "maven"
)

// Artifact is one entry of a plugin's artifacts. The CRD has one flat
// object for all types; each type reads only its own fields. "" means
// unset for every string field.
type Artifact struct {
	Type ArtifactType
	// URL, Sha512sum and Insecure apply to jar, tgz, zip and other;
	// Insecure also to maven.
	URL       string
	Sha512sum string
	Insecure  bool
	// FileName applies to other only.
	FileName string
	// Maven coordinates and settings.
	Group        string
	Artifact     string
	Version      string
	Repository   string
	Mirrors      []string
	IncludeScope string
}

// podVolumeNames are the names of volumes, in order, that template volumes
// must not take.
func (b *Spec) podVolumeNames() []string {
	out := []string{DockerfileVolume}
	if b.Builder == Buildah {
		out = append(out, ContextVolume)
	}
	if b.Output.PushSecret != "" {
		out = append(out, CredentialsVolume)
	}
	return out
}

// kanikoOptionsApply is whether Kaniko runs with v1beta2 additionalKanikoOptions.
func (b *Spec) kanikoOptionsApply() bool {
	return len(b.Output.AdditionalKanikoOptions) > 0 && b.CRVersion == strimzi.V1beta2 && b.Builder == Kaniko && !b.OpenShift
}
