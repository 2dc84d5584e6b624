package kafkaexporter

import (
	"maps"
	"strconv"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Pod annotations KafkaExporterReconciler sets: the CA generations, which
// are 0 for CAs the operator has just created.
const (
	AnnoClusterCACertGen = "strimzi.io/cluster-ca-cert-generation"
	AnnoClusterCAKeyGen  = "strimzi.io/cluster-ca-key-generation"
	initialCAGeneration  = "0"
)

// Probe defaults of the exporter, and Strimzi's field defaults for a probe
// the user sets (KafkaExporter, StrimziProbe).
const (
	defaultProbeDelay   = 15
	defaultProbeTimeout = 15
	defaultProbePeriod  = 30
	userProbeDelay      = 15
	userProbeTimeout    = 5
)

// Deployment returns the Deployment <cluster>-kafka-exporter with one pod
// (KafkaExporter.generateDeployment). It is a Deployment in every workload
// form: Strimzi runs the exporter as one.
func (m *Model) Deployment() *appsv1.Deployment {
	var meta strimzi.MetadataTemplate
	strategy := strimzi.DeploymentRollingUpdate
	if d := m.tmpl.Deployment; d != nil {
		meta = d.Metadata
		if d.DeploymentStrategy != "" {
			strategy = d.DeploymentStrategy
		}
	}
	return &appsv1.Deployment{
		TypeMeta: metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: specs.ObjectMeta(m.Name, m.in.Namespace,
			labels.Merge(m.resourceLabels, meta.Labels), labels.UserMerged(meta.Annotations)),
		Spec: appsv1.DeploymentSpec{
			Replicas: ptr.To[int32](1),
			Selector: &metav1.LabelSelector{MatchLabels: m.selector()},
			Strategy: deploymentStrategy(strategy),
			Template: m.podTemplate(),
		},
	}
}

// deploymentStrategy is WorkloadUtils.deploymentStrategy: a rolling update
// starts the new pod before the old one stops.
func deploymentStrategy(strategy string) appsv1.DeploymentStrategy {
	if strategy == strimzi.DeploymentRecreate {
		return appsv1.DeploymentStrategy{Type: appsv1.RecreateDeploymentStrategyType}
	}
	return appsv1.DeploymentStrategy{
		Type: appsv1.RollingUpdateDeploymentStrategyType,
		RollingUpdate: &appsv1.RollingUpdateDeployment{
			MaxSurge:       ptr.To(intstr.FromInt32(1)),
			MaxUnavailable: ptr.To(intstr.FromInt32(0)),
		},
	}
}

// podTemplate is WorkloadUtils.createPodTemplateSpec for the exporter.
// The server certificate hash annotation is left out: it needs the
// certificate.
func (m *Model) podTemplate() corev1.PodTemplateSpec {
	tmpl := m.podTmpl()
	podLabels := maps.Clone(m.resourceLabels)
	maps.Copy(podLabels, m.cfg.CustomLabels.KafkaExporter)
	maps.Copy(podLabels, labels.UserMerged(tmpl.Metadata.Labels))
	annotations := map[string]string{
		AnnoClusterCACertGen: initialCAGeneration,
		AnnoClusterCAKeyGen:  initialCAGeneration,
	}
	maps.Copy(annotations, labels.UserMerged(tmpl.Metadata.Annotations))

	vols, mounts := m.volumes()
	spec := pods.Spec(tmpl, m.cfg, pods.Settings{
		ServiceAccountName: m.Name,
		Volumes:            vols,
		Containers:         []corev1.Container{m.container(mounts)},
		Affinity:           tmpl.Affinity,
	})
	// createPodTemplateSpec sets no restart policy: the API server's default, Always, applies.
	spec.RestartPolicy = ""
	return corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: podLabels, Annotations: annotations},
		Spec:       spec,
	}
}

// volumes returns the pod's volumes and the container's mounts in
// KafkaExporter's order: the temporary directory, the certificate Secrets,
// then the template's.
func (m *Model) volumes() ([]corev1.Volume, []corev1.VolumeMount) {
	tmpl := m.podTmpl()
	tmpSize := tmpl.TmpDirSizeLimit
	if tmpSize == "" {
		tmpSize = volumes.DefaultTmpSizeLimit
	}
	vols := []corev1.Volume{volumes.EmptyDirMemory(volumes.Tmp, tmpSize)}
	mounts := []corev1.VolumeMount{volumes.Mount(volumes.Tmp, volumes.TmpMountPath)}
	for _, s := range m.certificateSecrets() {
		v := secretVolume(s.Volume, s.Secret)
		v.Secret.Items = s.Items
		vols = append(vols, v)
		mounts = append(mounts, volumes.Mount(s.Volume, s.MountPath))
	}
	for _, v := range tmpl.Volumes {
		vols = append(vols, volumes.Additional(v))
	}
	return vols, append(mounts, m.containerTmpl().VolumeMounts...)
}

// secretVolume is VolumeUtils.createSecretVolume off OpenShift: files
// readable by all (0444).
func secretVolume(name, secret string) corev1.Volume {
	return corev1.Volume{Name: volumes.ValidName(name), VolumeSource: corev1.VolumeSource{
		Secret: &corev1.SecretVolumeSource{SecretName: secret, DefaultMode: ptr.To[int32](0o444)},
	}}
}

// GeneratedVolumes are the volumes Strimzi puts in the pod before the
// template's, which template volumes must not reuse.
func GeneratedVolumes() []string {
	return []string{volumes.Tmp, "kafka-exporter-certs", "cluster-ca-certs"}
}

// container is KafkaExporter.createContainer.
func (m *Model) container(mounts []corev1.VolumeMount) corev1.Container {
	c := corev1.Container{
		Name:            m.Name,
		Image:           m.Image,
		Args:            []string{"/opt/kafka-exporter/kafka_exporter_run.sh"},
		Env:             m.env(),
		Ports:           []corev1.ContainerPort{specs.ContainerPort(MetricsPortName, MetricsPort)},
		LivenessProbe:   healthProbe(m.spec.LivenessProbe),
		ReadinessProbe:  healthProbe(m.spec.ReadinessProbe),
		VolumeMounts:    mounts,
		ImagePullPolicy: pods.PullPolicy(m.cfg.ImagePullPolicy, m.Image),
		SecurityContext: pods.ContainerSecurityContext(m.cfg, m.containerTmpl().SecurityContext),
	}
	if r := m.spec.Resources; r != nil {
		c.Resources = *r.DeepCopy()
	}
	return c
}

// env is KafkaExporter.getEnvVars: the settings kafka_exporter_run.sh turns
// into flags, the operator's shared variables, then the template's, which
// cannot replace any of them.
func (m *Model) env() []corev1.EnvVar {
	s := m.spec
	env := []corev1.EnvVar{
		{Name: "KAFKA_EXPORTER_LOGGING", Value: strconv.Itoa(logLevel(orDefault(s.Logging, defaultLogLevel)))},
		{Name: "KAFKA_EXPORTER_KAFKA_VERSION", Value: m.canonicalKafkaVersion()},
		{Name: "KAFKA_EXPORTER_GROUP_REGEX", Value: orDefault(s.GroupRegex, defaultRegex)},
		{Name: "KAFKA_EXPORTER_TOPIC_REGEX", Value: orDefault(s.TopicRegex, defaultRegex)},
	}
	if s.GroupExcludeRegex != nil {
		env = append(env, corev1.EnvVar{Name: "KAFKA_EXPORTER_GROUP_EXCLUDE_REGEX", Value: *s.GroupExcludeRegex})
	}
	if s.TopicExcludeRegex != nil {
		env = append(env, corev1.EnvVar{Name: "KAFKA_EXPORTER_TOPIC_EXCLUDE_REGEX", Value: *s.TopicExcludeRegex})
	}
	env = append(env,
		corev1.EnvVar{Name: "KAFKA_EXPORTER_KAFKA_SERVER", Value: m.in.BootstrapAddress},
		corev1.EnvVar{Name: "KAFKA_EXPORTER_ENABLE_SARAMA", Value: strconv.FormatBool(s.EnableSaramaLogging)},
		corev1.EnvVar{Name: "KAFKA_EXPORTER_OFFSET_SHOW_ALL", Value: strconv.FormatBool(ptr.Deref(s.ShowAllOffsets, true))},
	)
	env = pods.AppendEnv(env, pods.SharedEnv(m.cfg)...)
	return pods.AppendEnv(env, pods.TemplateEnv(m.containerTmpl().Env)...)
}

// logLevel is the exporter's verbosity for a Strimzi level: info 0, debug
// 1, trace 2, any other 0 (KafkaExporter.loggingMapping).
func logLevel(level string) int {
	switch strings.ToLower(level) {
	case "debug":
		return 1
	case "trace":
		return 2
	default:
		return 0
	}
}

// healthProbe is GET /healthz on the metrics port (ProbeUtils.httpProbe):
// 15 s delay, 15 s timeout and a 30 s period by default; a user probe gets
// StrimziProbe's field defaults, 15 s and 5 s.
func healthProbe(p *strimzi.Probe) *corev1.Probe {
	probe := &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{
		Path: "/healthz", Port: intstr.FromString(MetricsPortName),
	}}}
	if p == nil {
		probe.InitialDelaySeconds, probe.TimeoutSeconds, probe.PeriodSeconds = defaultProbeDelay, defaultProbeTimeout, defaultProbePeriod
		return probe
	}
	pods.ApplyProbe(probe, p, userProbeDelay, userProbeTimeout)
	return probe
}

func (m *Model) podTmpl() *strimzi.PodTemplate {
	if m.tmpl.Pod == nil {
		return &strimzi.PodTemplate{}
	}
	return m.tmpl.Pod
}

func (m *Model) containerTmpl() *strimzi.ContainerTemplate {
	if m.tmpl.Container == nil {
		return &strimzi.ContainerTemplate{}
	}
	return m.tmpl.Container
}
