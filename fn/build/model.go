package build

// Build is everything the Connect Build needs from a KafkaConnect and from
// the operator configuration. A nil slice means the field was absent, an
// empty one that it was an empty list; Strimzi treats the two differently.
type Build struct {
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
