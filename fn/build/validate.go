package build

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Problem is one thing wrong with a Build: the field, as a path such as
// spec.build.plugins[1].artifacts[0].url, and what is wrong with it.
type Problem struct {
	Path    string
	Message string
}

// Patterns of the KafkaConnect CRD (041-Crd-kafkaconnect.yaml).
var (
	pluginNamePattern  = regexp.MustCompile(`^[a-z0-9][-_a-z0-9]*[a-z0-9]$`)
	artifactURLPattern = regexp.MustCompile(`^(https?|ftp)://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$`)
	sha512Pattern      = regexp.MustCompile(`^[0-9a-fA-F]{128}$`)
)

// Validate reports every problem in b. Strimzi's checks come first, in the
// order Strimzi runs them and with its messages (KafkaConnectBuild.fromCrd
// and validateBuildConfiguration, then the artifact checks of
// KafkaConnectDockerfile), so the first problem is the one the operator would
// report; Strimzi stops there. Our own checks follow: what the CRD patterns
// demand, and what keeps user strings that Strimzi writes unquoted (plugin
// names, images) from changing the Dockerfile or the build command.
func Validate(b *Build) []Problem {
	var ps problems
	ps.strimzi(b)
	ps.ours(b)
	return ps
}

type problems []Problem

func (ps *problems) add(path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

func (ps *problems) strimzi(b *Build) {
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
}

func (ps *problems) options(path, strimziPath string, list Options, options []string) {
	if forbidden := list.Forbidden(options); len(forbidden) > 0 {
		ps.add(path, "%s", ForbiddenMessage(strimziPath, forbidden))
	}
}

func (ps *problems) ours(b *Build) {
	if b.SpecImage != "" && !isImageReference(b.SpecImage) {
		ps.add("spec.image", "image %q must be an image reference: no spaces or control characters, not starting with -", b.SpecImage)
	}
	if !isImageReference(b.Output.Image) {
		ps.add("spec.build.output.image", "output image %q must be an image reference: not empty, no spaces or control characters, not starting with -", b.Output.Image)
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
			case Maven:
			default:
				ps.add(path+".type", "artifact type %q must be one of jar, tgz, zip, other or maven", a.Type)
			}
		}
	}
}

// isImageReference rejects what would let an image change the Dockerfile
// (a line break after FROM) or a command line (an option for buildah push).
func isImageReference(s string) bool {
	return s != "" && !strings.HasPrefix(s, "-") && !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	})
}

func pluginPath(i int) string { return fmt.Sprintf("spec.build.plugins[%d]", i) }

func artifactPath(i, j int) string { return fmt.Sprintf("spec.build.plugins[%d].artifacts[%d]", i, j) }
