package build

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Patterns of the KafkaConnect CRD (041-Crd-kafkaconnect.yaml).
var (
	pluginNamePattern  = regexp.MustCompile(`^[a-z0-9][-_a-z0-9]*[a-z0-9]$`)
	artifactURLPattern = regexp.MustCompile(`^(https?|ftp)://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$`)
	sha512Pattern      = regexp.MustCompile(`^[0-9a-fA-F]{128}$`)
	// imagePattern takes the characters of the distribution reference
	// grammar (registry, port, path, tag, digest): no shell or Dockerfile syntax.
	imagePattern = regexp.MustCompile(`^[a-zA-Z0-9\[][a-zA-Z0-9._/:@\[\]-]*$`)
	// mavenIDPattern is Maven's rule for group and artifact IDs
	// (DefaultModelValidator.ID_REGEX).
	mavenIDPattern = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
)

// mavenVersionBanned are the characters Maven bans from versions
// (DefaultModelValidator.ILLEGAL_VERSION_CHARS).
const mavenVersionBanned = `\/:"<>|?*`

// includeScopes is the CRD's enum for a Maven artifact's includeScope.
var includeScopes = []string{"compile", "provided", "runtime", "test", "system"}

// Validate reports every problem in b. A missing output comes first, as the
// CRD requires it. Strimzi's checks follow, in the order Strimzi runs them
// and with its messages (KafkaConnectBuild.fromCrd and
// validateBuildConfiguration, the artifact checks of KafkaConnectDockerfile,
// then generateBuilderPod), so the first problem is the one the operator
// would report; Strimzi stops there. Our own checks close: what the CRD
// patterns demand, what keeps user strings that Strimzi writes unquoted
// (plugin names, images) from changing the Dockerfile or the build command,
// the template rules, and the name length the per-revision names need.
// Paths are fields of the KafkaConnect, such as
// spec.build.plugins[1].artifacts[0].url.
func Validate(b *Spec) []results.Problem {
	var ps problems
	if b.NoOutput {
		ps.add("spec.build.output", "spec.build.output is required: set its type (docker or imagestream) and image")
	}
	ps.strimzi(b)
	ps.ours(b)
	ps.templates(b)
	ps.name(b)
	return ps
}

type problems []results.Problem

func (ps *problems) add(path, format string, args ...any) {
	*ps = append(*ps, results.Errorf(path, format, args...))
}

func (ps *problems) warn(path, format string, args ...any) {
	*ps = append(*ps, results.Warningf(path, format, args...))
}

func (ps *problems) strimzi(b *Spec) {
	if b.Plugins == nil {
		ps.add("spec.build.plugins", "List of connector plugins is required when Kafka Connect Build is used.")
	}
	seen := make(map[string]bool, len(b.Plugins))
	for i, p := range b.Plugins {
		if seen[p.Name] {
			ps.add(pluginPath(i)+".name", "Connector plugins names have to be unique within a single KafkaConnect resource.")
		}
		seen[p.Name] = true
	}
	for i, p := range b.Plugins {
		if p.Artifacts == nil {
			ps.add(pluginPath(i)+".artifacts", "Each connector plugin needs to have a list of artifacts.")
		}
	}
	ps.results(pods.CheckResources("spec.build.resources", b.Resources, "KafkaConnect.spec.build.resources"))

	if b.Output.Type == OutputDocker {
		if b.SpecImage != "" && b.SpecImage == b.Output.Image {
			ps.add("spec.build.output.image", "KafkaConnect .spec.image cannot be the same as .spec.build.output.image")
		}
		buildList := BuildahBuildOptions
		if b.Builder == Kaniko {
			buildList = KanikoOptions
		}
		ps.options("spec.build.output.additionalBuildOptions", BuildOptionsPath, buildList, b.Output.AdditionalBuildOptions)
		if b.Builder == Buildah {
			ps.options("spec.build.output.additionalPushOptions", PushOptionsPath, BuildahPushOptions, b.Output.AdditionalPushOptions)
		}
		if b.kanikoOptionsApply() {
			ps.options("spec.build.output.additionalKanikoOptions", KanikoOptionsPath, KanikoOptions, b.Output.AdditionalKanikoOptions)
		}
	}

	for i, p := range b.Plugins {
		for j, a := range p.Artifacts {
			path := artifactPath(i, j)
			switch a.Type {
			case Jar, Tgz, Zip, Other:
				if a.URL == "" {
					ps.add(path+".url", "`%s` artifact is missing a URL.", a.Type)
				}
			case Maven:
				if a.Group == "" {
					ps.add(path+".group", "`maven` artifact is missing a group ID.")
				}
				if a.Artifact == "" {
					ps.add(path+".artifact", "`maven` artifact is missing an artifact ID.")
				}
				if a.Version == "" {
					ps.add(path+".version", "`maven` artifact is missing a version number.")
				}
			}
		}
	}
	if !b.OpenShift && b.Output.Type == OutputImageStream {
		ps.add("spec.build.output.type", "Kubernetes build requires output of type `docker`.")
	}
}

func (ps *problems) results(rs []results.Problem) {
	*ps = append(*ps, rs...)
}

func (ps *problems) options(path, strimziPath string, list Options, options []string) {
	forbidden := list.Forbidden(options)
	if len(forbidden) == 0 {
		return
	}
	ps.add(path, "%s%s", ForbiddenMessage(strimziPath, forbidden), otherBuilderHint(list, forbidden))
}

// otherBuilderHint names the options of a build list that the other
// builder accepts, and how to choose it: the function config's
// spec.build.builder, which stands for the operator's
// UseConnectBuildWithBuildah feature gate.
func otherBuilderHint(list Options, forbidden []string) string {
	var other Options
	var name, value, gate string
	switch list {
	case BuildahBuildOptions:
		other, name, value, gate = KanikoOptions, "Kaniko", config.BuilderKaniko, "off"
	case KanikoOptions:
		other, name, value, gate = BuildahBuildOptions, "Buildah", config.BuilderBuildah, "on"
	default:
		return ""
	}
	var accepted []string
	for _, f := range forbidden {
		if slices.Contains(other.Allowed(), f) {
			accepted = append(accepted, f)
		}
	}
	if len(accepted) == 0 {
		return ""
	}
	return fmt.Sprintf(". %s accepts %s: to build with %s, set spec.build.builder: %s in the StrimziRender function config (as the operator builds with its UseConnectBuildWithBuildah feature gate %s)",
		name, strings.Join(accepted, ", "), name, value, gate)
}

func (ps *problems) ours(b *Spec) {
	if b.SpecImage != "" && !imagePattern.MatchString(b.SpecImage) {
		ps.add("spec.image", "image %q must be an image reference: letters, digits and . _ - / : @ [ ], not starting with - . _ / : or @", b.SpecImage)
	}
	switch b.Output.Type {
	case OutputDocker, OutputImageStream:
	default:
		if !b.NoOutput {
			ps.add("spec.build.output.type", "output type %q must be docker or imagestream", b.Output.Type)
		}
	}
	if !b.NoOutput && !imagePattern.MatchString(b.Output.Image) {
		ps.add("spec.build.output.image", "output image %q must be an image reference: not empty, letters, digits and . _ - / : @ [ ], not starting with - . _ / : or @", b.Output.Image)
	}
	if s := b.Output.PushSecret; s != "" {
		// It names the Secret of a volume or of the BuildConfig.
		for _, msg := range validation.IsDNS1123Subdomain(s) {
			ps.add("spec.build.output.pushSecret", "%q is not a Secret name: %s", s, msg)
		}
	}
	if t := b.Template.BuildConfig; t != nil && t.PullSecret != "" {
		for _, msg := range validation.IsDNS1123Subdomain(t.PullSecret) {
			ps.add("spec.template.buildConfig.pullSecret", "%q is not a Secret name: %s", t.PullSecret, msg)
		}
	}
	for i, p := range b.Plugins {
		if !pluginNamePattern.MatchString(p.Name) {
			ps.add(pluginPath(i)+".name", "plugin name %q must match %s: lower-case letters, digits, - and _", p.Name, pluginNamePattern)
		}
		for j, a := range p.Artifacts {
			path := artifactPath(i, j)
			switch a.Type {
			case Jar, Tgz, Zip, Other:
				if a.URL != "" && !artifactURLPattern.MatchString(a.URL) {
					ps.add(path+".url", "url %q must be an http, https or ftp URL matching %s", a.URL, artifactURLPattern)
				}
				if a.Sha512sum != "" && !sha512Pattern.MatchString(a.Sha512sum) {
					ps.add(path+".sha512sum", "sha512sum must be a SHA-512 checksum: 128 hexadecimal digits")
				}
				if a.Type == Other && a.FileName != "" && !isFileName(a.FileName) {
					ps.add(path+".fileName", "fileName %q must name a file in the artifact's directory: no /, not . or .., no control characters", a.FileName)
				}
			case Maven:
				ps.maven(path, a)
			default:
				ps.add(path+".type", "artifact type %q must be one of jar, tgz, zip, other or maven", a.Type)
			}
		}
	}
}

// maven checks what the Dockerfile uses of a Maven artifact beyond
// Strimzi's checks. The coordinates become paths and URLs in the Maven
// stage and the repositories go into its settings file, all on RUN lines:
// a line break in any of them would start a Dockerfile instruction of the
// user's, and a / in a coordinate would climb out of the artifact's directory.
func (ps *problems) maven(path string, a Artifact) {
	for _, id := range []struct{ field, value string }{{"group", a.Group}, {"artifact", a.Artifact}} {
		if id.value != "" && !mavenIDPattern.MatchString(id.value) {
			ps.add(path+"."+id.field, "%s %q must match %s, as Maven requires", id.field, id.value, mavenIDPattern)
		}
	}
	if a.Version != "" && (strings.ContainsAny(a.Version, mavenVersionBanned) || hasSpaceOrControl(a.Version)) {
		ps.add(path+".version", "version %q must not contain spaces, control characters or any of %s, as Maven requires", a.Version, mavenVersionBanned)
	}
	if a.Repository != "" && hasSpaceOrControl(a.Repository) {
		ps.add(path+".repository", "repository %q must be a URL: no spaces or control characters", a.Repository)
	}
	for i, m := range a.Mirrors {
		if m == "" || hasSpaceOrControl(m) {
			ps.add(fmt.Sprintf("%s.mirrors[%d].url", path, i), "mirror %q must be a URL: not empty, no spaces or control characters", m)
		}
	}
	if a.IncludeScope != "" && !slices.Contains(includeScopes, a.IncludeScope) {
		ps.add(path+".includeScope", "includeScope %q must be one of %s", a.IncludeScope, strings.Join(includeScopes, ", "))
	}
}

// isFileName accepts a name curl can write inside the artifact's directory.
func isFileName(s string) bool {
	return s != "." && s != ".." && !strings.Contains(s, "/") && !strings.ContainsFunc(s, unicode.IsControl)
}

func hasSpaceOrControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
}

// templates applies the rules of Strimzi's other templates to the build's:
// no strimzi.io/ keys, and template volumes and mounts as TemplateUtils
// checks them against the volumes of the build pod.
func (ps *problems) templates(b *Spec) {
	t := b.Template
	if t.Pod != nil {
		ps.userKeys("spec.template.buildPod.metadata.labels", t.Pod.Metadata.Labels)
		ps.userKeys("spec.template.buildPod.metadata.annotations", t.Pod.Metadata.Annotations)
	}
	if t.ServiceAccount != nil {
		ps.reserved("spec.template.buildServiceAccount.metadata.labels", t.ServiceAccount.Metadata.Labels)
	}
	if t.BuildConfig != nil {
		ps.reserved("spec.template.buildConfig.metadata.labels", t.BuildConfig.Metadata.Labels)
	}
	if b.OpenShift {
		return // the BuildConfig has no pod of ours
	}
	existing := b.podVolumeNames()
	if t.Pod != nil {
		ps.results(volumes.CheckVolumes(t.Pod.Volumes, existing, "spec.template.buildPod.volumes", false))
		for _, v := range t.Pod.Volumes {
			existing = append(existing, v.Name)
		}
	}
	if t.Container != nil {
		ps.results(volumes.CheckMounts(t.Container.VolumeMounts, existing, "spec.template.buildContainer.volumeMounts"))
	}
}

func (ps *problems) userKeys(path string, m map[string]string) {
	if bad := labels.StrimziKeys(m); len(bad) > 0 {
		ps.add(path, "%s", labels.MsgStrimziInUser(bad))
	}
}

func (ps *problems) reserved(path string, m map[string]string) {
	if len(labels.ReservedLabels(m)) > 0 {
		ps.add(path, "%s", labels.MsgStrimziLabelOnCR)
	}
}

// name checks that the per-revision Job or BuildConfig name fits the
// 63-character label (job-name, openshift.io/build-config.name) that
// Kubernetes and OpenShift put it in.
func (ps *problems) name(b *Spec) {
	longest := names.ConnectBuildRevision(b.Cluster, strings.Repeat("0", RevisionLength))
	if len(longest) <= validation.DNS1123LabelMaxLength {
		return
	}
	kind := "Job"
	if b.OpenShift {
		kind = "BuildConfig"
	}
	ps.add("metadata.name", "name %q is too long for Kafka Connect Build: the build %s %s-connect-build-<revision> must fit a %d-character label, so the name can have at most %d characters",
		b.Cluster, kind, b.Cluster, validation.DNS1123LabelMaxLength, validation.DNS1123LabelMaxLength-len(longest)+len(b.Cluster))
}

func pluginPath(i int) string { return fmt.Sprintf("spec.build.plugins[%d]", i) }

func artifactPath(i, j int) string { return fmt.Sprintf("spec.build.plugins[%d].artifacts[%d]", i, j) }
