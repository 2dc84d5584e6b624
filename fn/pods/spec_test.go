package pods

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestSpecWithoutTemplateUsesStrimziDefaults(t *testing.T) {
	kafkaFSGroup := &corev1.PodSecurityContext{FSGroup: ptr.To[int64](0)}
	containers := []corev1.Container{{Name: "worker"}}
	initContainers := []corev1.Container{{Name: "init"}}
	volumes := []corev1.Volume{{Name: "data"}}
	affinity := &corev1.Affinity{NodeAffinity: &corev1.NodeAffinity{}}

	spec := Spec(nil, &config.Spec{}, Settings{
		Hostname:           "my-pod-0",
		Subdomain:          "my-pods",
		ServiceAccountName: "my-sa",
		Volumes:            volumes,
		Containers:         containers,
		InitContainers:     initContainers,
		Affinity:           affinity,
		SecurityContext:    kafkaFSGroup,
	})

	assert.Equal(t, corev1.RestartPolicyAlways, spec.RestartPolicy)
	assert.Equal(t, "my-pod-0", spec.Hostname)
	assert.Equal(t, "my-pods", spec.Subdomain)
	assert.Equal(t, "my-sa", spec.ServiceAccountName)
	assert.Equal(t, ptr.To(false), spec.AutomountServiceAccountToken)
	assert.Equal(t, ptr.To[int64](30), spec.TerminationGracePeriodSeconds)
	assert.Equal(t, "default-scheduler", spec.SchedulerName)
	assert.Equal(t, volumes, spec.Volumes)
	assert.Equal(t, containers, spec.Containers)
	assert.Equal(t, initContainers, spec.InitContainers)
	assert.Same(t, affinity, spec.Affinity)
	assert.Same(t, kafkaFSGroup, spec.SecurityContext)
	assert.Nil(t, spec.ImagePullSecrets)
	assert.Nil(t, spec.Tolerations)
	assert.Empty(t, spec.PriorityClassName)
	assert.Empty(t, spec.DNSPolicy)
	assert.Nil(t, spec.EnableServiceLinks)
}

func TestSpecTakesTemplateFields(t *testing.T) {
	tmpl := &strimzi.PodTemplate{
		ImagePullSecrets:              []corev1.LocalObjectReference{{Name: "from-template"}},
		SecurityContext:               &corev1.PodSecurityContext{RunAsUser: ptr.To[int64](1001)},
		TerminationGracePeriodSeconds: ptr.To[int64](120),
		Tolerations:                   []corev1.Toleration{{Key: "dedicated", Operator: corev1.TolerationOpExists}},
		TopologySpreadConstraints:     []corev1.TopologySpreadConstraint{{MaxSkew: 1, TopologyKey: "zone"}},
		PriorityClassName:             "high",
		SchedulerName:                 "my-scheduler",
		HostAliases:                   []corev1.HostAlias{{IP: "10.0.0.1", Hostnames: []string{"a"}}},
		DNSPolicy:                     corev1.DNSClusterFirstWithHostNet,
		DNSConfig:                     &corev1.PodDNSConfig{Nameservers: []string{"1.1.1.1"}},
		EnableServiceLinks:            ptr.To(false),
		HostUsers:                     ptr.To(false),
	}
	cfg := &config.Spec{ImagePullSecrets: []string{"from-operator"}}

	spec := Spec(tmpl, cfg, Settings{
		RestartPolicy:   corev1.RestartPolicyNever,
		SecurityContext: &corev1.PodSecurityContext{FSGroup: ptr.To[int64](0)},
	})

	assert.Equal(t, corev1.RestartPolicyNever, spec.RestartPolicy)
	assert.Equal(t, ptr.To[int64](120), spec.TerminationGracePeriodSeconds)
	assert.Equal(t, "my-scheduler", spec.SchedulerName)
	assert.Equal(t, tmpl.SecurityContext, spec.SecurityContext, "the template's security context replaces the component's")
	assert.Equal(t, []corev1.LocalObjectReference{{Name: "from-template"}}, spec.ImagePullSecrets)
	assert.Equal(t, tmpl.Tolerations, spec.Tolerations)
	assert.Equal(t, tmpl.TopologySpreadConstraints, spec.TopologySpreadConstraints)
	assert.Equal(t, "high", spec.PriorityClassName)
	assert.Equal(t, tmpl.HostAliases, spec.HostAliases)
	assert.Equal(t, corev1.DNSClusterFirstWithHostNet, spec.DNSPolicy)
	assert.Equal(t, tmpl.DNSConfig, spec.DNSConfig)
	assert.Equal(t, ptr.To(false), spec.EnableServiceLinks)
	assert.Equal(t, ptr.To(false), spec.HostUsers)
	assert.Equal(t, ptr.To(false), spec.AutomountServiceAccountToken, "the template cannot mount the token")
}

func TestImagePullSecrets(t *testing.T) {
	operator := &config.Spec{ImagePullSecrets: []string{"a", "b"}}
	cases := map[string]struct {
		tmpl *strimzi.PodTemplate
		cfg  *config.Spec
		want []corev1.LocalObjectReference
	}{
		"none":                              {cfg: &config.Spec{}, want: nil},
		"operator's without template":       {cfg: operator, want: []corev1.LocalObjectReference{{Name: "a"}, {Name: "b"}}},
		"operator's when template has none": {tmpl: &strimzi.PodTemplate{}, cfg: operator, want: []corev1.LocalObjectReference{{Name: "a"}, {Name: "b"}}},
		"template's replace operator's": {
			tmpl: &strimzi.PodTemplate{ImagePullSecrets: []corev1.LocalObjectReference{{Name: "t"}}},
			cfg:  operator,
			want: []corev1.LocalObjectReference{{Name: "t"}},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, ImagePullSecrets(c.tmpl, c.cfg))
		})
	}
}

func TestContainerSecurityContext(t *testing.T) {
	restricted := &config.Spec{PodSecurityProvider: config.PodSecurityRestricted}
	baseline := &config.Spec{PodSecurityProvider: config.PodSecurityBaseline}
	fromTemplate := &corev1.SecurityContext{RunAsUser: ptr.To[int64](1000)}

	assert.Same(t, fromTemplate, ContainerSecurityContext(restricted, fromTemplate), "the template's wins")
	assert.Same(t, fromTemplate, ContainerSecurityContext(baseline, fromTemplate))
	assert.Nil(t, ContainerSecurityContext(baseline, nil), "baseline sets nothing")
	assert.Equal(t, &corev1.SecurityContext{
		AllowPrivilegeEscalation: ptr.To(false),
		RunAsNonRoot:             ptr.To(true),
		SeccompProfile:           &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault},
		Capabilities:             &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
	}, ContainerSecurityContext(restricted, nil))
}

func TestRackAffinity(t *testing.T) {
	exists := corev1.NodeSelectorRequirement{Key: "topology.kubernetes.io/zone", Operator: corev1.NodeSelectorOpExists}
	userTerm := func() corev1.NodeSelectorRequirement {
		return corev1.NodeSelectorRequirement{Key: "disk", Operator: corev1.NodeSelectorOpIn, Values: []string{"ssd"}}
	}
	podAntiAffinity := &corev1.PodAntiAffinity{RequiredDuringSchedulingIgnoredDuringExecution: []corev1.PodAffinityTerm{{TopologyKey: "kubernetes.io/hostname"}}}

	t.Run("no topology key returns the template's affinity", func(t *testing.T) {
		a := &corev1.Affinity{PodAntiAffinity: podAntiAffinity}
		assert.Same(t, a, RackAffinity(a, ""))
		assert.Nil(t, RackAffinity(nil, ""))
	})
	t.Run("no affinity gets one term", func(t *testing.T) {
		assert.Equal(t, &corev1.Affinity{NodeAffinity: &corev1.NodeAffinity{
			RequiredDuringSchedulingIgnoredDuringExecution: &corev1.NodeSelector{
				NodeSelectorTerms: []corev1.NodeSelectorTerm{{MatchExpressions: []corev1.NodeSelectorRequirement{exists}}},
			},
		}}, RackAffinity(nil, "topology.kubernetes.io/zone"))
	})
	t.Run("other affinity kept, node term added", func(t *testing.T) {
		got := RackAffinity(&corev1.Affinity{PodAntiAffinity: podAntiAffinity}, "topology.kubernetes.io/zone")
		assert.Equal(t, podAntiAffinity, got.PodAntiAffinity)
		assert.Equal(t, []corev1.NodeSelectorTerm{{MatchExpressions: []corev1.NodeSelectorRequirement{exists}}},
			got.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms)
	})
	t.Run("every existing term gets the requirement, the input is not changed", func(t *testing.T) {
		in := &corev1.Affinity{NodeAffinity: &corev1.NodeAffinity{
			RequiredDuringSchedulingIgnoredDuringExecution: &corev1.NodeSelector{NodeSelectorTerms: []corev1.NodeSelectorTerm{
				{MatchExpressions: []corev1.NodeSelectorRequirement{userTerm()}},
				{MatchFields: []corev1.NodeSelectorRequirement{{Key: "metadata.name", Operator: corev1.NodeSelectorOpIn, Values: []string{"n1"}}}},
			}},
		}}
		before := in.DeepCopy()
		got := RackAffinity(in, "topology.kubernetes.io/zone")
		terms := got.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms
		assert.Len(t, terms, 2)
		assert.Equal(t, []corev1.NodeSelectorRequirement{userTerm(), exists}, terms[0].MatchExpressions)
		assert.Equal(t, []corev1.NodeSelectorRequirement{exists}, terms[1].MatchExpressions)
		assert.Equal(t, before.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms[1].MatchFields, terms[1].MatchFields)
		assert.Equal(t, before, in)
	})
	t.Run("an empty selector is replaced", func(t *testing.T) {
		in := &corev1.Affinity{NodeAffinity: &corev1.NodeAffinity{
			RequiredDuringSchedulingIgnoredDuringExecution: &corev1.NodeSelector{},
			PreferredDuringSchedulingIgnoredDuringExecution: []corev1.PreferredSchedulingTerm{{Weight: 1, Preference: corev1.NodeSelectorTerm{
				MatchExpressions: []corev1.NodeSelectorRequirement{userTerm()}}}},
		}}
		got := RackAffinity(in, "topology.kubernetes.io/zone")
		assert.Equal(t, []corev1.NodeSelectorTerm{{MatchExpressions: []corev1.NodeSelectorRequirement{exists}}},
			got.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms)
		assert.Equal(t, in.NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution, got.NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution)
	})
}

func TestApplyProbe(t *testing.T) {
	handler := corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/health"}}
	cases := map[string]struct {
		user *strimzi.Probe
		want corev1.Probe
	}{
		"nothing set: field defaults, the rest left to Kubernetes": {
			user: &strimzi.Probe{},
			want: corev1.Probe{ProbeHandler: handler, InitialDelaySeconds: 15, TimeoutSeconds: 5},
		},
		"every field set": {
			user: &strimzi.Probe{InitialDelaySeconds: ptr.To[int32](1), TimeoutSeconds: ptr.To[int32](2), PeriodSeconds: ptr.To[int32](3),
				SuccessThreshold: ptr.To[int32](4), FailureThreshold: ptr.To[int32](5)},
			want: corev1.Probe{ProbeHandler: handler, InitialDelaySeconds: 1, TimeoutSeconds: 2, PeriodSeconds: 3, SuccessThreshold: 4, FailureThreshold: 5},
		},
		"zero initial delay stays zero": {
			user: &strimzi.Probe{InitialDelaySeconds: ptr.To[int32](0)},
			want: corev1.Probe{ProbeHandler: handler, InitialDelaySeconds: 0, TimeoutSeconds: 5},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			probe := corev1.Probe{ProbeHandler: handler}
			ApplyProbe(&probe, c.user, 15, 5)
			assert.Equal(t, c.want, probe)
		})
	}
}
