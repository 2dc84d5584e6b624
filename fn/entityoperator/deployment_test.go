package entityoperator

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Expected values follow EntityOperator.generateDeployment and
// WorkloadUtils.createDeployment / createPodTemplateSpec.
func TestDeployment(t *testing.T) {
	cfg := defaults(t)
	cfg.CustomLabels.EntityOperator = map[string]string{"custom": "yes"}
	d := model(t, `  entityOperator:
    topicOperator: {}
    userOperator: {}
    template:
      deployment:
        metadata: {labels: {d: "1"}, annotations: {da: "2"}}
        deploymentStrategy: RollingUpdate
      pod:
        metadata: {labels: {p: "3"}, annotations: {pa: "4"}}
        tmpDirSizeLimit: 10Mi
        terminationGracePeriodSeconds: 60
        volumes: [{name: extra, secret: {secretName: s}}]
`, cfg).Deployment()
	assert.Equal(t, "apps/v1", d.APIVersion)
	assert.Equal(t, "c-entity-operator", d.Name)
	assert.Equal(t, "1", d.Labels["d"])
	assert.Equal(t, map[string]string{"da": "2"}, d.Annotations)
	assert.Equal(t, int32(1), *d.Spec.Replicas)
	assert.Equal(t, appsv1.RecreateDeploymentStrategyType, d.Spec.Strategy.Type, "the template's strategy is ignored")
	assert.Equal(t, map[string]string{"strimzi.io/cluster": "c", "strimzi.io/kind": "Kafka", "strimzi.io/name": "c-entity-operator"}, d.Spec.Selector.MatchLabels)
	pod := d.Spec.Template
	assert.Equal(t, "yes", pod.Labels["custom"])
	assert.Equal(t, "3", pod.Labels["p"])
	assert.Equal(t, "entity-operator", pod.Labels["strimzi.io/component-type"])
	assert.Equal(t, map[string]string{"strimzi.io/cluster-ca-cert-generation": "0", "strimzi.io/cluster-ca-key-generation": "0", "pa": "4"}, pod.Annotations)
	assert.Equal(t, "c-entity-operator", pod.Spec.ServiceAccountName)
	assert.False(t, *pod.Spec.AutomountServiceAccountToken)
	assert.Empty(t, pod.Spec.RestartPolicy, "left to the API server, as Strimzi does")
	assert.Equal(t, int64(60), *pod.Spec.TerminationGracePeriodSeconds)
	require.Len(t, pod.Spec.Containers, 2)
	assert.Equal(t, "topic-operator", pod.Spec.Containers[0].Name)
	assert.Equal(t, "user-operator", pod.Spec.Containers[1].Name)
	var vols []string
	for _, v := range pod.Spec.Volumes {
		vols = append(vols, v.Name)
	}
	assert.Equal(t, []string{"kube-api-access", "strimzi-to-tmp", "entity-topic-operator-metrics-and-logging",
		"entity-user-operator-metrics-and-logging", "strimzi-uo-tmp", "extra"}, vols)
	assert.Equal(t, "10Mi", pod.Spec.Volumes[1].EmptyDir.SizeLimit.String())
	assert.Equal(t, "c-entity-user-operator-config", pod.Spec.Volumes[3].ConfigMap.Name)
}

func TestNetworkPolicyAndPodDisruptionBudget(t *testing.T) {
	m := model(t, "  entityOperator: {userOperator: {}, template: {podDisruptionBudget: {maxUnavailable: 0}}}\n", nil)
	np := m.NetworkPolicy()
	require.Len(t, np.Spec.Ingress, 1, "only the operators configured")
	assert.Equal(t, intstr.FromInt32(8081), *np.Spec.Ingress[0].Ports[0].Port)
	assert.Empty(t, np.Spec.Ingress[0].From, "the health check is open to all")
	assert.Equal(t, intstr.FromInt32(0), *m.PodDisruptionBudget().Spec.MaxUnavailable)
}

func TestLoggingConfigMaps(t *testing.T) {
	m := model(t, `  entityOperator:
    topicOperator: {logging: {type: inline, loggers: {rootLogger.level: DEBUG}}}
    userOperator: {}
`, nil)
	to := m.Topic.ConfigMap()
	assert.Equal(t, "c-entity-topic-operator-config", to.Name)
	assert.Contains(t, to.Data["log4j2.properties"], "name=TOConfig\n")
	assert.Contains(t, to.Data["log4j2.properties"], "rootLogger.level=DEBUG\n")
	assert.Contains(t, to.Data["log4j2.properties"], "monitorInterval=30\n")
	uo := m.User.ConfigMap()
	assert.Equal(t, "c-entity-user-operator-config", uo.Name)
	assert.Contains(t, uo.Data["log4j2.properties"], "name=UOConfig\nappender.console.type=Console\n")
	assert.Equal(t, "c-entity-user-operator", uo.Labels["strimzi.io/name"])
}

func TestGeneratedVolumesMatchThePod(t *testing.T) {
	m := model(t, "  cruiseControl: {}\n  entityOperator: {topicOperator: {}, userOperator: {}}\n", nil)
	var names []string
	for _, v := range m.Deployment().Spec.Template.Spec.Volumes {
		names = append(names, v.Name)
	}
	assert.Equal(t, names, m.GeneratedVolumes())
}
