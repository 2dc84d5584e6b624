package config

import "maps"

// Strimzi 1.2.0 install defaults (060-Deployment-strimzi-cluster-operator.yaml).
const (
	DefaultKafkaVersion  = "4.3.1"
	DefaultKafkaInit     = "quay.io/strimzi/operator:1.2.0"
	DefaultOperator      = "quay.io/strimzi/operator:1.2.0"
	DefaultBuildah       = "quay.io/strimzi/buildah:1.2.0"
	DefaultKaniko        = "quay.io/strimzi/kaniko-executor:1.2.0"
	DefaultMavenBuilder  = "quay.io/strimzi/maven-builder:1.2.0"
	DefaultClusterDomain = "cluster.local"
)

// Build Job defaults: one retry, an hour to finish. ttlSecondsAfterFinished
// stays unset: kpt, Argo CD and kubectl apply re-create a Job that TTL
// deleted, which would run the build again on every later apply.
const (
	DefaultBackoffLimit          int32 = 1
	DefaultActiveDeadlineSeconds int64 = 3600
)

// DefaultKafkaImages is STRIMZI_KAFKA_IMAGES (and STRIMZI_KAFKA_CONNECT_IMAGES) of 1.2.0.
func DefaultKafkaImages() map[string]string {
	m := map[string]string{}
	for _, v := range []string{"4.2.0", "4.2.1", "4.3.0", "4.3.1"} {
		m[v] = "quay.io/strimzi/kafka:1.2.0-kafka-" + v
	}
	return m
}

// Default fills every unset option. It implements framework.Defaulter.
func (c *StrimziRender) Default() error {
	s := &c.Spec
	setIfEmpty(&s.Mode, ModeRender)
	if s.Workload == "" {
		s.Workload = WorkloadStatefulSet
	}
	img := &s.Images
	if img.DefaultKafkaVersion == "" {
		img.DefaultKafkaVersion = DefaultKafkaVersion
	}
	img.Kafka = withDefaults(DefaultKafkaImages(), img.Kafka)
	img.KafkaConnect = withDefaults(maps.Clone(img.Kafka), img.KafkaConnect)
	setIfEmpty(&img.KafkaInit, DefaultKafkaInit)
	// Strimzi's install sets STRIMZI_DEFAULT_KAFKA_EXPORTER_IMAGE to the image of its default Kafka version.
	setIfEmpty(&img.KafkaExporter, img.Kafka[img.DefaultKafkaVersion])
	// And STRIMZI_DEFAULT_CRUISE_CONTROL_IMAGE to the same image.
	setIfEmpty(&img.CruiseControl, img.Kafka[img.DefaultKafkaVersion])
	setIfEmpty(&img.TopicOperator, DefaultOperator)
	setIfEmpty(&img.UserOperator, DefaultOperator)
	setIfEmpty(&img.Buildah, DefaultBuildah)
	setIfEmpty(&img.Kaniko, DefaultKaniko)
	setIfEmpty(&img.MavenBuilder, DefaultMavenBuilder)
	setIfEmpty(&s.ClusterDomain, DefaultClusterDomain)
	setIfZero(&s.NodePortRange.Min, DefaultNodePortMin)
	setIfZero(&s.NodePortRange.Max, DefaultNodePortMax)
	setIfEmpty(&s.PodSecurityProvider, PodSecurityRestricted)
	setIfNil(&s.PodDisruptionBudgets, true)
	setIfNil(&s.NetworkPolicies, true)
	b := &s.Build
	setIfEmpty(&b.Builder, BuilderBuildah)
	setIfEmpty(&b.Platform, PlatformKubernetes)
	setIfEmpty(&b.ImageTag, ImageTagRevision)
	setIfNil(&b.BackoffLimit, DefaultBackoffLimit)
	setIfNil(&b.ActiveDeadlineSeconds, DefaultActiveDeadlineSeconds)
	setIfNil(&b.DependsOn, true)
	setIfNil(&b.ArgoSyncWaves, true)
	s.defaultStretch()
	return nil
}

// withDefaults returns defaults overridden, version by version, by user.
func withDefaults(defaults, user map[string]string) map[string]string {
	maps.Copy(defaults, user)
	return defaults
}

func setIfEmpty(s *string, v string) {
	if *s == "" {
		*s = v
	}
}

func setIfNil[T any](p **T, v T) {
	if *p == nil {
		*p = &v
	}
}
