package build

import (
	"maps"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/labels"
)

// BuildConfig is the part of OpenShift's build.openshift.io/v1 BuildConfig
// that a Connect Build uses.
type BuildConfig struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              BuildConfigSpec `json:"spec"`
}

// BuildConfigSpec is the BuildConfig's spec.
type BuildConfigSpec struct {
	Triggers                     []BuildTrigger               `json:"triggers,omitempty"`
	RunPolicy                    string                       `json:"runPolicy,omitempty"`
	Source                       BuildSource                  `json:"source"`
	Strategy                     BuildStrategy                `json:"strategy"`
	Output                       BuildOutput                  `json:"output"`
	Resources                    *corev1.ResourceRequirements `json:"resources,omitempty"`
	SuccessfulBuildsHistoryLimit *int32                       `json:"successfulBuildsHistoryLimit,omitempty"`
	FailedBuildsHistoryLimit     *int32                       `json:"failedBuildsHistoryLimit,omitempty"`
}

// BuildTrigger starts builds; ConfigChange starts one when the BuildConfig is created.
type BuildTrigger struct {
	Type string `json:"type"`
}

// BuildSource is an inline Dockerfile source.
type BuildSource struct {
	Type       string `json:"type"`
	Dockerfile string `json:"dockerfile,omitempty"`
}

// BuildStrategy is the Docker strategy.
type BuildStrategy struct {
	Type           string               `json:"type"`
	DockerStrategy *DockerBuildStrategy `json:"dockerStrategy,omitempty"`
}

// DockerBuildStrategy names the secret used to pull the base images.
type DockerBuildStrategy struct {
	PullSecret *corev1.LocalObjectReference `json:"pullSecret,omitempty"`
}

// BuildOutput is where the image goes: a DockerImage or an ImageStreamTag.
type BuildOutput struct {
	To         *corev1.ObjectReference      `json:"to,omitempty"`
	PushSecret *corev1.LocalObjectReference `json:"pushSecret,omitempty"`
}

// Strimzi's BuildConfig settings (KafkaConnectBuild.generateBuildConfig).
const buildsHistoryLimit int32 = 5

// BuildConfig returns the OpenShift BuildConfig <cluster>-connect-build-<revision>
// (KafkaConnectBuild.generateBuildConfig). Strimzi starts each build with a
// BuildRequest; here a ConfigChange trigger starts it when the BuildConfig
// is created, and the name per revision makes each revision a new one.
func (m *Model) BuildConfig() *BuildConfig {
	var tmplLabels, tmplAnnotations map[string]string
	var pullSecret string
	if t := m.Template.BuildConfig; t != nil {
		tmplLabels, tmplAnnotations, pullSecret = t.Metadata.Labels, t.Metadata.Annotations, t.PullSecret
	}
	annotations := maps.Clone(tmplAnnotations)
	if annotations == nil {
		annotations = map[string]string{}
	}
	annotations[labels.AnnoConnectBuildRevision] = m.Revision

	out := BuildOutput{To: &corev1.ObjectReference{Kind: "DockerImage", Name: m.Image}}
	if m.Output.Type == OutputImageStream {
		out.To.Kind = "ImageStreamTag"
	} else if m.Output.PushSecret != "" {
		out.PushSecret = &corev1.LocalObjectReference{Name: m.Output.PushSecret}
	}
	strategy := &DockerBuildStrategy{}
	if pullSecret != "" {
		strategy.PullSecret = &corev1.LocalObjectReference{Name: pullSecret}
	}
	return &BuildConfig{
		TypeMeta:   metav1.TypeMeta{APIVersion: "build.openshift.io/v1", Kind: "BuildConfig"},
		ObjectMeta: m.objectMeta(m.WorkloadName(), labels.Merge(m.resourceLabels, tmplLabels), annotations),
		Spec: BuildConfigSpec{
			Triggers:                     []BuildTrigger{{Type: "ConfigChange"}},
			RunPolicy:                    "Serial",
			Source:                       BuildSource{Type: "Dockerfile", Dockerfile: m.Dockerfile},
			Strategy:                     BuildStrategy{Type: "Docker", DockerStrategy: strategy},
			Output:                       out,
			Resources:                    m.Resources,
			SuccessfulBuildsHistoryLimit: ptr.To(buildsHistoryLimit),
			FailedBuildsHistoryLimit:     ptr.To(buildsHistoryLimit),
		},
	}
}
