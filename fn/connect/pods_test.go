package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/strimzi-render/strimzi-render/fn/digest"
)

// testBuild is what a Connect Build hands the workers.
var testBuild = &BuiltImage{
	Image:     "registry.example.com/my-connect:0a1b2c3d",
	Revision:  "0a1b2c3d",
	DependsOn: "batch/namespaces/my-namespace/Job/my-connect-connect-build-0a1b2c3d",
}

func TestPodsOnePerReplica(t *testing.T) {
	pods := connectModel(t, "replicas: 2").Pods()
	require.Len(t, pods, 2)
	for i, name := range []string{"my-connect-connect-0", "my-connect-connect-1"} {
		p := pods[i]
		assert.Equal(t, metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"}, p.TypeMeta)
		assert.Equal(t, name, p.Name)
		assert.Equal(t, "my-namespace", p.Namespace)
		assert.Nil(t, p.OwnerReferences)
		assert.Equal(t, name, p.Spec.Hostname)
		assert.Equal(t, "my-connect-connect", p.Spec.Subdomain, "the headless Service")
		assert.Equal(t, "my-connect-connect", p.Spec.ServiceAccountName)
	}
	assert.Len(t, connectModel(t).Pods(), 3, "three by default")
	assert.Empty(t, connectModel(t, "replicas: 0").Pods())
}

func TestPodLabels(t *testing.T) {
	cfg := baselineConfig()
	cfg.Spec.CustomLabels.KafkaConnect = map[string]string{"cost-center": "42"}
	p := fixture{cfg: cfg, metadata: []string{"labels: {team: payments}"}}.model(t,
		"replicas: 1",
		"template: {pod: {metadata: {labels: {tier: backend, app.kubernetes.io/version: dropped}}}}",
	).Pods()[0]
	assert.Equal(t, resourceLabels(map[string]string{
		"team":                       "payments",
		"strimzi.io/controller":      "strimzipodset",
		"strimzi.io/controller-name": "my-connect-connect",
		"strimzi.io/pod-name":        "my-connect-connect-0",
		"cost-center":                "42",
		"tier":                       "backend",
	}), p.Labels)
}

func TestPodAnnotations(t *testing.T) {
	m := connectModel(t, "replicas: 1", "template: {pod: {metadata: {annotations: {note: kept}}}}")
	p := m.Pods()[0]
	assert.Equal(t, map[string]string{
		"strimzi.io/auth-hash":          "0",
		"strimzi.io/configuration-hash": digest.HashStub(m.ConfigMap().Data[KeyProperties]),
		"strimzi.io/revision":           p.Annotations["strimzi.io/revision"],
		"strimzi.io/resource-revision":  "97d170e1",
		"note":                          "kept",
	}, p.Annotations)
	assert.Regexp(t, `^[0-9a-f]{8}$`, p.Annotations["strimzi.io/revision"])

	changed := connectModel(t, "replicas: 1", "template: {pod: {metadata: {annotations: {note: kept}}}}", "config: {offset.flush.interval.ms: 1000}").Pods()[0]
	assert.NotEqual(t, p.Annotations["strimzi.io/configuration-hash"], changed.Annotations["strimzi.io/configuration-hash"],
		"a configuration change restarts the workers")
}

func TestWorkerContainer(t *testing.T) {
	c := connectModel(t, "replicas: 1").Pods()[0].Spec.Containers[0]
	assert.Equal(t, "my-connect-connect", c.Name)
	assert.Equal(t, "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1", c.Image, "the default version's image")
	assert.Equal(t, corev1.PullIfNotPresent, c.ImagePullPolicy)
	assert.Equal(t, []string{"/opt/kafka/kafka_connect_run.sh"}, c.Args)
	assert.Equal(t, []corev1.ContainerPort{{Name: "rest-api", ContainerPort: 8083, Protocol: corev1.ProtocolTCP}}, c.Ports)
	health := corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/health", Port: intstr.FromString("rest-api")}}
	assert.Equal(t, &corev1.Probe{ProbeHandler: health, InitialDelaySeconds: 60, TimeoutSeconds: 5}, c.LivenessProbe)
	assert.Equal(t, &corev1.Probe{ProbeHandler: health, InitialDelaySeconds: 60, TimeoutSeconds: 5}, c.ReadinessProbe)
	assert.Equal(t, corev1.ResourceRequirements{}, c.Resources)
	assert.Nil(t, c.SecurityContext)
}

func TestWorkerContainerOptions(t *testing.T) {
	c := connectModel(t, "replicas: 1",
		"metricsConfig: {type: strimziMetricsReporter}",
		"jmxOptions: {}",
		"livenessProbe: {timeoutSeconds: 7}",
		"readinessProbe: {initialDelaySeconds: 30, periodSeconds: 9, failureThreshold: 4}",
		"resources: {requests: {cpu: 500m}, limits: {memory: 2Gi}}",
	).Pods()[0].Spec.Containers[0]
	assert.Equal(t, []corev1.ContainerPort{
		{Name: "rest-api", ContainerPort: 8083, Protocol: corev1.ProtocolTCP},
		{Name: "tcp-prometheus", ContainerPort: 9404, Protocol: corev1.ProtocolTCP},
		{Name: "jmx", ContainerPort: 9999, Protocol: corev1.ProtocolTCP},
	}, c.Ports)
	assert.Equal(t, int32(15), c.LivenessProbe.InitialDelaySeconds, "a user probe gets Strimzi's field default")
	assert.Equal(t, int32(7), c.LivenessProbe.TimeoutSeconds)
	assert.Equal(t, int32(30), c.ReadinessProbe.InitialDelaySeconds)
	assert.Equal(t, int32(5), c.ReadinessProbe.TimeoutSeconds)
	assert.Equal(t, int32(9), c.ReadinessProbe.PeriodSeconds)
	assert.Equal(t, int32(4), c.ReadinessProbe.FailureThreshold)
	assert.Equal(t, corev1.ResourceRequirements{
		Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("500m")},
		Limits:   corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("2Gi")},
	}, c.Resources)
}

func TestWorkerImage(t *testing.T) {
	image := func(m *Model) string { return m.Pods()[0].Spec.Containers[0].Image }
	assert.Equal(t, "quay.io/strimzi/kafka:1.2.0-kafka-4.2.0", image(connectModel(t, "replicas: 1", "version: 4.2.0")))
	assert.Equal(t, "my/connect:latest", image(connectModel(t, "replicas: 1", "version: 4.2.0", "image: my/connect:latest")))
	assert.Equal(t, corev1.PullAlways, connectModel(t, "replicas: 1", "image: my/connect:latest").Pods()[0].Spec.Containers[0].ImagePullPolicy)
	assert.Equal(t, testBuild.Image, image(fixture{build: testBuild}.model(t, "replicas: 1", "image: my/connect:latest")), "the build's image wins")
}

func TestWorkerVolumes(t *testing.T) {
	p := connectModel(t, "replicas: 1", "template: {pod: {tmpDirSizeLimit: 10Mi}}").Pods()[0]
	var names []string
	for _, v := range p.Spec.Volumes {
		names = append(names, v.Name)
	}
	assert.Equal(t, []string{"kube-api-access", "strimzi-tmp", "kafka-connect-configurations"}, names)
	assert.Equal(t, resource.MustParse("10Mi"), *p.Spec.Volumes[1].EmptyDir.SizeLimit)
	assert.Equal(t, "my-connect-connect-config", p.Spec.Volumes[2].ConfigMap.Name)
	assert.Equal(t, []corev1.VolumeMount{
		{Name: "kube-api-access", MountPath: "/var/run/secrets/kubernetes.io/serviceaccount", ReadOnly: true},
		{Name: "strimzi-tmp", MountPath: "/tmp"},
		{Name: "kafka-connect-configurations", MountPath: "/opt/kafka/custom-config/"},
	}, p.Spec.Containers[0].VolumeMounts)
	assert.Equal(t, resource.MustParse("5Mi"), *connectModel(t, "replicas: 1").Pods()[0].Spec.Volumes[1].EmptyDir.SizeLimit, "Strimzi's default")
}

func TestBuiltImageHasNoPluginVolumes(t *testing.T) {
	plugins := "plugins: [{name: echo, artifacts: [{type: image, reference: \"first-artifact:latest\"}]}]"
	assert.Len(t, connectModel(t, "replicas: 1", plugins).Pods()[0].Spec.Volumes, 4)
	p := fixture{build: testBuild}.model(t, "replicas: 1", plugins).Pods()[0]
	assert.Len(t, p.Spec.Volumes, 3, "the plugins are in the built image")
	assert.Equal(t, "0a1b2c3d", p.Annotations["strimzi.io/connect-build-revision"])
}

func TestRackInitContainer(t *testing.T) {
	p := connectModel(t, "replicas: 1", topologyRack).Pods()[0]
	require.Len(t, p.Spec.InitContainers, 1)
	c := p.Spec.InitContainers[0]
	assert.Equal(t, "kafka-init", c.Name)
	assert.Equal(t, "quay.io/strimzi/operator:1.2.0", c.Image)
	assert.Equal(t, []string{"/opt/strimzi/bin/kafka_init_run.sh"}, c.Args)
	assert.Equal(t, []corev1.EnvVar{
		{Name: "NODE_NAME", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "spec.nodeName"}}},
		{Name: "RACK_TOPOLOGY_KEY", Value: "topology.kubernetes.io/zone"},
	}, c.Env)
	assert.Equal(t, []corev1.VolumeMount{
		{Name: "kube-api-access", MountPath: "/var/run/secrets/kubernetes.io/serviceaccount", ReadOnly: true},
		{Name: "rack-volume", MountPath: "/opt/kafka/init"},
	}, c.VolumeMounts)
	assert.Equal(t, "rack-volume", p.Spec.Volumes[3].Name)
	assert.Contains(t, p.Spec.Containers[0].VolumeMounts, corev1.VolumeMount{Name: "rack-volume", MountPath: "/opt/kafka/init"})
	assert.Equal(t, []corev1.NodeSelectorTerm{{MatchExpressions: []corev1.NodeSelectorRequirement{
		{Key: "topology.kubernetes.io/zone", Operator: corev1.NodeSelectorOpExists},
	}}}, p.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms)

	own := connectModel(t, "replicas: 1", topologyRack, "clientRackInitImage: my/init:1").Pods()[0]
	assert.Equal(t, "my/init:1", own.Spec.InitContainers[0].Image)

	envRack := connectModel(t, "replicas: 1", "rack: {type: environment-variable, envVarName: ZONE}").Pods()[0]
	assert.Empty(t, envRack.Spec.InitContainers, "the environment variable needs no init container")
	assert.Nil(t, envRack.Spec.Affinity)
}

func TestPodSet(t *testing.T) {
	m := connectModel(t, "replicas: 2")
	ps := m.PodSet()
	assert.Equal(t, metav1.TypeMeta{APIVersion: "core.strimzi.io/v1", Kind: "StrimziPodSet"}, ps.TypeMeta)
	assert.Equal(t, "my-connect-connect", ps.Name)
	assert.Equal(t, "my-namespace", ps.Namespace)
	assert.Equal(t, resourceLabels(nil), ps.Labels)
	assert.Nil(t, ps.Annotations)
	assert.Nil(t, ps.OwnerReferences)
	assert.Equal(t, map[string]string{
		"strimzi.io/cluster":         "my-connect",
		"strimzi.io/name":            "my-connect-connect",
		"strimzi.io/kind":            "KafkaConnect",
		"strimzi.io/controller":      "strimzipodset",
		"strimzi.io/controller-name": "my-connect-connect",
	}, ps.Spec.Selector.MatchLabels)
	assert.Equal(t, m.Pods(), ps.Spec.Pods)
}

func TestPodSetTemplateAndBuild(t *testing.T) {
	ps := fixture{build: testBuild}.model(t, "replicas: 1",
		"template: {podSet: {metadata: {labels: {team: a}, annotations: {note: b, app.kubernetes.io/x: dropped}}}}").PodSet()
	assert.Equal(t, resourceLabels(map[string]string{"team": "a"}), ps.Labels)
	assert.Equal(t, map[string]string{"note": "b", "strimzi.io/connect-build-revision": "0a1b2c3d"}, ps.Annotations)
	assert.NotContains(t, ps.Annotations, "config.kubernetes.io/depends-on", "Objects adds the build dependency")
}
