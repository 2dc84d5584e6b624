package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/pods"
)

func statefulSetConfig() *config.StrimziRender {
	cfg := baselineConfig()
	cfg.Spec.Workload = config.WorkloadStatefulSet
	return cfg
}

func TestStatefulSetObjectsWaitForTheBuild(t *testing.T) {
	objs := fixture{cfg: statefulSetConfig(), build: testBuild}.model(t, "replicas: 2").Objects()
	names := kindAndName(t, objs)
	assert.Equal(t, "StatefulSet/my-connect-connect", names[len(names)-1])
	assert.NotContains(t, names, "Pod/my-connect-connect-0")
	s, ok := objs[len(objs)-1].(*appsv1.StatefulSet)
	require.True(t, ok)
	assert.Equal(t, testBuild.DependsOn, s.Annotations[AnnoDependsOn])
	assert.NotContains(t, s.Spec.Template.Annotations, AnnoDependsOn, "the annotation never restarts workers")
}

func TestStatefulSetWorkers(t *testing.T) {
	m := fixture{cfg: statefulSetConfig()}.model(t, "replicas: 3")
	s := m.StatefulSet()
	assert.Equal(t, "my-connect-connect", s.Name)
	assert.Equal(t, "my-connect-connect", s.Spec.ServiceName, "the headless Service")
	assert.Equal(t, int32(3), *s.Spec.Replicas)
	assert.Equal(t, int32(0), s.Spec.Ordinals.Start, "workers my-connect-connect-<i>")
	assert.Empty(t, s.Spec.Template.Spec.Hostname)
	for _, perPod := range []string{labels.PodName, labels.StatefulSetPodName, labels.Controller} {
		assert.NotContains(t, s.Spec.Template.Labels, perPod)
	}
	for k, v := range s.Spec.Selector.MatchLabels {
		assert.Equal(t, v, s.Spec.Template.Labels[k])
	}
	assert.NotContains(t, s.Spec.Template.Annotations, pods.AnnoRevision)

	before := s.Spec.Template.Annotations[pods.AnnoConfigurationHash]
	other := fixture{cfg: statefulSetConfig()}.model(t, "replicas: 3", "logging: {type: inline, loggers: {rootLogger.level: WARN}}")
	assert.NotEqual(t, before, other.StatefulSet().Spec.Template.Annotations[pods.AnnoConfigurationHash], "a logging change rolls the workers")
}
