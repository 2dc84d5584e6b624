package kafka

import (
	"maps"
	"slices"
	"strconv"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/digest"
	"github.com/strimzi-render/strimzi-render/fn/jmx"
	"github.com/strimzi-render/strimzi-render/fn/jvm"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Pod annotation keys Kafka pods carry besides the shared ones.
const (
	AnnoKafkaVersion         = "strimzi.io/kafka-version"
	AnnoClusterCACertGen     = "strimzi.io/cluster-ca-cert-generation"
	AnnoClusterCAKeyGen      = "strimzi.io/cluster-ca-key-generation"
	AnnoClientsCACertGen     = "strimzi.io/clients-ca-cert-generation"
	initialCAGeneration      = "0"
	initContainerName        = "kafka-init"
	kafkaContainerName       = "kafka"
	defaultProbeInitialDelay = 15
	defaultProbeTimeout      = 5
	readyFilesSizeLimit      = "1Ki"
	rackVolumeSizeLimit      = "1Mi"
)

// Pods returns the pods of a pool in node ID order, as the StrimziPodSet
// controller would create them (KafkaCluster.generatePodSets).
func (m *Model) Pods(p *Pool) []*corev1.Pod {
	out := make([]*corev1.Pod, 0, len(p.Nodes))
	for _, n := range p.Nodes {
		out = append(out, m.pod(p, n))
	}
	return out
}

func (m *Model) pod(p *Pool, n nodepools.Node) *corev1.Pod {
	tmpl := p.Template.pod()
	podLabels := m.podLabels(p, map[string]string{
		labels.PodName:        n.Pod,
		labels.Controller:     labels.StrimziPodSetID,
		labels.ControllerName: names.KafkaPodSet(m.Name, p.Name),
	})
	annotations := m.podAnnotations(p, digest.HashStub(m.ServerConfig(n.ID)))

	vols, mounts := m.volumes(p, n)
	rack := ""
	if n.Broker {
		rack = m.rackTopologyKey() // only brokers are rack aware
	}
	pod := &corev1.Pod{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
		ObjectMeta: metav1.ObjectMeta{Name: n.Pod, Namespace: m.Namespace, Labels: podLabels, Annotations: annotations},
		Spec: pods.Spec(tmpl, m.cfg, pods.Settings{
			Hostname:           n.Pod,
			Subdomain:          names.KafkaBrokersService(m.Name),
			ServiceAccountName: names.Kafka(m.Name),
			Volumes:            vols,
			Containers:         []corev1.Container{m.container(p, mounts)},
			InitContainers:     m.initContainers(p),
			Affinity:           pods.RackAffinity(tmpl.Affinity, rack),
			SecurityContext:    podSecurityContext(p.Storage),
		}),
	}
	pods.SetRevisions(pod)
	return pod
}

// podLabels are the labels of the pool's pods: the pool's and its roles,
// then perPod, the operator's custom labels and the template's.
func (m *Model) podLabels(p *Pool, perPod map[string]string) map[string]string {
	podLabels := cloneLabels(p.resourceLabels)
	podLabels[labels.BrokerRole] = strconv.FormatBool(p.Broker)
	podLabels[labels.ControllerRole] = strconv.FormatBool(p.Controller)
	maps.Copy(podLabels, perPod)
	maps.Copy(podLabels, m.cfg.CustomLabels.Kafka)
	maps.Copy(podLabels, labels.UserMerged(p.Template.pod().Metadata.Labels))
	return podLabels
}

// podAnnotations are KafkaReconciler.podSetPodAnnotations, without the
// server certificate hash, which needs the certificate.
func (m *Model) podAnnotations(p *Pool, configurationHash string) map[string]string {
	annotations := map[string]string{
		AnnoClusterCACertGen:       initialCAGeneration,
		AnnoClusterCAKeyGen:        initialCAGeneration,
		AnnoClientsCACertGen:       initialCAGeneration,
		pods.AnnoConfigurationHash: configurationHash,
		AnnoKafkaVersion:           m.Version,
	}
	maps.Copy(annotations, labels.UserMerged(p.Template.pod().Metadata.Annotations))
	return annotations
}

// podSecurityContext is what Strimzi's baseline and restricted providers
// give pods whose template sets none: fsGroup 0 when the pool has a
// persistent claim, so the broker can write to it
// (BaselinePodSecurityProvider.kafkaPodSecurityContext).
func podSecurityContext(s nodepools.Storage) *corev1.PodSecurityContext {
	for _, v := range s.AllVolumes() {
		if v.Type == nodepools.StoragePersistentClaim {
			return &corev1.PodSecurityContext{FSGroup: ptr.To[int64](0)}
		}
	}
	return nil
}

// volumes returns the pod's volumes and the kafka container's mounts in
// Strimzi's order (KafkaCluster.getNonDataVolumes).
func (m *Model) volumes(p *Pool, n nodepools.Node) ([]corev1.Volume, []corev1.VolumeMount) {
	var vols []corev1.Volume
	var mounts []corev1.VolumeMount
	for _, dv := range p.Storage.DataVolumes(n.Pod) {
		if dv.ClaimName != "" {
			vols = append(vols, volumes.PersistentVolumeClaim(dv.Name, dv.ClaimName))
		} else {
			vols = append(vols, volumes.EmptyDir(dv.Name, dv.Volume.SizeLimit))
		}
		mounts = append(mounts, volumes.Mount(dv.Name, dv.MountPath))
	}
	tmpl := p.Template.pod()
	tmpSize := tmpl.TmpDirSizeLimit
	if tmpSize == "" {
		tmpSize = volumes.DefaultTmpSizeLimit
	}
	tokenVol, tokenMount := volumes.ServiceAccountToken()
	vols = append(vols,
		tokenVol,
		volumes.EmptyDirMemory(volumes.Tmp, tmpSize),
		volumes.ConfigMap(ConfigVolume, n.Pod),
		volumes.EmptyDirMemory(ReadyFilesVolume, readyFilesSizeLimit),
	)
	mounts = append(mounts,
		tokenMount,
		volumes.Mount(volumes.Tmp, volumes.TmpMountPath),
		volumes.Mount(ConfigVolume, ConfigMountPath),
		volumes.Mount(ReadyFilesVolume, ReadyFilesMountPath),
	)
	if n.Broker && m.brokerInit() {
		vols = append(vols, volumes.EmptyDirMemory(volumes.Rack, rackVolumeSizeLimit))
		mounts = append(mounts, volumes.Mount(volumes.Rack, volumes.RackMountPath))
	}
	for _, v := range tmpl.Volumes {
		vols = append(vols, volumes.Additional(v))
	}
	for _, v := range tmpl.TemplatedVolumes {
		vols = append(vols, volumes.Templated(v, n.ID, n.Pod))
	}
	mounts = append(mounts, p.Template.kafkaContainer().VolumeMounts...)
	return vols, mounts
}

// GeneratedVolumes are the names of the volumes Strimzi puts in a pod of
// the pool before the template's, which template volumes must not reuse.
func (m *Model) GeneratedVolumes(p *Pool) []string {
	var out []string
	for _, dv := range p.Storage.DataVolumes("") {
		out = append(out, dv.Name)
	}
	out = append(out, volumes.KubeAPIAccess, volumes.Tmp, ConfigVolume, ReadyFilesVolume)
	if p.Broker && m.brokerInit() {
		out = append(out, volumes.Rack)
	}
	return out
}

// container is the kafka container (KafkaCluster.createContainer); extraEnv
// comes before the template's environment, which cannot replace it.
func (m *Model) container(p *Pool, mounts []corev1.VolumeMount, extraEnv ...corev1.EnvVar) corev1.Container {
	c := corev1.Container{
		Name:            kafkaContainerName,
		Image:           m.Image,
		Args:            []string{"/opt/kafka/kafka_run.sh"},
		Env:             m.env(p, extraEnv...),
		Ports:           m.ports(p),
		LivenessProbe:   execProbe("/opt/kafka/kafka_liveness.sh", m.spec.LivenessProbe),
		ReadinessProbe:  execProbe("/opt/kafka/kafka_readiness.sh", m.spec.ReadinessProbe),
		VolumeMounts:    mounts,
		ImagePullPolicy: pods.PullPolicy(m.cfg.ImagePullPolicy, m.Image),
		SecurityContext: pods.ContainerSecurityContext(m.cfg, p.Template.kafkaContainer().SecurityContext),
	}
	if p.resources != nil {
		c.Resources = *p.resources.DeepCopy()
	}
	return c
}

// execProbe runs a script; Strimzi's defaults are 15 s and 5 s, which a
// user probe keeps for the fields it leaves out (ProbeUtils.defaultBuilder).
func execProbe(script string, p *strimzi.Probe) *corev1.Probe {
	probe := &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{script}}}}
	if p == nil {
		p = &strimzi.Probe{}
	}
	pods.ApplyProbe(probe, p, defaultProbeInitialDelay, defaultProbeTimeout)
	return probe
}

// ports are the container ports of a pool's nodes (KafkaCluster.getContainerPortList).
func (m *Model) ports(p *Pool) []corev1.ContainerPort {
	port := func(name string, n int) corev1.ContainerPort { return specs.ContainerPort(name, int32(n)) }
	ports := []corev1.ContainerPort{port(AgentPortName, AgentPort)}
	if p.Controller {
		ports = append(ports, port(brokerconfig.ControlPlanePortName, brokerconfig.ControlPlanePort))
	}
	if p.Broker {
		ports = append(ports, port(brokerconfig.ReplicationPortName, brokerconfig.ReplicationPort))
		for _, l := range m.Listeners {
			ports = append(ports, port(l.PortName(), l.Port))
		}
	}
	if m.spec.MetricsConfig != nil {
		ports = append(ports, port(MetricsPortName, brokerconfig.MetricsPort))
	}
	return append(ports, m.jmx().ContainerPorts()...)
}

// env is the kafka container's environment in Strimzi's order
// (KafkaCluster.getEnvVars). A pool's jvmOptions replace the Kafka's.
func (m *Model) env(p *Pool, extra ...corev1.EnvVar) []corev1.EnvVar {
	mc := m.spec.MetricsConfig
	gc := p.jvm != nil && p.jvm.GcLoggingEnabled != nil && *p.jvm.GcLoggingEnabled
	env := []corev1.EnvVar{
		{Name: "KAFKA_JMX_EXPORTER_ENABLED", Value: strconv.FormatBool(mc != nil && mc.Type == MetricsJMXExporter)},
		{Name: "STRIMZI_KAFKA_GC_LOG_ENABLED", Value: strconv.FormatBool(gc)},
		{Name: "KAFKA_CLUSTER_NAME", Value: m.Name},
	}
	env = append(env, jvm.Env(heapPercent, heapMax, p.jvm, p.resources)...)
	env = append(env, m.jmx().Env()...)
	env = pods.AppendEnv(env, pods.SharedEnv(m.cfg)...)
	env = pods.AppendEnv(env, extra...)
	return pods.AppendEnv(env, pods.TemplateEnv(p.Template.kafkaContainer().Env)...)
}

// jmx is the nodes' JMX endpoint, with credentials from <cluster>-kafka-jmx.
func (m *Model) jmx() jmx.Model {
	return jmx.New(m.spec.JmxOptions, names.KafkaJMXSecret(m.Name))
}

// brokerInit reports whether brokers run kafka-init: it writes the node's
// zone for topology-label rack awareness and the node's addresses for
// nodeport listeners (KafkaCluster.createInitContainer).
func (m *Model) brokerInit() bool { return m.rackTopologyKey() != "" || m.hasNodePortListener() }

func (m *Model) hasNodePortListener() bool {
	return slices.ContainsFunc(m.Listeners, func(l brokerconfig.Listener) bool { return l.Type == brokerconfig.ListenerNodePort })
}

// initContainers is kafka-init on broker pools that need it (brokerInit).
func (m *Model) initContainers(p *Pool) []corev1.Container {
	key := m.rackTopologyKey()
	if !p.Broker || !m.brokerInit() {
		return nil
	}
	image := m.spec.BrokerRackInitImage
	if image == "" {
		image = m.cfg.Images.KafkaInit
	}
	tmpl := p.Template.initContainer()
	env := []corev1.EnvVar{
		{Name: "NODE_NAME", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "spec.nodeName"}}},
	}
	if key != "" {
		env = append(env, corev1.EnvVar{Name: "RACK_TOPOLOGY_KEY", Value: key})
	}
	if m.hasNodePortListener() {
		env = append(env, corev1.EnvVar{Name: "EXTERNAL_ADDRESS", Value: "TRUE"})
	}
	env = pods.AppendEnv(env, pods.SharedEnv(m.cfg)...)
	env = pods.AppendEnv(env, pods.TemplateEnv(tmpl.Env)...)
	_, tokenMount := volumes.ServiceAccountToken()
	c := corev1.Container{
		Name:            initContainerName,
		Image:           image,
		Args:            []string{"/opt/strimzi/bin/kafka_init_run.sh"},
		Env:             env,
		VolumeMounts:    append([]corev1.VolumeMount{tokenMount, volumes.Mount(volumes.Rack, volumes.RackMountPath)}, tmpl.VolumeMounts...),
		ImagePullPolicy: pods.PullPolicy(m.cfg.ImagePullPolicy, image),
		SecurityContext: pods.ContainerSecurityContext(m.cfg, tmpl.SecurityContext),
	}
	if p.resources != nil {
		c.Resources = *p.resources.DeepCopy()
	}
	return []corev1.Container{c}
}
