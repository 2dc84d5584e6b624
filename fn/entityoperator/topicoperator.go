package entityoperator

import (
	"strconv"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/jvm"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/logging"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// The Topic Operator container's names, ports and paths (EntityTopicOperator).
const (
	topicComponentType     = "entity-topic-operator"
	topicContainerName     = "topic-operator"
	topicHealthPort        = 8080
	topicHealthPortName    = "healthcheck-to"
	topicConfigVolume      = "entity-topic-operator-metrics-and-logging"
	topicConfigMountPath   = "/opt/topic-operator/custom-config/"
	topicTmpVolume         = "strimzi-to-tmp"
	clusterCACertsVolume   = "cluster-ca-certs"
	clusterCACertsMount    = "/etc/cluster-ca-certs/"
	cruiseControlAPIVolume = "eto-cc-api"
	cruiseControlAPIMount  = "/etc/eto-cc-api/"
	cruiseControlAPIPort   = 9090
	// securityProtocol is EntityTopicOperatorSpec.DEFAULT_SECURITY_PROTOCOL.
	securityProtocol = "SSL"
)

// TopicOperatorDefaults are the parsed pairs of Strimzi's
// default-logging/EntityTopicOperator.properties.
var TopicOperatorDefaults = operatorLogging("TOConfig")

// UserOperatorDefaults are the parsed pairs of Strimzi's
// default-logging/EntityUserOperator.properties.
var UserOperatorDefaults = operatorLogging("UOConfig")

// operatorLogging is the default logging both operators share but for its name.
func operatorLogging(name string) []logging.Pair {
	return []logging.Pair{
		{Key: "name", Value: name},
		{Key: "appender.console.type", Value: "Console"},
		{Key: "appender.console.name", Value: "STDOUT"},
		{Key: "appender.console.layout.type", Value: "PatternLayout"},
		{Key: "appender.console.layout.pattern", Value: "%d{yyyy-MM-dd HH:mm:ss} %-5p %c{1}:%L - %m%n"},
		{Key: "rootLogger.level", Value: "INFO"},
		{Key: "rootLogger.appenderRefs", Value: "stdout"},
		{Key: "rootLogger.appenderRef.console.ref", Value: "STDOUT"},
		{Key: "rootLogger.additivity", Value: "false"},
		{Key: "logger.jetty.name", Value: "org.eclipse.jetty"},
		{Key: "logger.jetty.level", Value: "INFO"},
		{Key: "logger.jetty.additivity", Value: "false"},
	}
}

// TopicOperator is the Topic Operator container (Strimzi: EntityTopicOperator).
type TopicOperator struct {
	spec      *strimzi.EntityTopicOperatorSpec
	cfg       *config.Spec
	cluster   Cluster
	certs     Certificates
	container *strimzi.ContainerTemplate
	pod       *strimzi.PodTemplate
	binding   *strimzi.ResourceTemplate

	Image            string
	WatchedNamespace string
	component        labels.Component
	resourceLabels   map[string]string
	logging          string
	cruiseControl    bool
	rackAware        bool
}

func newTopicOperator(k *strimzi.Kafka, cfg *config.Spec, c Cluster, certs Certificates, t strimzi.EntityOperatorTemplate, cms strimzi.ConfigMaps) *TopicOperator {
	spec := k.Spec.EntityOperator.TopicOperator
	to := &TopicOperator{
		spec: spec, cfg: cfg, cluster: c, certs: certs,
		container: t.TopicOperatorContainer, pod: t.Pod, binding: t.TopicOperatorRoleBinding,
		Image:            spec.Image,
		WatchedNamespace: watched(spec.WatchedNamespace, c.Namespace),
		component:        component(c.Name, names.EntityTopicOperator(c.Name), topicComponentType),
		logging:          logging.RenderFrom(TopicOperatorDefaults, spec.Logging, cms, c.Namespace),
		cruiseControl:    len(k.Spec.CruiseControl) > 0 && string(k.Spec.CruiseControl) != "null",
	}
	if to.Image == "" {
		to.Image = cfg.Images.TopicOperator
	}
	to.rackAware = to.cruiseControl && k.Spec.Kafka != nil && k.Spec.Kafka.Rack != nil
	to.resourceLabels = labels.Resource(to.component, c.Labels)
	return to
}

// Container is the topic-operator container (EntityTopicOperator.createContainer).
func (to *TopicOperator) Container() corev1.Container {
	c := operatorContainer{
		name: topicContainerName, image: to.Image, script: "/opt/strimzi/bin/topic_operator_run.sh",
		port: topicHealthPortName, portNumber: topicHealthPort,
		env: to.env(), mounts: to.volumeMounts(),
		liveness: to.spec.LivenessProbe, readiness: to.spec.ReadinessProbe,
		resources: to.spec.Resources, template: to.container,
	}.build(to.cfg)
	c.StartupProbe = httpProbe(to.spec.StartupProbe, defaultStartup, "/healthy", topicHealthPortName)
	return c
}

// env is the container's environment in Strimzi's order
// (EntityTopicOperator.getEnvVars).
func (to *TopicOperator) env() []corev1.EnvVar {
	env := []corev1.EnvVar{
		{Name: "STRIMZI_RESOURCE_LABELS", Value: resourceLabelsSelector(to.cluster.Name)},
		{Name: "STRIMZI_KAFKA_BOOTSTRAP_SERVERS", Value: to.cluster.BootstrapServers},
		{Name: "STRIMZI_NAMESPACE", Value: to.WatchedNamespace},
		{Name: "STRIMZI_CLUSTER_NAMESPACE", Value: to.cluster.Namespace},
	}
	if ms := to.spec.ReconciliationIntervalMs; ms != nil {
		env = append(env, corev1.EnvVar{Name: "STRIMZI_FULL_RECONCILIATION_INTERVAL_MS", Value: strconv.FormatInt(*ms, 10)})
	}
	env = append(env,
		corev1.EnvVar{Name: "STRIMZI_SECURITY_PROTOCOL", Value: securityProtocol},
		corev1.EnvVar{Name: "STRIMZI_TLS_TRUSTED_CERTS_SECRET_NAME", Value: to.certs.CA.ClusterCert},
		corev1.EnvVar{Name: "STRIMZI_TLS_SECRET_NAME", Value: to.certs.TopicOperator},
		corev1.EnvVar{Name: "STRIMZI_TLS_KEY_NAME", Value: to.certs.KeyName},
		corev1.EnvVar{Name: "STRIMZI_TLS_CERT_NAME", Value: to.certs.CertName},
		corev1.EnvVar{Name: "STRIMZI_GC_LOG_ENABLED", Value: strconv.FormatBool(gcLogging(to.spec.JvmOptions))},
	)
	if gates := featureGates(to.cfg); gates != "" {
		env = append(env, corev1.EnvVar{Name: "STRIMZI_FEATURE_GATES", Value: gates})
	}
	if to.cruiseControl {
		env = append(env,
			corev1.EnvVar{Name: "STRIMZI_CRUISE_CONTROL_ENABLED", Value: "true"},
			corev1.EnvVar{Name: "STRIMZI_CRUISE_CONTROL_RACK_AWARE", Value: strconv.FormatBool(to.rackAware)},
			corev1.EnvVar{Name: "STRIMZI_CRUISE_CONTROL_HOSTNAME", Value: names.CruiseControlHost(to.cluster.Name, to.cluster.Namespace)},
			corev1.EnvVar{Name: "STRIMZI_CRUISE_CONTROL_PORT", Value: strconv.Itoa(cruiseControlAPIPort)},
			corev1.EnvVar{Name: "STRIMZI_CRUISE_CONTROL_SSL_ENABLED", Value: "true"},
			corev1.EnvVar{Name: "STRIMZI_CRUISE_CONTROL_AUTH_ENABLED", Value: "true"},
		)
	}
	env = append(env, jvm.JavaOptions(to.spec.JvmOptions)...)
	env = append(env, pods.SharedEnv(to.cfg)...)
	return pods.AppendEnv(env, pods.TemplateEnv(containerTemplate(to.container).Env)...)
}

// Volumes are the Topic Operator's volumes of the pod
// (EntityTopicOperator.getVolumes).
func (to *TopicOperator) Volumes() []corev1.Volume {
	vols := []corev1.Volume{
		volumes.EmptyDirMemory(topicTmpVolume, tmpDirSizeLimit(to.pod)),
		volumes.ConfigMap(topicConfigVolume, names.EntityTopicOperatorConfig(to.cluster.Name)),
	}
	if to.cruiseControl {
		vols = append(vols,
			to.clusterCAVolume(),
			secretVolume(cruiseControlAPIVolume, to.certs.CruiseControlAPI, to.cfg))
	}
	return vols
}

func (to *TopicOperator) volumeMounts() []corev1.VolumeMount {
	_, token := volumes.ServiceAccountToken()
	mounts := []corev1.VolumeMount{
		token,
		volumes.Mount(topicTmpVolume, volumes.TmpMountPath),
		volumes.Mount(topicConfigVolume, topicConfigMountPath),
	}
	if to.cruiseControl {
		mounts = append(mounts,
			volumes.Mount(clusterCACertsVolume, clusterCACertsMount),
			volumes.Mount(cruiseControlAPIVolume, cruiseControlAPIMount))
	}
	return append(mounts, containerTemplate(to.container).VolumeMounts...)
}

// clusterCAVolume holds the cluster CA certificate the Topic Operator
// trusts Cruise Control with, as ca.crt: the user's key is mapped to that
// file in cert-manager mode.
func (to *TopicOperator) clusterCAVolume() corev1.Volume {
	v := secretVolume(clusterCACertsVolume, to.certs.CA.ClusterCert, to.cfg)
	if k := to.certs.ClusterCAKey; k != "" {
		v.Secret.Items = []corev1.KeyToPath{{Key: k, Path: clusterCAKey}}
	}
	return v
}
