package entityoperator

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Probe defaults: both operators' liveness and readiness checks
// (EntityOperator.DEFAULT_HEALTHCHECK_OPTIONS), and the Topic Operator's
// startup check, which keeps StrimziProbe's 15 s delay.
var (
	defaultHealthCheck = strimzi.Probe{InitialDelaySeconds: ptr.To[int32](10), TimeoutSeconds: ptr.To[int32](5)}
	defaultStartup     = strimzi.Probe{PeriodSeconds: ptr.To[int32](10), FailureThreshold: ptr.To[int32](12)}
)

// StrimziProbe's own defaults, for what a user probe leaves out.
const (
	probeInitialDelay = 15
	probeTimeout      = 5
)

// httpProbe is an HTTP GET of path on the named port, from the user's
// probe or else the default (ProbeUtils.httpProbe).
func httpProbe(user *strimzi.Probe, def strimzi.Probe, path, port string) *corev1.Probe {
	p := user
	if p == nil {
		p = &def
	}
	probe := &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: path, Port: intstr.FromString(port)}}}
	pods.ApplyProbe(probe, p, probeInitialDelay, probeTimeout)
	return probe
}

// resourceLabelsSelector selects the KafkaTopics and KafkaUsers of the
// cluster (ModelUtils.defaultResourceLabels).
func resourceLabelsSelector(cluster string) string { return labels.Cluster + "=" + cluster }

// gcLogging is jvmOptions.gcLoggingEnabled, false by default.
func gcLogging(opts *strimzi.JvmOptions) bool {
	return opts != nil && opts.GcLoggingEnabled != nil && *opts.GcLoggingEnabled
}

func containerTemplate(t *strimzi.ContainerTemplate) *strimzi.ContainerTemplate {
	if t == nil {
		return &strimzi.ContainerTemplate{}
	}
	return t
}

// tmpDirSizeLimit is the pod template's, else Strimzi's 5Mi.
func tmpDirSizeLimit(t *strimzi.PodTemplate) string {
	if t != nil && t.TmpDirSizeLimit != "" {
		return t.TmpDirSizeLimit
	}
	return volumes.DefaultTmpSizeLimit
}

// secretVolume mounts a Secret read-only for all, or for owner and group
// on OpenShift (VolumeUtils.createSecretVolume).
func secretVolume(name, secret string, cfg *config.Spec) corev1.Volume {
	mode := int32(0o444)
	if cfg.Build.Platform == config.PlatformOpenShift {
		mode = 0o440
	}
	return corev1.Volume{Name: volumes.ValidName(name), VolumeSource: corev1.VolumeSource{
		Secret: &corev1.SecretVolumeSource{SecretName: secret, DefaultMode: ptr.To(mode)},
	}}
}

// operatorContainer is what EntityTopicOperator and EntityUserOperator
// build alike in createContainer: the operator's run script, one health
// port probed on /healthy and /ready, the pull policy, the security
// context and the resources.
type operatorContainer struct {
	name, image, script string
	port                string
	portNumber          int32
	env                 []corev1.EnvVar
	mounts              []corev1.VolumeMount
	liveness, readiness *strimzi.Probe
	resources           *corev1.ResourceRequirements
	template            *strimzi.ContainerTemplate
}

func (oc operatorContainer) build(cfg *config.Spec) corev1.Container {
	c := corev1.Container{
		Name:            oc.name,
		Image:           oc.image,
		Args:            []string{oc.script},
		Env:             oc.env,
		Ports:           []corev1.ContainerPort{specs.ContainerPort(oc.port, oc.portNumber)},
		VolumeMounts:    oc.mounts,
		LivenessProbe:   httpProbe(oc.liveness, defaultHealthCheck, "/healthy", oc.port),
		ReadinessProbe:  httpProbe(oc.readiness, defaultHealthCheck, "/ready", oc.port),
		ImagePullPolicy: pods.PullPolicy(cfg.ImagePullPolicy, oc.image),
		SecurityContext: pods.ContainerSecurityContext(cfg, containerTemplate(oc.template).SecurityContext),
	}
	if oc.resources != nil {
		c.Resources = *oc.resources.DeepCopy()
	}
	return c
}
