package cruisecontrol

import (
	"maps"
	"strconv"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/digest"
	"github.com/strimzi-render/strimzi-render/fn/jvm"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Pod annotations CruiseControlReconciler sets. The CA generations are 0
// for CAs the operator has just created; the two hashes roll the pod when
// the configuration or the capacities change. strimzi.io/auth-hash and
// strimzi.io/server-cert-hash hash Secret contents and are left out.
const (
	AnnoClusterCACertGen = "strimzi.io/cluster-ca-cert-generation"
	AnnoClusterCAKeyGen  = "strimzi.io/cluster-ca-key-generation"
	AnnoConfigHash       = "strimzi.io/configuration-hash"
	AnnoCapacityHash     = "strimzi.io/capacity-configuration-hash"
	initialCAGeneration  = "0"
)

// Volumes and mounts of the pod (CruiseControl).
const (
	certsVolume       = "cc-certs"
	certsMount        = "/etc/cruise-control/cc-certs/"
	clusterCAVolume   = "cluster-ca-certs"
	clusterCAMount    = "/etc/cruise-control/cluster-ca-certs/"
	apiAuthVolume     = "api-auth-config"
	apiAuthMount      = "/opt/cruise-control/api-auth-config/"
	configVolume      = "config"
	configMount       = "/opt/cruise-control/custom-config/"
	runScript         = "/opt/cruise-control/cruise_control_run.sh"
	healthCheckScript = "/opt/cruise-control/cruise_control_healthcheck.sh"
)

// Probe defaults (ProbeUtils.DEFAULT_HEALTHCHECK_OPTIONS), which are also
// StrimziProbe's field defaults.
const (
	probeDelay   = 15
	probeTimeout = 5
)

// Deployment returns the Deployment <cluster>-cruise-control with one pod
// (CruiseControl.generateDeployment). It is a Deployment in every workload
// form: Strimzi runs Cruise Control as one.
func (m *Model) Deployment() *appsv1.Deployment {
	var meta strimzi.MetadataTemplate
	strategy := appsv1.DeploymentStrategy{
		Type: appsv1.RollingUpdateDeploymentStrategyType,
		RollingUpdate: &appsv1.RollingUpdateDeployment{
			MaxSurge:       ptr.To(intstr.FromInt32(1)),
			MaxUnavailable: ptr.To(intstr.FromInt32(0)),
		},
	}
	if d := m.tmpl.Deployment; d != nil {
		meta = d.Metadata
		if d.DeploymentStrategy == strimzi.DeploymentRecreate {
			strategy = appsv1.DeploymentStrategy{Type: appsv1.RecreateDeploymentStrategyType}
		}
	}
	return &appsv1.Deployment{
		TypeMeta: metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: specs.ObjectMeta(m.Name, m.in.Namespace,
			labels.Merge(m.resourceLabels, meta.Labels), labels.UserMerged(meta.Annotations)),
		Spec: appsv1.DeploymentSpec{
			Replicas: ptr.To[int32](1),
			Selector: &metav1.LabelSelector{MatchLabels: m.selector()},
			Strategy: strategy,
			Template: m.podTemplate(),
		},
	}
}

// podTemplate is WorkloadUtils.createPodTemplateSpec for Cruise Control.
func (m *Model) podTemplate() corev1.PodTemplateSpec {
	tmpl := m.podTmpl()
	podLabels := maps.Clone(m.resourceLabels)
	maps.Copy(podLabels, m.cfg.CustomLabels.CruiseControl)
	maps.Copy(podLabels, labels.UserMerged(tmpl.Metadata.Labels))
	annotations := map[string]string{
		AnnoClusterCACertGen: initialCAGeneration,
		AnnoClusterCAKeyGen:  initialCAGeneration,
		AnnoConfigHash:       digest.HashStub(m.conf.Text()),
		AnnoCapacityHash:     digest.HashStub(m.capacity.JSON()),
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
// CruiseControl's order: the temporary directory, the certificate, CA and
// API Secrets, the ConfigMap, then the template's.
func (m *Model) volumes() ([]corev1.Volume, []corev1.VolumeMount) {
	tmpl := m.podTmpl()
	tmpSize := tmpl.TmpDirSizeLimit
	if tmpSize == "" {
		tmpSize = volumes.DefaultTmpSizeLimit
	}
	vols := []corev1.Volume{
		volumes.EmptyDirMemory(volumes.Tmp, tmpSize),
		m.serverVolume(),
		m.clusterCAVolume(),
		secretVolume(apiAuthVolume, m.certs.API),
		volumes.ConfigMap(configVolume, names.CruiseControlConfig(m.in.Cluster)),
	}
	mounts := []corev1.VolumeMount{
		volumes.Mount(volumes.Tmp, volumes.TmpMountPath),
		volumes.Mount(certsVolume, certsMount),
		volumes.Mount(clusterCAVolume, clusterCAMount),
		volumes.Mount(apiAuthVolume, apiAuthMount),
		volumes.Mount(configVolume, configMount),
	}
	for _, v := range tmpl.Volumes {
		vols = append(vols, volumes.Additional(v))
	}
	return vols, append(mounts, m.containerTmpl().VolumeMounts...)
}

// GeneratedVolumes are the volumes Strimzi puts in the pod before the
// template's, which template volumes must not reuse.
func GeneratedVolumes() []string {
	return []string{volumes.Tmp, certsVolume, clusterCAVolume, apiAuthVolume, configVolume}
}

// secretVolume is VolumeUtils.createSecretVolume off OpenShift: files
// readable by all (0444).
func secretVolume(name, secret string) corev1.Volume {
	return corev1.Volume{Name: volumes.ValidName(name), VolumeSource: corev1.VolumeSource{
		Secret: &corev1.SecretVolumeSource{SecretName: secret, DefaultMode: ptr.To[int32](0o444)},
	}}
}

// serverVolume holds the server certificate, its keys mapped to the file
// names the image reads when the Secret names them otherwise.
func (m *Model) serverVolume() corev1.Volume {
	v := secretVolume(certsVolume, m.certs.Server)
	v.Secret.Items = m.certs.serverItems()
	return v
}

// clusterCAVolume holds the cluster CA certificate as ca.crt.
func (m *Model) clusterCAVolume() corev1.Volume {
	v := secretVolume(clusterCAVolume, m.certs.ClusterCA)
	v.Secret.Items = m.certs.clusterCAItems()
	return v
}

// container is CruiseControl.createContainer.
func (m *Model) container(mounts []corev1.VolumeMount) corev1.Container {
	ports := []corev1.ContainerPort{specs.ContainerPort(RESTPortName, RESTPort)}
	if m.jmxExporter() {
		ports = append(ports, specs.ContainerPort(MetricsPortName, MetricsPort))
	}
	c := corev1.Container{
		Name:            containerName,
		Image:           m.Image,
		Args:            []string{runScript},
		Env:             m.env(),
		Ports:           ports,
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

// env is CruiseControl.getEnvVars: what cruise_control_run.sh and the
// health check read, the heap and JVM options, the operator's shared
// variables, then the template's, which cannot replace any of them.
func (m *Model) env() []corev1.EnvVar {
	gcLogging := false
	if o := m.spec.JvmOptions; o != nil && o.GcLoggingEnabled != nil {
		gcLogging = *o.GcLoggingEnabled
	}
	env := []corev1.EnvVar{
		{Name: "CRUISE_CONTROL_JMX_EXPORTER_ENABLED", Value: strconv.FormatBool(m.jmxExporter())},
		{Name: "STRIMZI_KAFKA_BOOTSTRAP_SERVERS", Value: m.in.BootstrapAddress},
		{Name: "STRIMZI_KAFKA_GC_LOG_ENABLED", Value: strconv.FormatBool(gcLogging)},
		{Name: "STRIMZI_CC_API_SSL_ENABLED", Value: strconv.FormatBool(m.conf.enabled(keySSLEnable))},
		{Name: "STRIMZI_CC_API_AUTH_ENABLED", Value: strconv.FormatBool(m.conf.enabled(keySecurityEnable))},
		{Name: "API_HEALTHCHECK_USERNAME", Value: healthCheckUser},
		{Name: "API_PORT", Value: strconv.Itoa(RESTPort)},
		{Name: "API_HEALTHCHECK_PATH", Value: healthCheckPath},
	}
	env = append(env, jvm.Env(heapPercent, 0, m.spec.JvmOptions, m.spec.Resources)...)
	env = pods.AppendEnv(env, pods.SharedEnv(m.cfg)...)
	return pods.AppendEnv(env, pods.TemplateEnv(m.containerTmpl().Env)...)
}

// healthProbe runs the image's health check script, which asks the REST
// API for its state (ProbeUtils.execProbe): 15 s delay and 5 s timeout
// unless the user's probe says otherwise.
func healthProbe(p *strimzi.Probe) *corev1.Probe {
	probe := &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{healthCheckScript}}}}
	if p == nil {
		p = &strimzi.Probe{}
	}
	pods.ApplyProbe(probe, p, probeDelay, probeTimeout)
	return probe
}

func (m *Model) podTmpl() *strimzi.PodTemplate {
	if m.tmpl.Pod == nil {
		return &strimzi.PodTemplate{}
	}
	return m.tmpl.Pod
}

func (m *Model) containerTmpl() *strimzi.ContainerTemplate {
	if m.tmpl.CruiseControlContainer == nil {
		return &strimzi.ContainerTemplate{}
	}
	return m.tmpl.CruiseControlContainer
}
