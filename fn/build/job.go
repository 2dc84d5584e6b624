package build

import (
	"maps"
	"slices"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Job returns the build Job <cluster>-connect-build-<hash> (see WorkloadName). Its pod is
// Strimzi's build pod (KafkaConnectBuild.generateBuilderPod), pushing Image;
// the Job runs it once when the bundle is applied, where the operator would
// start the pod and watch it.
func (m *Model) Job() *batchv1.Job {
	return &batchv1.Job{
		TypeMeta: metav1.TypeMeta{APIVersion: "batch/v1", Kind: "Job"},
		ObjectMeta: m.objectMeta(m.WorkloadName(), m.resourceLabels,
			map[string]string{labels.AnnoConnectBuildRevision: m.Revision}),
		Spec: m.jobSpec(),
	}
}

func (m *Model) jobSpec() batchv1.JobSpec {
	b := m.cfg.Build
	return batchv1.JobSpec{
		BackoffLimit:            ptr.To(*b.BackoffLimit),
		ActiveDeadlineSeconds:   ptr.To(*b.ActiveDeadlineSeconds),
		TTLSecondsAfterFinished: b.TTLSecondsAfterFinished,
		Template:                m.podTemplate(map[string]string{labels.AnnoConnectBuildRevision: m.Revision}),
	}
}

func (m *Model) podTemplate(rev map[string]string) corev1.PodTemplateSpec {
	tmpl := m.Template.Pod
	if tmpl == nil {
		tmpl = &strimzi.PodTemplate{}
	}
	podLabels := maps.Clone(m.resourceLabels)
	maps.Copy(podLabels, m.cfg.CustomLabels.KafkaConnectBuild)
	maps.Copy(podLabels, labels.UserMerged(tmpl.Metadata.Labels))
	annotations := maps.Clone(rev)
	maps.Copy(annotations, labels.UserMerged(tmpl.Metadata.Annotations))

	vols := m.volumes()
	for _, v := range tmpl.Volumes {
		vols = append(vols, volumes.Additional(v))
	}
	return corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: podLabels, Annotations: annotations},
		Spec: pods.Spec(tmpl, m.cfg, pods.Settings{
			ServiceAccountName: names.ConnectBuild(m.Cluster),
			RestartPolicy:      corev1.RestartPolicyNever,
			Volumes:            vols,
			Containers:         []corev1.Container{m.container()},
		}),
	}
}

// volumes are the build pod's own volumes, before the template's.
func (m *Model) volumes() []corev1.Volume {
	vols := []corev1.Volume{{Name: DockerfileVolume, VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
		LocalObjectReference: corev1.LocalObjectReference{Name: names.ConnectDockerfileRevision(m.Cluster, m.Revision)},
		Items:                []corev1.KeyToPath{{Key: DockerfileKey, Path: DockerfileKey}},
	}}}}
	if m.Builder == Buildah {
		vols = append(vols, corev1.Volume{Name: ContextVolume, VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}})
	}
	if s := m.Output.PushSecret; s != "" {
		vols = append(vols, corev1.Volume{Name: CredentialsVolume, VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{
			SecretName:  s,
			Items:       []corev1.KeyToPath{{Key: dockerConfigKey, Path: dockerConfigFile}},
			DefaultMode: ptr.To(CredentialsMode),
		}}})
	}
	return vols
}

func (m *Model) container() corev1.Container {
	var tmpl strimzi.ContainerTemplate
	if m.Template.Container != nil {
		tmpl = *m.Template.Container
	}
	out := m.Output
	out.Image = m.Image
	image, args, credentials := m.cfg.Images.Buildah, BuildahArgs(out), BuildahCredentialsPath
	if m.Builder == Kaniko {
		if m.kanikoOptionsApply() {
			out.AdditionalBuildOptions = slices.Concat(out.AdditionalBuildOptions, out.AdditionalKanikoOptions)
		}
		image, args, credentials = m.cfg.Images.Kaniko, KanikoArgs(out), KanikoCredentialsPath
	}

	mounts := []corev1.VolumeMount{{Name: DockerfileVolume, MountPath: DockerfileMountPath}}
	if m.Builder == Buildah {
		mounts = append(mounts, corev1.VolumeMount{Name: ContextVolume, MountPath: ContextMountPath})
	}
	env := pods.SharedEnv(m.cfg)
	if m.Output.PushSecret != "" {
		mounts = append(mounts, corev1.VolumeMount{Name: CredentialsVolume, MountPath: credentials})
		if m.Builder == Buildah {
			env = pods.AppendEnv(env, corev1.EnvVar{Name: registryAuthFile, Value: BuildahCredentialsPath + "/" + dockerConfigFile})
		}
	}
	env = pods.AppendEnv(env, pods.TemplateEnv(tmpl.Env)...)

	c := corev1.Container{
		Name:            names.ConnectBuild(m.Cluster),
		Image:           image,
		Args:            args,
		Env:             env,
		VolumeMounts:    append(mounts, tmpl.VolumeMounts...),
		ImagePullPolicy: pods.PullPolicy(m.cfg.ImagePullPolicy, image),
		// Never the restricted provider's context: no builder runs under it.
		SecurityContext: tmpl.SecurityContext,
	}
	if m.Resources != nil {
		c.Resources = *m.Resources.DeepCopy()
	}
	return c
}

// RestrictedWarning says why the build Job's pod cannot meet the restricted
// Pod Security Standard (proposal 114); "" on OpenShift, where no pod of
// ours builds. Baseline admits both builders.
func (m *Model) RestrictedWarning() string {
	const lead, advice = "the build Job's pod cannot meet the restricted Pod Security Standard: ",
		"; run the build in a namespace that enforces baseline at most"
	switch {
	case m.OpenShift:
		return ""
	case m.Builder == Kaniko:
		return lead + "the Kaniko executor runs as root to unpack and snapshot the image file system" + advice
	default:
		return lead + "Buildah needs the CAP_SETUID, CAP_SETGID and CAP_KILL capabilities, which restricted drops" + advice
	}
}
