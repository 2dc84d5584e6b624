package connect

import (
	"maps"
	"slices"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/strimzi-render/strimzi-render/fn/digest"
	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Annotation keys on Connect pods.
const (
	AnnoAuthHash      = "strimzi.io/auth-hash"
	AnnoBuildRevision = labels.AnnoConnectBuildRevision
)

// Pods returns the worker pods <cluster>-connect-<i>, as the StrimziPodSet
// controller would create them from the operator's StrimziPodSet.
func (m *Model) Pods() []*corev1.Pod {
	out := make([]*corev1.Pod, 0, m.Replicas)
	for i := range int(m.Replicas) {
		out = append(out, m.pod(i))
	}
	return out
}

// PodSet returns the StrimziPodSet <cluster>-connect holding the pods
// (KafkaConnectCluster.generatePodSet).
func (m *Model) PodSet() *pods.StrimziPodSet {
	annotations := pods.InPlaceResizingAnnotations(m.cr.Annotations)
	if m.build != nil {
		annotations[AnnoBuildRevision] = m.build.Revision
	}
	var tmplMeta strimzi.MetadataTemplate
	if m.tmpl.PodSet != nil {
		tmplMeta = m.tmpl.PodSet.Metadata
	}
	maps.Copy(annotations, labels.UserMerged(tmplMeta.Annotations))
	return pods.NewPodSet(
		m.objectMeta(names.Connect(m.Name), labels.Merge(m.resourceLabels, tmplMeta.Labels), annotations),
		m.podSetSelector(), m.Pods())
}

func (m *Model) podSetSelector() map[string]string {
	s := m.selector()
	s[labels.Controller] = labels.StrimziPodSetID
	s[labels.ControllerName] = names.Connect(m.Name)
	return s
}

func (m *Model) pod(ordinal int) *corev1.Pod {
	name := names.ConnectPod(m.Name, ordinal)
	tmpl := m.podTemplate()
	podLabels := maps.Clone(m.resourceLabels)
	maps.Copy(podLabels, m.podSetSelector())
	podLabels[labels.PodName] = name
	maps.Copy(podLabels, m.cfg.CustomLabels.KafkaConnect)
	maps.Copy(podLabels, labels.UserMerged(tmpl.Metadata.Labels))

	annotations := map[string]string{}
	if m.build != nil {
		annotations[AnnoBuildRevision] = m.build.Revision
	}
	annotations[AnnoAuthHash] = m.authHash()
	annotations[pods.AnnoConfigurationHash] = digest.HashStub(m.properties())
	maps.Copy(annotations, labels.UserMerged(tmpl.Metadata.Annotations))

	vols, mounts := m.volumes(ordinal, name)
	p := &corev1.Pod{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: m.Namespace, Labels: podLabels, Annotations: annotations},
		Spec: pods.Spec(tmpl, m.cfg, pods.Settings{
			Hostname:           name,
			Subdomain:          names.Connect(m.Name),
			ServiceAccountName: names.Connect(m.Name),
			Volumes:            vols,
			Containers:         []corev1.Container{m.container(mounts)},
			InitContainers:     m.initContainers(),
			Affinity:           pods.RackAffinity(tmpl.Affinity, m.rackTopologyKey()),
		}),
	}
	pods.SetRevisions(p)
	return p
}

// volumes returns the pod volumes and the worker's mounts in Strimzi's order (KafkaConnectCluster.getVolumes).
func (m *Model) volumes(ordinal int, podName string) ([]corev1.Volume, []corev1.VolumeMount) {
	tokenVol, tokenMount := volumes.ServiceAccountToken()
	tmpl := m.podTemplate()
	tmpSize := tmpl.TmpDirSizeLimit
	if tmpSize == "" {
		tmpSize = volumes.DefaultTmpSizeLimit
	}
	vols := []corev1.Volume{
		tokenVol,
		volumes.EmptyDirMemory(volumes.Tmp, tmpSize),
		volumes.ConfigMap(ConfigVolume, names.ConnectConfig(m.Name)),
	}
	mounts := []corev1.VolumeMount{
		tokenMount,
		volumes.Mount(volumes.Tmp, volumes.TmpMountPath),
		volumes.Mount(ConfigVolume, ConfigMountPath),
	}
	if m.rackTopologyKey() != "" {
		vols = append(vols, volumes.EmptyDirMemory(volumes.Rack, "1Mi"))
		mounts = append(mounts, volumes.Mount(volumes.Rack, volumes.RackMountPath))
	}
	if m.build == nil {
		for _, p := range m.spec.Plugins {
			for _, a := range p.Artifacts {
				v, mt := volumes.Plugin(p.Name, a.Reference, corev1.PullPolicy(a.PullPolicy))
				vols, mounts = append(vols, v), append(mounts, mt)
			}
		}
	}
	for _, v := range m.additionalVolumes() {
		vols = append(vols, volumes.Additional(v))
	}
	for _, v := range tmpl.TemplatedVolumes {
		vols = append(vols, volumes.Templated(v, ordinal, podName))
	}
	mounts = append(mounts, m.additionalMounts()...)
	return vols, mounts
}

// additionalVolumes is template.pod.volumes plus the shared storage volume,
// expressed the way a kept resource carries it.
func (m *Model) additionalVolumes() []strimzi.AdditionalVolume {
	vols := slices.Clone(m.podTemplate().Volumes)
	if v, ok := m.storageVolume(); ok {
		vols = append(vols, v)
	}
	return vols
}

func (m *Model) additionalMounts() []corev1.VolumeMount {
	mounts := slices.Clone(m.containerTemplate().VolumeMounts)
	if mt, ok := m.storageMount(); ok {
		mounts = append(mounts, mt)
	}
	return mounts
}

func (m *Model) container(mounts []corev1.VolumeMount) corev1.Container {
	ports := []corev1.ContainerPort{specs.ContainerPort(RESTPortName, RESTPort)}
	if m.spec.MetricsConfig != nil {
		ports = append(ports, specs.ContainerPort(MetricsPortName, MetricsPort))
	}
	ports = append(ports, m.jmx().ContainerPorts()...)
	c := corev1.Container{
		Name:            names.Connect(m.Name),
		Image:           m.Image,
		Args:            []string{"/opt/kafka/kafka_connect_run.sh"},
		Env:             m.env(),
		Ports:           ports,
		LivenessProbe:   healthProbe(m.spec.LivenessProbe),
		ReadinessProbe:  healthProbe(m.spec.ReadinessProbe),
		VolumeMounts:    mounts,
		ImagePullPolicy: pods.PullPolicy(m.cfg.ImagePullPolicy, m.Image),
		SecurityContext: pods.ContainerSecurityContext(m.cfg, m.containerTemplate().SecurityContext),
	}
	if r := m.spec.Resources; r != nil {
		c.Resources = *r.DeepCopy()
	}
	return c
}

// healthProbe is GET /health on the REST port (ProbeUtils.httpProbe): 60 s
// and 5 s by default; a user probe gets Strimzi's field defaults 15 s and 5 s.
func healthProbe(p *strimzi.Probe) *corev1.Probe {
	probe := &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{
		Path: "/health", Port: intstr.FromString(RESTPortName),
	}}}
	if p == nil {
		probe.InitialDelaySeconds, probe.TimeoutSeconds = defaultHealthDelay, defaultProbeTimeout
		return probe
	}
	pods.ApplyProbe(probe, p, templateProbeDelay, defaultProbeTimeout)
	return probe
}

// initContainers is kafka-init when rack awareness uses a topology label.
func (m *Model) initContainers() []corev1.Container {
	key := m.rackTopologyKey()
	if key == "" {
		return nil
	}
	image := m.spec.ClientRackInitImage
	if image == "" {
		image = m.cfg.Images.KafkaInit
	}
	var tmpl strimzi.ContainerTemplate
	if m.tmpl.InitContainer != nil {
		tmpl = *m.tmpl.InitContainer
	}
	_, tokenMount := volumes.ServiceAccountToken()
	env := []corev1.EnvVar{
		{Name: "NODE_NAME", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "spec.nodeName"}}},
		{Name: "RACK_TOPOLOGY_KEY", Value: key},
	}
	env = pods.AppendEnv(env, pods.SharedEnv(m.cfg)...)
	env = pods.AppendEnv(env, pods.TemplateEnv(tmpl.Env)...)
	c := corev1.Container{
		Name:            "kafka-init",
		Image:           image,
		Args:            []string{"/opt/strimzi/bin/kafka_init_run.sh"},
		Env:             env,
		VolumeMounts:    append([]corev1.VolumeMount{tokenMount, volumes.Mount(volumes.Rack, volumes.RackMountPath)}, tmpl.VolumeMounts...),
		ImagePullPolicy: pods.PullPolicy(m.cfg.ImagePullPolicy, image),
		SecurityContext: pods.ContainerSecurityContext(m.cfg, tmpl.SecurityContext),
	}
	if r := m.spec.Resources; r != nil {
		c.Resources = *r.DeepCopy()
	}
	return []corev1.Container{c}
}

// authHash stands in for strimzi.io/auth-hash. Strimzi sums hashes of the
// certificate and password contents, which only a cluster has; offline it
// is "0" without TLS or authentication, as Strimzi's, and otherwise a hash of
// the Secret references, so it changes when they do.
func (m *Model) authHash() string {
	refs := m.secretRefs()
	if len(refs) == 0 {
		return "0"
	}
	return digest.HashStub(javacompat.ListString(refs))
}
