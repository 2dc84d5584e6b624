package build

import (
	"slices"
	"strings"
)

// Paths Strimzi names in its forbidden-options message.
const (
	BuildOptionsPath = ".spec.build.output.additionalBuildOptions"
	PushOptionsPath  = ".spec.build.output.additionalPushOptions"
	// KanikoOptionsPath is how Strimzi named v1beta2 additionalKanikoOptions
	// (KafkaConnectBuild.validateAdditionalKanikoOptions).
	KanikoOptionsPath = ".spec.build.additionalKanikoOptions"
)

// Options names one of Strimzi's allow-lists for additional builder options.
type Options int

const (
	// BuildahBuildOptions are allowed in additionalBuildOptions with Buildah.
	BuildahBuildOptions Options = iota
	// BuildahPushOptions are allowed in additionalPushOptions with Buildah.
	BuildahPushOptions
	// KanikoOptions are allowed in additionalBuildOptions with Kaniko, which
	// ignores additionalPushOptions.
	KanikoOptions
)

// The allow-lists of DockerOutput (ALLOWED_BUILDAH_BUILD_OPTIONS,
// ALLOWED_BUILDAH_PUSH_OPTIONS, ALLOWED_KANIKO_OPTIONS), in Strimzi's order.
var allowedOptions = map[Options][]string{
	BuildahBuildOptions: {"--authfile", "--cert-dir", "--creds", "--decryption-key", "--retry", "--retry-delay", "--tls-verify"},
	BuildahPushOptions:  {"--authfile", "--cert-dir", "--creds", "--quiet", "--retry", "--retry-delay", "--tls-verify"},
	KanikoOptions: {"--customPlatform", "--custom-platform", "--insecure", "--insecure-pull", "--insecure-registry",
		"--log-format", "--log-timestamp", "--registry-mirror", "--reproducible", "--single-snapshot", "--skip-tls-verify",
		"--skip-tls-verify-pull", "--skip-tls-verify-registry", "--verbosity", "--snapshotMode", "--use-new-run",
		"--registry-certificate", "--registry-client-cert", "--ignore-path"},
}

// Allowed returns a copy of the allow-list.
func (o Options) Allowed() []string {
	return slices.Clone(allowedOptions[o])
}

// Forbidden returns the names of the options that are not allowed, in input
// order, as KafkaConnectBuild.validateAdditionalOptions lists them. A name
// is the text before the first "=", or the whole option; it must equal an
// allowed name exactly, so "--creds user:pw" (one item with a space) is
// forbidden.
func (o Options) Forbidden(options []string) []string {
	var out []string
	for _, opt := range options {
		if name := OptionName(opt); !slices.Contains(allowedOptions[o], name) {
			out = append(out, name)
		}
	}
	return out
}

// OptionName is the part of an option before the first "=".
func OptionName(option string) string {
	name, _, _ := strings.Cut(option, "=")
	return name
}

// ForbiddenMessage is Strimzi's message for forbidden options, for example
// ".spec.build.output.additionalBuildOptions contains forbidden options: [--logfile, --file]".
func ForbiddenMessage(path string, forbidden []string) string {
	return path + " contains forbidden options: [" + strings.Join(forbidden, ", ") + "]"
}
