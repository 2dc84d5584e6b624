package kafka

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/pods"
)

func statefulSetModel(t *testing.T, docs ...string) *Model {
	t.Helper()
	k, pools := decodeAll(t, docs...)
	cfg := defaults(t)
	cfg.Spec.Workload = config.WorkloadStatefulSet
	require.Empty(t, Validate(k, pools, cfg, Inputs{}))
	m, err := New(k, pools, cfg, Inputs{}, nil)
	require.NoError(t, err)
	return m
}

func TestStatefulSetKeepsStrimziNames(t *testing.T) {
	m := statefulSetModel(t, fooKafka, pool("brokers", "2", "[broker]", "[3, 4]"), pool("ctl", "1", "[controller]", "[0]"))
	p := m.Pools[0]
	require.Equal(t, "brokers", p.Name)
	s := m.StatefulSet(p)
	assert.Equal(t, "foo-brokers", s.Name)
	assert.Equal(t, int32(2), *s.Spec.Replicas)
	assert.Equal(t, int32(3), s.Spec.Ordinals.Start, "pods foo-brokers-3 and -4")
	assert.Equal(t, "foo-kafka-brokers", s.Spec.ServiceName)
	assert.Equal(t, appsv1.ParallelPodManagement, s.Spec.PodManagementPolicy)
	assert.Equal(t, appsv1.RollingUpdateStatefulSetStrategyType, s.Spec.UpdateStrategy.Type)
	assert.Empty(t, s.Spec.Template.Spec.Hostname, "the StatefulSet sets each pod's hostname")
	assert.NotContains(t, s.Spec.Template.Labels, labels.PodName)
	assert.Equal(t, s.Spec.Selector.MatchLabels, m.poolSelector(p))
	for k, v := range s.Spec.Selector.MatchLabels {
		assert.Equal(t, v, s.Spec.Template.Labels[k], "the template matches the selector")
	}
}

func TestStatefulSetSelectsEachNodesConfig(t *testing.T) {
	m := statefulSetModel(t, fooKafka, pool("dual", "2", "[controller, broker]", "[0, 1]"))
	spec := m.StatefulSet(m.Pools[0]).Spec.Template.Spec
	var config *corev1.Volume
	for i := range spec.Volumes {
		if spec.Volumes[i].Name == ConfigVolume {
			config = &spec.Volumes[i]
		}
	}
	require.NotNil(t, config.Projected)
	require.Len(t, config.Projected.Sources, 2)
	src := config.Projected.Sources[1].ConfigMap
	assert.Equal(t, "foo-dual-1", src.Name)
	assert.Contains(t, src.Items, corev1.KeyToPath{Key: KeyServerConfig, Path: "foo-dual-1/server.config"})

	c := spec.Containers[0]
	assert.Contains(t, c.Env, pods.PodNameEnv())
	assert.Contains(t, c.VolumeMounts, corev1.VolumeMount{Name: ConfigVolume, MountPath: ConfigMountPath, SubPathExpr: "$(POD_NAME)"})
}

func TestStatefulSetConfigurationHashCoversEveryNode(t *testing.T) {
	m := statefulSetModel(t, fooKafka, pool("dual", "2", "[controller, broker]", "[0, 1]"))
	before := m.StatefulSet(m.Pools[0]).Spec.Template.Annotations[pods.AnnoConfigurationHash]
	m.serverConfigs[1] += "x=y\n"
	after := m.StatefulSet(m.Pools[0]).Spec.Template.Annotations[pods.AnnoConfigurationHash]
	assert.NotEqual(t, before, after, "a change to the last node's config rolls the pods")
}

func TestStatefulSetClaimTemplates(t *testing.T) {
	jbod := `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata: {name: b, namespace: ns, labels: {strimzi.io/cluster: foo}}
spec:
  replicas: 2
  roles: [controller, broker]
  storage:
    type: jbod
    volumes:
    - {id: 0, type: persistent-claim, size: 1Gi, deleteClaim: true}
    - {id: 1, type: persistent-claim, size: 1Gi, deleteClaim: true}
    - {id: 2, type: ephemeral}
`
	m := statefulSetModel(t, fooKafka, jbod)
	s := m.StatefulSet(m.Pools[0])
	var names []string
	for _, c := range s.Spec.VolumeClaimTemplates {
		names = append(names, c.Name)
		assert.NotContains(t, c.Annotations, "argocd.argoproj.io/sync-options")
	}
	assert.Equal(t, []string{"data-0", "data-1"}, names, "claims data-<n>-<pod>, as Strimzi names them")
	assert.Equal(t, appsv1.DeletePersistentVolumeClaimRetentionPolicyType, s.Spec.PersistentVolumeClaimRetentionPolicy.WhenScaled)
	var inTemplate []string
	for _, v := range s.Spec.Template.Spec.Volumes {
		inTemplate = append(inTemplate, v.Name)
	}
	assert.NotContains(t, inTemplate, "data-0", "the StatefulSet adds claim volumes itself")
	assert.Contains(t, inTemplate, "data-2")
	assert.Empty(t, m.PVCs(m.Pools[0])[0].OwnerReferences)
	for _, o := range m.PoolObjects(m.Pools[0]) {
		_, isClaim := o.(*corev1.PersistentVolumeClaim)
		_, isPod := o.(*corev1.Pod)
		assert.False(t, isClaim || isPod, "%T", o)
	}
}

func TestStatefulSetFormErrors(t *testing.T) {
	k, pools := decodeAll(t, fooKafka, pool("dual", "3", "[controller, broker]", "[0, 2, 3]"))
	cfg := defaults(t)
	cfg.Spec.Workload = config.WorkloadStatefulSet
	fs := Validate(k, pools, cfg, Inputs{})
	require.Len(t, fs, 1)
	assert.Equal(t, "dual", fs[0].Resource.Name)
	assert.Contains(t, fs[0].Message, "node IDs 0, 2, 3 of KafkaNodePool dual are not contiguous")

	cfg.Spec.Workload = config.WorkloadPod
	assert.Empty(t, Validate(k, pools, cfg, Inputs{}), "other forms take any node IDs")
}
