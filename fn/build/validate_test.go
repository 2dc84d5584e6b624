package build

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// validBuild is KafkaConnectBuildTest's RESOURCE, with checksums that pass
// our stricter check.
func validBuild() *Spec {
	return &Spec{
		BaseImage: "my-source-image:latest",
		SpecImage: "my-source-image:latest",
		Output:    Output{Type: OutputDocker, Image: "my-image:latest", PushSecret: "my-docker-credentials"},
		Cluster:   "my-cluster",
		CRVersion: "v1",
		Plugins: []Plugin{
			{Name: "my-connector", Artifacts: []Artifact{{Type: Jar, URL: "https://mydomain.tld/my.jar"}}},
			{Name: "my-connector2", Artifacts: []Artifact{{Type: Jar, URL: "https://mydomain.tld/my2.jar", Sha512sum: strings.Repeat("0", 128)}}},
		},
	}
}

func TestValidate(t *testing.T) {
	const (
		plugins0 = "spec.build.plugins[0]"
		art00    = "spec.build.plugins[0].artifacts[0]"
	)
	cases := map[string]struct {
		edit func(b *Spec)
		want []results.Problem
	}{
		"valid":                          {func(*Spec) {}, nil},
		"empty plugin list is allowed":   {func(b *Spec) { b.Plugins = []Plugin{} }, nil},
		"empty artifact list is allowed": {func(b *Spec) { b.Plugins[0].Artifacts = []Artifact{} }, nil},
		"every artifact type": {func(b *Spec) {
			b.Plugins[0].Artifacts = []Artifact{
				{Type: Jar, URL: "http://a.tld/a.jar"}, {Type: Tgz, URL: "ftp://a.tld/a.tgz"}, {Type: Zip, URL: "https://a.tld/a.zip?x=1"},
				{Type: Other, URL: "https://a.tld/a", FileName: "a.so"}, {Type: Maven, Group: "g", Artifact: "a", Version: "1", IncludeScope: "runtime"},
			}
		}, nil},

		// KafkaConnectBuildTest.testValidationPluginsExist
		"plugins missing": {func(b *Spec) { b.Plugins = nil }, []results.Problem{
			{Path: "spec.build.plugins", Message: "List of connector plugins is required when Kafka Connect Build is used."},
		}},
		// KafkaConnectBuildTest.testValidationUniqueNames
		"duplicate plugin names": {func(b *Spec) { b.Plugins[1].Name = "my-connector" }, []results.Problem{
			{Path: "spec.build.plugins[1].name", Message: "Connector plugins names have to be unique within a single KafkaConnect resource."},
		}},
		// KafkaConnectBuildTest.testValidationArtifactsExist
		"artifacts missing": {func(b *Spec) { b.Plugins[0].Artifacts = nil }, []results.Problem{
			{Path: plugins0 + ".artifacts", Message: "Each connector plugin needs to have a list of artifacts."},
		}},
		"spec image equals output image": {func(b *Spec) { b.SpecImage = "my-image:latest" }, []results.Problem{
			{Path: "spec.build.output.image", Message: "KafkaConnect .spec.image cannot be the same as .spec.build.output.image"},
		}},
		"base image may equal output image when spec image is unset": {func(b *Spec) {
			b.SpecImage, b.BaseImage = "", "my-image:latest"
		}, nil},
		"image stream output skips docker checks": {func(b *Spec) {
			b.OpenShift = true
			b.Output = Output{Type: OutputImageStream, Image: "my-source-image:latest", AdditionalBuildOptions: []string{"--file=x"}}
		}, nil},
		// KafkaConnectBuild.getVolumes
		"image stream output on Kubernetes": {func(b *Spec) {
			b.Output = Output{Type: OutputImageStream, Image: "my-stream:latest"}
		}, []results.Problem{
			{Path: "spec.build.output.type", Message: "Kubernetes build requires output of type `docker`."},
		}},
		"output missing": {func(b *Spec) { b.Output, b.NoOutput = Output{}, true }, []results.Problem{
			{Path: "spec.build.output", Message: "spec.build.output is required: set its type (docker or imagestream) and image"},
		}},
		"unknown output type": {func(b *Spec) { b.Output.Type = "oci" }, []results.Problem{
			{Path: "spec.build.output.type", Message: `output type "oci" must be docker or imagestream`},
		}},
		// KafkaConnectBuildTest.testValidateResources (ModelUtils.validateComputeResources)
		"build resources": {func(b *Spec) {
			b.Resources = &corev1.ResourceRequirements{
				Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("2"), corev1.ResourceMemory: resource.MustParse("0")},
				Limits:   corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("1")},
			}
		}, []results.Problem{
			{Path: "spec.build.resources", Message: "[KafkaConnect.spec.build.resources cpu request must be <= limit, KafkaConnect.spec.build.resources memory request must be > zero]"},
		}},
		// KafkaConnectBuild.validateAdditionalKanikoOptions
		"forbidden v1beta2 Kaniko options": {func(b *Spec) {
			b.Builder, b.CRVersion = Kaniko, "v1beta2"
			b.Output.AdditionalKanikoOptions = []string{"--reproducible", "--digest-file=/dev/null"}
		}, []results.Problem{
			{Path: "spec.build.output.additionalKanikoOptions", Message: ".spec.build.additionalKanikoOptions contains forbidden options: [--digest-file]"},
		}},
		"Kaniko options are not checked where they are ignored": {func(b *Spec) {
			b.CRVersion = "v1beta2"
			b.Output.AdditionalKanikoOptions = []string{"--digest-file=/dev/null"}
		}, nil},
		"template keys, volumes and mounts": {func(b *Spec) {
			b.Template = Template{
				Pod: &strimzi.PodTemplate{
					Metadata: strimzi.MetadataTemplate{Labels: map[string]string{"strimzi.io/x": "y"}},
					Volumes:  []strimzi.AdditionalVolume{{Name: "dockerfile", EmptyDir: &strimzi.EmptyDir{}}},
				},
				Container:      &strimzi.ContainerTemplate{VolumeMounts: []corev1.VolumeMount{{Name: "certs", MountPath: "/etc/certs"}}},
				ServiceAccount: &strimzi.ResourceTemplate{Metadata: strimzi.MetadataTemplate{Labels: map[string]string{"strimzi.io/name": "x"}}},
			}
		}, []results.Problem{
			{Path: "spec.template.buildPod.metadata.labels", Message: "User provided labels or annotations includes a Strimzi annotation: [strimzi.io/x]"},
			{Path: "spec.template.buildServiceAccount.metadata.labels", Message: "Labels starting with strimzi.io/ are not allowed in Custom Resources, such labels should be removed."},
			{Path: "spec.template.buildPod.volumes", Message: "Duplicate volume names found in additional volumes: [dockerfile]"},
			{Path: "spec.template.buildContainer.volumeMounts[0].mountPath", Message: "Forbidden path found in additional volumes. Should start with /mnt"},
			{Path: "spec.template.buildContainer.volumeMounts[0].name", Message: `mount refers to volume "certs", which the pod does not have`},
		}},
		"name too long for the Job's label": {func(b *Spec) { b.Cluster = strings.Repeat("c", 33) }, []results.Problem{
			{Path: "metadata.name", Message: `name "` + strings.Repeat("c", 33) + `" is too long for Kafka Connect Build: the build Job ` + strings.Repeat("c", 33) + "-connect-build-<revision> must fit a 63-character label, so the name can have at most 32 characters"},
		}},
		"longest name": {func(b *Spec) { b.Cluster = strings.Repeat("c", 32) }, nil},
		// KafkaConnectBuildTest.testInvalidBuildahBuildOptions
		"forbidden Buildah build options": {func(b *Spec) {
			b.Output.AdditionalBuildOptions = []string{"--logfile=my-file", "--file=/docker/Another", "--storage-driver=random"}
			b.Output.AdditionalPushOptions = []string{"--quiet"}
		}, []results.Problem{
			{Path: "spec.build.output.additionalBuildOptions", Message: ".spec.build.output.additionalBuildOptions contains forbidden options: [--logfile, --file, --storage-driver]"},
		}},
		// KafkaConnectBuildTest.testInvalidBuildahPushOptions
		"forbidden Buildah push options": {func(b *Spec) {
			b.Output.AdditionalBuildOptions = []string{"--retry=3"}
			b.Output.AdditionalPushOptions = []string{"--digestfile=/tmp/random", "--sign-by=different", "--format=xy"}
		}, []results.Problem{
			{Path: "spec.build.output.additionalPushOptions", Message: ".spec.build.output.additionalPushOptions contains forbidden options: [--digestfile, --sign-by, --format]"},
		}},
		// KafkaConnectBuildTest.testInvalidKanikoOptionsInAdditionalBuildOptions
		"forbidden Kaniko options, push options ignored": {func(b *Spec) {
			b.Builder = Kaniko
			b.Output.AdditionalBuildOptions = []string{"--reproducible", "--reproducible-something", "--build-arg", "--single-snapshot", "--digest-file=/dev/null", "--log-format=json"}
			b.Output.AdditionalPushOptions = []string{"--anything"}
		}, []results.Problem{
			{Path: "spec.build.output.additionalBuildOptions", Message: ".spec.build.output.additionalBuildOptions contains forbidden options: [--reproducible-something, --build-arg, --digest-file]"},
		}},
		"allowed options with hostile values": {func(b *Spec) {
			b.Output.AdditionalBuildOptions = []string{"--creds=u:p;touch /x"}
			b.Output.AdditionalPushOptions = []string{"--creds=$(id)"}
		}, nil},
		// KafkaConnectDockerfileTest.testNoUrlWhenRequired
		"missing URLs": {func(b *Spec) {
			b.Plugins[0].Artifacts = []Artifact{{Type: Tgz}, {Type: Zip}, {Type: Jar}, {Type: Other}}
		}, []results.Problem{
			{Path: art00 + ".url", Message: "`tgz` artifact is missing a URL."},
			{Path: "spec.build.plugins[0].artifacts[1].url", Message: "`zip` artifact is missing a URL."},
			{Path: "spec.build.plugins[0].artifacts[2].url", Message: "`jar` artifact is missing a URL."},
			{Path: "spec.build.plugins[0].artifacts[3].url", Message: "`other` artifact is missing a URL."},
		}},
		"missing Maven coordinates": {func(b *Spec) {
			b.Plugins[0].Artifacts = []Artifact{{Type: Maven}, {Type: Maven, Group: "g", Artifact: "a"}}
		}, []results.Problem{
			{Path: art00 + ".group", Message: "`maven` artifact is missing a group ID."},
			{Path: art00 + ".artifact", Message: "`maven` artifact is missing an artifact ID."},
			{Path: art00 + ".version", Message: "`maven` artifact is missing a version number."},
			{Path: "spec.build.plugins[0].artifacts[1].version", Message: "`maven` artifact is missing a version number."},
		}},

		"URL outside the CRD pattern": {func(b *Spec) {
			b.Plugins[0].Artifacts = []Artifact{{Type: Jar, URL: "file:///etc/passwd"}, {Type: Zip, URL: "https://a.tld/x.zip'$(id)"}, {Type: Tgz, URL: "https://a.tld/x."}}
		}, []results.Problem{
			{Path: art00 + ".url", Message: `url "file:///etc/passwd" must be an http, https or ftp URL matching ` + artifactURLPattern.String()},
			{Path: "spec.build.plugins[0].artifacts[1].url", Message: `url "https://a.tld/x.zip'$(id)" must be an http, https or ftp URL matching ` + artifactURLPattern.String()},
			{Path: "spec.build.plugins[0].artifacts[2].url", Message: `url "https://a.tld/x." must be an http, https or ftp URL matching ` + artifactURLPattern.String()},
		}},
		"sha512sum not 128 hex digits": {func(b *Spec) {
			b.Plugins[0].Artifacts = []Artifact{
				{Type: Jar, URL: "https://a.tld/a.jar", Sha512sum: "sha-512-checksum"},
				{Type: Jar, URL: "https://a.tld/b.jar", Sha512sum: strings.Repeat("A", 127)},
				{Type: Jar, URL: "https://a.tld/c.jar", Sha512sum: strings.Repeat("aF", 64)},
			}
		}, []results.Problem{
			{Path: art00 + ".sha512sum", Message: "sha512sum must be a SHA-512 checksum: 128 hexadecimal digits"},
			{Path: "spec.build.plugins[0].artifacts[1].sha512sum", Message: "sha512sum must be a SHA-512 checksum: 128 hexadecimal digits"},
		}},
		"plugin name that would break the Dockerfile": {func(b *Spec) { b.Plugins[0].Name = "x\nRUN id" }, []results.Problem{
			{Path: plugins0 + ".name", Message: `plugin name "x\nRUN id" must match ^[a-z0-9][-_a-z0-9]*[a-z0-9]$: lower-case letters, digits, - and _`},
		}},
		"unknown artifact type": {func(b *Spec) { b.Plugins[0].Artifacts[0].Type = "war" }, []results.Problem{
			{Path: art00 + ".type", Message: `artifact type "war" must be one of jar, tgz, zip, other or maven`},
		}},
		"output image read as an option": {func(b *Spec) { b.Output.Image = "--creds=x" }, []results.Problem{
			{Path: "spec.build.output.image", Message: `output image "--creds=x" must be an image reference: not empty, letters, digits and . _ - / : @ [ ], not starting with - . _ / : or @`},
		}},
		"output image missing": {func(b *Spec) { b.Output.Image = "" }, []results.Problem{
			{Path: "spec.build.output.image", Message: `output image "" must be an image reference: not empty, letters, digits and . _ - / : @ [ ], not starting with - . _ / : or @`},
		}},
		"spec image with a line break": {func(b *Spec) { b.SpecImage = "base:1\nRUN id" }, []results.Problem{
			{Path: "spec.image", Message: `image "base:1\nRUN id" must be an image reference: letters, digits and . _ - / : @ [ ], not starting with - . _ / : or @`},
		}},
		"images with shell syntax": {func(b *Spec) {
			b.SpecImage = "base:1`id`"
			b.Output.Image = "ghcr.io/x:$(id)"
		}, []results.Problem{
			{Path: "spec.image", Message: "image \"base:1`id`\" must be an image reference: letters, digits and . _ - / : @ [ ], not starting with - . _ / : or @"},
			{Path: "spec.build.output.image", Message: `output image "ghcr.io/x:$(id)" must be an image reference: not empty, letters, digits and . _ - / : @ [ ], not starting with - . _ / : or @`},
		}},
		"image references of every part": {func(b *Spec) {
			b.SpecImage = "[::1]:5000/org/base:1.0_rc-2@sha256:" + strings.Repeat("a", 64)
			b.Output.Image = "registry.example.com:5000/org/connect:latest"
		}, nil},
		"file names outside the artifact's directory": {func(b *Spec) {
			b.Plugins[0].Artifacts = []Artifact{
				{Type: Other, URL: "https://a.tld/a", FileName: "../../etc/passwd"},
				{Type: Other, URL: "https://a.tld/b", FileName: ".."},
				{Type: Other, URL: "https://a.tld/c", FileName: "a\nRUN id"},
				{Type: Other, URL: "https://a.tld/d", FileName: "it's $(fine).so"},
			}
		}, []results.Problem{
			{Path: art00 + ".fileName", Message: `fileName "../../etc/passwd" must name a file in the artifact's directory: no /, not . or .., no control characters`},
			{Path: "spec.build.plugins[0].artifacts[1].fileName", Message: `fileName ".." must name a file in the artifact's directory: no /, not . or .., no control characters`},
			{Path: "spec.build.plugins[0].artifacts[2].fileName", Message: `fileName "a\nRUN id" must name a file in the artifact's directory: no /, not . or .., no control characters`},
		}},
		"Maven coordinates and repositories that would break the Dockerfile": {func(b *Spec) {
			b.Plugins[0].Artifacts = []Artifact{{
				Type: Maven, Group: "org.x\nRUN id", Artifact: "../a", Version: "1/..", Repository: "https://r.tld/\nRUN id",
				Mirrors: []string{"https://m.tld/", "", "https://m.tld/\tx"}, IncludeScope: "runtime\nRUN id",
			}}
		}, []results.Problem{
			{Path: art00 + ".group", Message: `group "org.x\nRUN id" must match ^[A-Za-z0-9_.-]+$, as Maven requires`},
			{Path: art00 + ".artifact", Message: `artifact "../a" must match ^[A-Za-z0-9_.-]+$, as Maven requires`},
			{Path: art00 + ".version", Message: `version "1/.." must not contain spaces, control characters or any of \/:"<>|?*, as Maven requires`},
			{Path: art00 + ".repository", Message: `repository "https://r.tld/\nRUN id" must be a URL: no spaces or control characters`},
			{Path: art00 + ".mirrors[1].url", Message: `mirror "" must be a URL: not empty, no spaces or control characters`},
			{Path: art00 + ".mirrors[2].url", Message: `mirror "https://m.tld/\tx" must be a URL: not empty, no spaces or control characters`},
			{Path: art00 + ".includeScope", Message: `includeScope "runtime\nRUN id" must be one of compile, provided, runtime, test, system`},
		}},
		"Maven coordinates Maven takes": {func(b *Spec) {
			b.Plugins[0].Artifacts = []Artifact{{
				Type: Maven, Group: "org.example_1", Artifact: "my-connector.core", Version: "1.0.0-SNAPSHOT+b.7'$(x)",
				Repository: "https://r.tld/m2?a=$(id)&b='x'", IncludeScope: "provided",
			}}
		}, nil},

		"every problem, Strimzi's first": {func(b *Spec) {
			b.SpecImage = "my-image:latest"
			b.Output.AdditionalPushOptions = []string{"--sign-by=x"}
			b.Plugins = append(b.Plugins,
				Plugin{Name: "my-connector", Artifacts: []Artifact{{Type: Jar, URL: "gopher://x"}}},
				Plugin{Name: "Bad"})
		}, []results.Problem{
			{Path: "spec.build.plugins[2].name", Message: "Connector plugins names have to be unique within a single KafkaConnect resource."},
			{Path: "spec.build.plugins[3].artifacts", Message: "Each connector plugin needs to have a list of artifacts."},
			{Path: "spec.build.output.image", Message: "KafkaConnect .spec.image cannot be the same as .spec.build.output.image"},
			{Path: "spec.build.output.additionalPushOptions", Message: ".spec.build.output.additionalPushOptions contains forbidden options: [--sign-by]"},
			{Path: "spec.build.plugins[2].artifacts[0].url", Message: `url "gopher://x" must be an http, https or ftp URL matching ` + artifactURLPattern.String()},
			{Path: "spec.build.plugins[3].name", Message: `plugin name "Bad" must match ^[a-z0-9][-_a-z0-9]*[a-z0-9]$: lower-case letters, digits, - and _`},
		}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			b := validBuild()
			c.edit(b)
			assert.Equal(t, c.want, Validate(b))
		})
	}
}

// A build that passes Validate renders without unquoted user text breaking
// a line: each plugin adds exactly its section.
func TestValidatedBuildKeepsDockerfileShape(t *testing.T) {
	b := validBuild()
	assert.Empty(t, Validate(b))
	df := Dockerfile(b)
	assert.Equal(t, 2, strings.Count(df, "# Connector plugin "))
	assert.Equal(t, 1, strings.Count(df, "\nFROM "))
}

func TestForbiddenOptionsNameTheBuilderThatAcceptsThem(t *testing.T) {
	assert.Equal(t, "", otherBuilderHint(BuildahBuildOptions, []string{"--logfile"}))
	assert.Contains(t, otherBuilderHint(BuildahBuildOptions, []string{"--insecure"}), "Kaniko accepts --insecure: to build with Kaniko, set spec.build.builder: kaniko")
	assert.Contains(t, otherBuilderHint(KanikoOptions, []string{"--creds"}), "Buildah accepts --creds: to build with Buildah, set spec.build.builder: buildah")
	assert.Equal(t, "", otherBuilderHint(BuildahPushOptions, []string{"--insecure"}))
}
