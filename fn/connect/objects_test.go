package connect

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// kindAndName lists objects as Kind/name.
func kindAndName(t *testing.T, objs []specs.Object) []string {
	t.Helper()
	var out []string
	for _, o := range objs {
		out = append(out, fmt.Sprintf("%s/%s", o.GetObjectKind().GroupVersionKind().Kind, o.GetName()))
	}
	return out
}

func TestObjectsMinimal(t *testing.T) {
	assert.Equal(t, []string{
		"ServiceAccount/my-connect-connect",
		"ConfigMap/my-connect-connect-config",
		"Service/my-connect-connect-api",
		"Service/my-connect-connect",
		"PodDisruptionBudget/my-connect-connect",
		"StatefulSet/my-connect-connect",
	}, kindAndName(t, connectModel(t, "replicas: 1").Objects()))
	assert.Empty(t, connectModel(t, "replicas: 1").OperatorlessObjects())
}

func TestObjectsEverything(t *testing.T) {
	cfg := baselineConfig()
	cfg.Spec.Workload = config.WorkloadStrimziPodSet
	build := *testBuild
	build.Objects = []specs.Object{&corev1.ConfigMap{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"},
		ObjectMeta: metav1.ObjectMeta{Name: "my-connect-connect-dockerfile-0a1b2c3d", Namespace: "my-namespace"},
	}}
	m := fixture{cfg: cfg, build: &build, metadata: []string{"annotations: {strimzi.io/use-connector-resources: \"true\"}"}}.model(t,
		"replicas: 2", tlsTrustedCerts, topologyRack, "storage: {type: persistent-claim, size: 1Gi}")

	objs := m.Objects()
	assert.Equal(t, []string{
		"ConfigMap/my-connect-connect-dockerfile-0a1b2c3d",
		"ServiceAccount/my-connect-connect",
		"Role/my-connect-connect",
		"RoleBinding/my-connect-connect-connect-role",
		"ClusterRoleBinding/strimzi-my-namespace-my-connect-connect-init",
		"ConfigMap/my-connect-connect-config",
		"PersistentVolumeClaim/data-my-connect-connect",
		"Service/my-connect-connect-api",
		"Service/my-connect-connect",
		"NetworkPolicy/my-connect-connect",
		"PodDisruptionBudget/my-connect-connect",
		"StrimziPodSet/my-connect-connect",
	}, kindAndName(t, objs))
	ps, ok := objs[len(objs)-1].(*pods.StrimziPodSet)
	require.True(t, ok)
	assert.Equal(t, testBuild.DependsOn, ps.Annotations[AnnoDependsOn], "the workload waits for the build")
	for _, p := range ps.Spec.Pods {
		assert.NotContains(t, p.Annotations, AnnoDependsOn, "pods keep their revision")
	}

	assert.Equal(t, []string{
		"ConfigMap/my-connect-connect-dockerfile-0a1b2c3d",
		"PersistentVolumeClaim/data-my-connect-connect",
	}, kindAndName(t, m.OperatorlessObjects()))
}

func TestObjectsPodsDependOnBuild(t *testing.T) {
	objs := fixture{build: testBuild}.model(t, "replicas: 2").Objects()
	for _, o := range objs {
		if p, ok := o.(*corev1.Pod); ok {
			assert.Equal(t, testBuild.DependsOn, p.Annotations[AnnoDependsOn], p.Name)
		}
	}
	noDependency := *testBuild
	noDependency.DependsOn = ""
	for _, o := range (fixture{build: &noDependency}).model(t, "replicas: 1").Objects() {
		if p, ok := o.(*corev1.Pod); ok {
			assert.NotContains(t, p.Annotations, AnnoDependsOn)
		}
	}
}

func TestObjectsWithoutPodDisruptionBudgets(t *testing.T) {
	cfg := baselineConfig()
	cfg.Spec.PodDisruptionBudgets = ptr.To(false)
	assert.NotContains(t, kindAndName(t, fixture{cfg: cfg}.model(t, "replicas: 1").Objects()), "PodDisruptionBudget/my-connect-connect")
}
