package pods

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Strimzi's pod defaults (WorkloadUtils).
const (
	DefaultTerminationGracePeriod int64 = 30
	DefaultScheduler                    = "default-scheduler"
)

// Settings are the parts of a pod spec the component decides.
type Settings struct {
	Hostname           string
	Subdomain          string
	ServiceAccountName string
	RestartPolicy      corev1.RestartPolicy // default Always
	Volumes            []corev1.Volume
	Containers         []corev1.Container
	InitContainers     []corev1.Container
	Affinity           *corev1.Affinity
	// SecurityContext applies when the template sets none (Kafka's fsGroup: 0).
	SecurityContext *corev1.PodSecurityContext
}

// Spec returns a pod spec from the component's settings and the user's pod
// template (WorkloadUtils.createPodTemplateSpec / PodSetUtils).
func Spec(t *strimzi.PodTemplate, cfg *config.Spec, s Settings) corev1.PodSpec {
	if t == nil {
		t = &strimzi.PodTemplate{}
	}
	restart := s.RestartPolicy
	if restart == "" {
		restart = corev1.RestartPolicyAlways
	}
	spec := corev1.PodSpec{
		RestartPolicy:                 restart,
		Hostname:                      s.Hostname,
		Subdomain:                     s.Subdomain,
		ServiceAccountName:            s.ServiceAccountName,
		AutomountServiceAccountToken:  ptr.To(false),
		TerminationGracePeriodSeconds: ptr.To(DefaultTerminationGracePeriod),
		SchedulerName:                 DefaultScheduler,
		Volumes:                       s.Volumes,
		Containers:                    s.Containers,
		InitContainers:                s.InitContainers,
		Affinity:                      s.Affinity,
		Tolerations:                   t.Tolerations,
		PriorityClassName:             t.PriorityClassName,
		HostAliases:                   t.HostAliases,
		DNSPolicy:                     t.DNSPolicy,
		DNSConfig:                     t.DNSConfig,
		TopologySpreadConstraints:     t.TopologySpreadConstraints,
		EnableServiceLinks:            t.EnableServiceLinks,
		HostUsers:                     t.HostUsers,
		ImagePullSecrets:              ImagePullSecrets(t, cfg),
		SecurityContext:               s.SecurityContext,
	}
	if t.TerminationGracePeriodSeconds != nil {
		spec.TerminationGracePeriodSeconds = t.TerminationGracePeriodSeconds
	}
	if t.SchedulerName != "" {
		spec.SchedulerName = t.SchedulerName
	}
	if t.SecurityContext != nil {
		spec.SecurityContext = t.SecurityContext
	}
	return spec
}

// ImagePullSecrets is the template's list, else the operator's
// STRIMZI_IMAGE_PULL_SECRETS.
func ImagePullSecrets(t *strimzi.PodTemplate, cfg *config.Spec) []corev1.LocalObjectReference {
	if t != nil && len(t.ImagePullSecrets) > 0 {
		return t.ImagePullSecrets
	}
	var out []corev1.LocalObjectReference
	for _, name := range cfg.ImagePullSecrets {
		out = append(out, corev1.LocalObjectReference{Name: name})
	}
	return out
}

// ContainerSecurityContext is the template's, else what the pod security
// provider sets: nothing for baseline, the restricted profile's minimum for
// restricted (RestrictedPodSecurityProvider).
func ContainerSecurityContext(cfg *config.Spec, fromTemplate *corev1.SecurityContext) *corev1.SecurityContext {
	if fromTemplate != nil {
		return fromTemplate
	}
	if cfg.PodSecurityProvider != config.PodSecurityRestricted {
		return nil
	}
	return &corev1.SecurityContext{
		AllowPrivilegeEscalation: ptr.To(false),
		RunAsNonRoot:             ptr.To(true),
		SeccompProfile:           &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault},
		Capabilities:             &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
	}
}

// RackAffinity adds the required node-affinity term {key Exists} of
// topology-label rack awareness to every selector term of the template's
// affinity, or as a new term (ModelUtils.affinityWithRackLabelSelector).
func RackAffinity(a *corev1.Affinity, topologyKey string) *corev1.Affinity {
	if topologyKey == "" {
		return a
	}
	out := &corev1.Affinity{}
	if a != nil {
		out = a.DeepCopy()
	}
	req := corev1.NodeSelectorRequirement{Key: topologyKey, Operator: corev1.NodeSelectorOpExists}
	if out.NodeAffinity == nil {
		out.NodeAffinity = &corev1.NodeAffinity{}
	}
	sel := out.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution
	if sel == nil || len(sel.NodeSelectorTerms) == 0 {
		out.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution = &corev1.NodeSelector{
			NodeSelectorTerms: []corev1.NodeSelectorTerm{{MatchExpressions: []corev1.NodeSelectorRequirement{req}}},
		}
		return out
	}
	for i := range sel.NodeSelectorTerms {
		t := &sel.NodeSelectorTerms[i]
		t.MatchExpressions = append(t.MatchExpressions, req)
	}
	return out
}

// ApplyProbe copies a user probe, with Strimzi's field defaults for the
// initial delay and timeout; a zero initial delay is left out (ProbeUtils).
func ApplyProbe(probe *corev1.Probe, p *strimzi.Probe, defaultDelay, defaultTimeout int32) {
	probe.InitialDelaySeconds = ptr.Deref(p.InitialDelaySeconds, defaultDelay)
	probe.TimeoutSeconds = ptr.Deref(p.TimeoutSeconds, defaultTimeout)
	probe.PeriodSeconds = ptr.Deref(p.PeriodSeconds, 0)
	probe.SuccessThreshold = ptr.Deref(p.SuccessThreshold, 0)
	probe.FailureThreshold = ptr.Deref(p.FailureThreshold, 0)
}
