package build

import (
	"encoding/json"

	"github.com/strimzi-render/strimzi-render/fn/digest"
	"maps"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Names and values of the build objects.
const (
	// ComponentType is the strimzi.io/component-type and app.kubernetes.io/name
	// of build objects (KafkaConnectBuild.APPLICATION_NAME).
	ComponentType = "kafka-connect-build"
	// DockerfileKey is the Dockerfile ConfigMap's data key.
	DockerfileKey = "Dockerfile"
	// AnnoSyncWave orders Argo CD's sync: build objects go one wave before
	// the workers, and Argo CD waits for the Job to finish in between.
	AnnoSyncWave = "argocd.argoproj.io/sync-wave"
	syncWave     = "-1"
)

// Model is a validated Spec ready to render: its Dockerfile, revision and
// the image it pushes are computed once.
type Model struct {
	*Spec
	cfg *config.Spec
	// Dockerfile is the text Strimzi would generate.
	Dockerfile string
	// Revision is Strimzi's build revision, hashStub(Dockerfile) +
	// hashStub(output image as written).
	Revision string
	// Image is what the build pushes and the workers run: the output
	// image's repository tagged with Revision, or the output image as
	// written with TagAsWritten.
	Image string

	resourceLabels map[string]string
}

// NewModel computes the build's Dockerfile, revision and pushed image. The
// revision hashes the output image as written, as Strimzi's does, so the
// tag can be derived from it and asWritten builds keep Strimzi's revision.
func NewModel(b *Spec, cfg *config.Spec) *Model {
	m := &Model{Spec: b, cfg: cfg, Dockerfile: Dockerfile(b)}
	m.Revision = Revision(m.Dockerfile, b.Output.Image)
	m.Image = b.Output.Image
	if !b.TagAsWritten {
		m.Image = ContentAddressedImage(b.Output.Image, m.Revision)
	}
	m.resourceLabels = labels.Resource(labels.Component{
		Cluster: b.Cluster, Name: names.ConnectBuild(b.Cluster), Kind: strimzi.KindKafkaConnect,
		ComponentType: ComponentType, AppName: ComponentType,
	}, b.Labels)
	return m
}

// Objects returns the build's objects in apply order: on Kubernetes the
// Dockerfile ConfigMap, the ServiceAccount and the Job; on OpenShift the
// BuildConfig, which holds the Dockerfile itself.
func (m *Model) Objects() []specs.Object {
	if m.OpenShift {
		return []specs.Object{m.BuildConfig()}
	}
	return []specs.Object{m.ConfigMap(), m.ServiceAccount(), m.Job()}
}

// WorkloadName is the name of the Job or BuildConfig that runs the build.
// A Job's pod template cannot change, so a Job is named by the Dockerfile's
// hash and a hash of its own spec: any change (options, resources,
// templates, builder image) gives a new Job instead of an edit the API
// server would refuse. BuildConfigs can change in place and keep the revision.
func (m *Model) WorkloadName() string {
	if m.OpenShift {
		return names.ConnectBuildRevision(m.Cluster, m.Revision)
	}
	spec, _ := json.Marshal(m.jobSpec()) // plain API types always marshal
	return names.ConnectBuildRevision(m.Cluster, m.Revision[:digest.StubLength]+digest.HashStubBytes(spec))
}

// DependsOn is the config.kubernetes.io/depends-on reference to the Job (or
// BuildConfig) that the workers are applied after under kpt and Config Sync
// (a Job counts as started, not finished, there); "" when
// switched off or when there is no namespace to name it by.
func (m *Model) DependsOn() string {
	if !*m.cfg.Build.DependsOn || m.Namespace == "" {
		return ""
	}
	if m.OpenShift {
		return "build.openshift.io/namespaces/" + m.Namespace + "/BuildConfig/" + m.WorkloadName()
	}
	return "batch/namespaces/" + m.Namespace + "/Job/" + m.WorkloadName()
}

// ConfigMap returns the Dockerfile ConfigMap <cluster>-connect-dockerfile-<revision>
// (KafkaConnectBuild.generateDockerfileConfigMap, named per revision).
func (m *Model) ConfigMap() *corev1.ConfigMap {
	return &corev1.ConfigMap{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"},
		ObjectMeta: m.objectMeta(names.ConnectDockerfileRevision(m.Cluster, m.Revision), m.resourceLabels, nil),
		Data:       map[string]string{DockerfileKey: m.Dockerfile},
	}
}

// ServiceAccount returns <cluster>-connect-build, which the build pod runs
// as (KafkaConnectBuild.generateServiceAccount). It keeps one name across
// revisions: it holds nothing that changes with them.
func (m *Model) ServiceAccount() *corev1.ServiceAccount {
	var meta strimzi.MetadataTemplate
	if t := m.Template.ServiceAccount; t != nil {
		meta = t.Metadata
	}
	return &corev1.ServiceAccount{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ServiceAccount"},
		ObjectMeta: m.objectMeta(names.ConnectBuild(m.Cluster), labels.Merge(m.resourceLabels, meta.Labels), meta.Annotations),
	}
}

// objectMeta is the metadata of a build object; with Argo CD sync waves on,
// it sorts the object into the wave before the workers.
func (m *Model) objectMeta(name string, l, annotations map[string]string) metav1.ObjectMeta {
	a := maps.Clone(annotations)
	if *m.cfg.Build.ArgoSyncWaves {
		if a == nil {
			a = map[string]string{}
		}
		a[AnnoSyncWave] = syncWave
	}
	if len(a) == 0 {
		a = nil
	}
	return metav1.ObjectMeta{Name: name, Namespace: m.Namespace, Labels: maps.Clone(l), Annotations: a}
}
