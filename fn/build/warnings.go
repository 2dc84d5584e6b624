package build

import (
	"strings"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Warnings reports what renders but needs the user's attention: options
// that have no effect, and what an image stream output needs from the
// cluster. Strimzi reports the first as a deprecation condition
// (proposal 114) and checks the second when it starts a build.
func (m *Model) Warnings() []results.Problem {
	var ps problems
	b := m.Spec
	const kanikoPath = "spec.build.output.additionalKanikoOptions"
	if len(b.Output.AdditionalKanikoOptions) > 0 {
		switch {
		case b.CRVersion != strimzi.V1beta2:
			ps.warn(kanikoPath, "additionalKanikoOptions is not a field of kafka.strimzi.io/%s KafkaConnect and is ignored: use additionalBuildOptions", b.CRVersion)
		case b.OpenShift:
			ps.warn(kanikoPath, "additionalKanikoOptions is ignored: an OpenShift BuildConfig takes no builder options")
		case b.Builder == Buildah:
			ps.warn(kanikoPath, "additionalKanikoOptions is ignored by the Buildah builder: use additionalBuildOptions and additionalPushOptions")
		default:
			ps.warn(kanikoPath, "additionalKanikoOptions is deprecated: use additionalBuildOptions, which kafka.strimzi.io/v1 keeps")
		}
	}
	if b.OpenShift && (len(b.Output.AdditionalBuildOptions) > 0 || len(b.Output.AdditionalPushOptions) > 0) {
		ps.warn("spec.build.output", "additionalBuildOptions and additionalPushOptions are ignored: an OpenShift BuildConfig takes no builder options")
	}
	if b.OpenShift && b.Output.Type == OutputImageStream {
		stream, _, _ := strings.Cut(b.Output.Image, ":")
		ps.warn("spec.build.output.image", "ImageStream %s must exist in namespace %s with spec.lookupPolicy.local: true: the BuildConfig pushes to it, and the workers run its tag %s",
			stream, b.Namespace, m.Image)
	}
	if *m.cfg.Build.DependsOn && b.Namespace == "" {
		ps.warn("metadata.namespace", "the workers cannot be ordered after the build with config.kubernetes.io/depends-on without a namespace: %s, or switch off build.dependsOn in the function config", config.NamespaceHint)
	}
	return ps
}
