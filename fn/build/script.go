package build

import (
	"slices"

	"github.com/strimzi-render/strimzi-render/fn/quote"
)

// Paths inside the build container.
const (
	DockerfilePath = "/dockerfile/Dockerfile" // the Dockerfile ConfigMap is mounted at /dockerfile
	digestFile     = "/tmp/digest"
	terminationLog = "/dev/termination-log"
)

// BuildahArgs returns the args of the Buildah container: /bin/bash, -ec and
// a three-line script that builds, pushes, and writes <name>@<digest> to the
// termination log (KafkaConnectBuild.buildahArguments).
func BuildahArgs(o Output) []string {
	return []string{"/bin/bash", "-ec", buildahScript(o, digestFile, terminationLog)}
}

// buildahScript takes the digest and termination-log paths as parameters so
// that tests can run the script.
//
// Strimzi pastes the image and the options into the script unquoted, so an
// option such as --creds=u:p;touch /x runs a command. Here each of them is a
// quote.Word, single-quoted. We chose that over positional parameters
// (bash -ec script bash args...) because the script keeps Strimzi's three
// lines, reads plainly in the pod spec, and needs no index arithmetic to
// split build from push options. The script is therefore not byte-identical
// to Strimzi's, which no hash depends on.
func buildahScript(o Output, digest, termLog string) string {
	return quote.Script(
		quote.Line(
			quote.Text("buildah build --file="+DockerfilePath+" --tag="), quote.Word(o.Image),
			quote.Text(" --storage-driver=vfs"), quote.Words(o.AdditionalBuildOptions)),
		quote.Line(
			quote.Text("buildah push --storage-driver=vfs --digestfile="+digest), quote.Words(o.AdditionalPushOptions),
			quote.Text(" "), quote.Word(o.Image)),
		quote.Line(
			quote.Text(`echo "$(buildah images --storage-driver=vfs --format '{{.Name}}' `), quote.Word(o.Image),
			quote.Text(`)@$(cat `+digest+`)" > `+termLog)),
	)
}

// KanikoArgs returns the args of the Kaniko executor
// (KafkaConnectBuild.kanikoArguments). Kaniko runs them without a shell, so
// the options pass verbatim and inert; additionalPushOptions do not apply.
func KanikoArgs(o Output) []string {
	return slices.Concat([]string{
		"--dockerfile=" + DockerfilePath,
		"--image-name-with-digest-file=" + terminationLog,
		"--destination=" + o.Image,
	}, o.AdditionalBuildOptions)
}
