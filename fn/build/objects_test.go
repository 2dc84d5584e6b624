package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

func defaultConfig() *config.Spec {
	c := &config.StrimziRender{}
	_ = c.Default()
	return &c.Spec
}

// build102 is the reference build of the Dockerfile tests.
func build102() *Spec {
	return &Spec{
		BaseImage: "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1",
		Cluster:   "my-connect", Namespace: "my-namespace", CRVersion: "v1",
		Output: Output{Type: OutputDocker, Image: fidelityImage, PushSecret: "my-registry-credentials"},
		Plugins: []Plugin{{Name: "my-plugin", Artifacts: []Artifact{{
			Type: Jar, URL: "https://repo.example.com/my-plugin/1.0.0/my-plugin-1.0.0.jar",
			Sha512sum: "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
		}}}},
	}
}

func TestModel102(t *testing.T) {
	const rev = "7fba727d8e0f5d1d"
	for name, c := range map[string]struct {
		asWritten bool
		image     string
	}{
		"revision tag": {false, "registry.example.com/my-org/my-connect:" + rev},
		"as written":   {true, fidelityImage},
	} {
		t.Run(name, func(t *testing.T) {
			b := build102()
			b.TagAsWritten = c.asWritten
			require.Empty(t, Validate(b))
			m := NewModel(b, defaultConfig())
			assert.Equal(t, rev, m.Revision, "the revision hashes the output image as written")
			assert.Equal(t, c.image, m.Image)
			assert.Regexp(t, "^my-connect-connect-build-"+rev[:8]+"[0-9a-f]{8}$", m.WorkloadName())
			assert.Equal(t, "batch/namespaces/my-namespace/Job/"+m.WorkloadName(), m.DependsOn())

			job := m.Job()
			assert.Equal(t, m.WorkloadName(), job.Name)
			assert.Equal(t, rev, job.Annotations["strimzi.io/connect-build-revision"])
			assert.Equal(t, "-1", job.Annotations[AnnoSyncWave])
			assert.Nil(t, job.Spec.Selector, "the API server generates the selector")
			assert.Nil(t, job.Spec.ManualSelector)
			pod := job.Spec.Template.Spec
			assert.Equal(t, corev1.RestartPolicyNever, pod.RestartPolicy)
			assert.Equal(t, "my-connect-connect-build", pod.ServiceAccountName)
			ctr := pod.Containers[0]
			assert.Equal(t, BuildahArgs(Output{Image: c.image}), ctr.Args)
			assert.Equal(t, "quay.io/strimzi/buildah:1.2.0", ctr.Image)
			assert.Equal(t, []corev1.EnvVar{{Name: "REGISTRY_AUTH_FILE", Value: "/build/.docker/config.json"}}, ctr.Env)
			assert.Equal(t, "my-connect-connect-dockerfile-"+rev, pod.Volumes[0].ConfigMap.Name)
			assert.Equal(t, m.ConfigMap().Name, pod.Volumes[0].ConfigMap.Name)
		})
	}
}

// The reference build's Kaniko variant: no build-context, credentials at /kaniko/.docker, no env.
func TestKanikoJob(t *testing.T) {
	b := build102()
	b.Builder, b.TagAsWritten = Kaniko, true
	ctr := NewModel(b, defaultConfig()).Job().Spec.Template.Spec.Containers[0]
	assert.Equal(t, []string{"--dockerfile=/dockerfile/Dockerfile", "--image-name-with-digest-file=/dev/termination-log",
		"--destination=" + fidelityImage}, ctr.Args)
	assert.Equal(t, []corev1.VolumeMount{{Name: "dockerfile", MountPath: "/dockerfile"}, {Name: "docker-credentials", MountPath: "/kaniko/.docker"}}, ctr.VolumeMounts)
	assert.Empty(t, ctr.Env)
	assert.Equal(t, "quay.io/strimzi/kaniko-executor:1.2.0", ctr.Image)
}

func TestKanikoOptions(t *testing.T) {
	b := build102()
	b.Builder, b.CRVersion = Kaniko, "v1beta2"
	b.Output.AdditionalBuildOptions = []string{"--verbosity=debug"}
	b.Output.AdditionalKanikoOptions = []string{"--reproducible"}
	m := NewModel(b, defaultConfig())
	assert.Equal(t, []string{"--verbosity=debug", "--reproducible"}, m.Job().Spec.Template.Spec.Containers[0].Args[3:])
	assert.Equal(t, []results.Problem{{Severity: results.Warning, Path: "spec.build.output.additionalKanikoOptions", Message: "additionalKanikoOptions is deprecated: use additionalBuildOptions, which kafka.strimzi.io/v1 keeps"}}, m.Warnings())
}

func TestWarnings(t *testing.T) {
	cases := map[string]struct {
		edit func(b *Spec)
		want []results.Problem
	}{
		"none": {func(*Spec) {}, nil},
		"Kaniko options under Buildah": {func(b *Spec) {
			b.CRVersion, b.Output.AdditionalKanikoOptions = "v1beta2", []string{"--reproducible"}
		}, []results.Problem{{Severity: results.Warning, Path: "spec.build.output.additionalKanikoOptions", Message: "additionalKanikoOptions is ignored by the Buildah builder: use additionalBuildOptions and additionalPushOptions"}}},
		"Kaniko options in v1": {func(b *Spec) {
			b.Builder, b.Output.AdditionalKanikoOptions = Kaniko, []string{"--reproducible"}
		}, []results.Problem{{Severity: results.Warning, Path: "spec.build.output.additionalKanikoOptions", Message: "additionalKanikoOptions is not a field of kafka.strimzi.io/v1 KafkaConnect and is ignored: use additionalBuildOptions"}}},
		"image stream": {func(b *Spec) {
			b.OpenShift, b.TagAsWritten = true, true
			b.Output = Output{Type: OutputImageStream, Image: "my-connect-build:latest"}
		}, []results.Problem{{Severity: results.Warning, Path: "spec.build.output.image", Message: "ImageStream my-connect-build must exist in namespace my-namespace with spec.lookupPolicy.local: true: the BuildConfig pushes to it, and the workers run its tag my-connect-build:latest"}}},
		"options on OpenShift": {func(b *Spec) {
			b.OpenShift, b.Output.AdditionalPushOptions = true, []string{"--quiet"}
		}, []results.Problem{{Severity: results.Warning, Path: "spec.build.output", Message: "additionalBuildOptions and additionalPushOptions are ignored: an OpenShift BuildConfig takes no builder options"}}},
		"no namespace for depends-on": {func(b *Spec) { b.Namespace = "" }, []results.Problem{
			{Severity: results.Warning, Path: "metadata.namespace", Message: "the workers cannot be ordered after the build with config.kubernetes.io/depends-on without a namespace: " + config.NamespaceHint + ", or switch off build.dependsOn in the function config"},
		}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			b := build102()
			c.edit(b)
			assert.Equal(t, c.want, NewModel(b, defaultConfig()).Warnings())
		})
	}
}

// A change to the Job's pod that leaves the revision alone must still give a
// new Job: its pod template is immutable.
func TestJobNameFollowsItsPod(t *testing.T) {
	before := NewModel(build102(), defaultConfig())
	b := build102()
	b.Output.AdditionalBuildOptions = []string{"--retry=3"}
	after := NewModel(b, defaultConfig())
	assert.Equal(t, before.Revision, after.Revision, "options are not part of Strimzi's revision")
	assert.NotEqual(t, before.WorkloadName(), after.WorkloadName())
	assert.Equal(t, before.WorkloadName()[:len(before.WorkloadName())-8], after.WorkloadName()[:len(after.WorkloadName())-8])
}
