package entityoperator

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"k8s.io/apimachinery/pkg/runtime"
)

func TestNewRendersNothingWithoutAnOperator(t *testing.T) {
	assert.Nil(t, model(t, "  kafka: {}\n", nil))
	assert.Nil(t, model(t, "  entityOperator: {}\n", nil), "Strimzi deploys nothing without topicOperator or userOperator")
	assert.Nil(t, model(t, "  entityOperator: {template: {pod: {}}}\n", nil))
	var m *Model
	assert.Nil(t, m.Objects())
	assert.Nil(t, m.Notes())
}

func TestNewPicksTheConfiguredOperators(t *testing.T) {
	m := model(t, "  entityOperator: {topicOperator: {}}\n", nil)
	require.NotNil(t, m)
	assert.NotNil(t, m.Topic)
	assert.Nil(t, m.User)
	assert.Equal(t, "quay.io/strimzi/operator:1.2.0", m.Topic.Image)
	assert.Equal(t, "ns", m.Topic.WatchedNamespace, "the Kafka's namespace by default")

	cfg := defaults(t)
	cfg.Images.UserOperator = "registry.example.com/operator:1"
	m = model(t, "  entityOperator: {userOperator: {watchedNamespace: other}, topicOperator: {image: my/to:1}}\n", cfg)
	assert.Equal(t, "my/to:1", m.Topic.Image, "the spec's image wins")
	assert.Equal(t, "registry.example.com/operator:1", m.User.Image)
	assert.Equal(t, "other", m.User.WatchedNamespace)
}

func TestObjectsInReconcileOrder(t *testing.T) {
	m := model(t, "  entityOperator: {topicOperator: {}, userOperator: {}}\n", nil)
	var kinds []string
	for _, o := range m.Objects() {
		kinds = append(kinds, kindOf(o))
	}
	assert.Equal(t, []string{"ServiceAccount", "Role", "NetworkPolicy", "PodDisruptionBudget", "RoleBinding", "RoleBinding",
		"ConfigMap", "ConfigMap", "Deployment"}, kinds)

	cfg := defaults(t)
	off := false
	cfg.NetworkPolicies, cfg.PodDisruptionBudgets = &off, &off
	m = model(t, "  entityOperator: {topicOperator: {}}\n", cfg)
	kinds = nil
	for _, o := range m.Objects() {
		kinds = append(kinds, kindOf(o))
	}
	assert.Equal(t, []string{"ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Deployment"}, kinds)
}

func kindOf(o any) string { return o.(runtime.Object).GetObjectKind().GroupVersionKind().Kind }
