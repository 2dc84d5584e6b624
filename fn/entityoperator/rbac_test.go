package entityoperator

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Expected rules follow EntityOperator.filterRulesByPermissions over
// Strimzi's strimzi-entity-operator ClusterRole.
func TestRulesByPermissions(t *testing.T) {
	resources := func(p permissions) [][]string {
		var out [][]string
		for _, r := range rules(p, false) {
			out = append(out, r.Resources)
		}
		return out
	}
	assert.Len(t, rules(allPermissions, false), 5)
	assert.Equal(t, [][]string{{"kafkatopics"}, {"kafkatopics/status"}, {"kafkatopics/finalizers"}}, resources(topicPermissions))
	assert.Equal(t, [][]string{{"kafkausers"}, {"kafkausers/status"}, {"kafkausers/finalizers"}, {"secrets"}}, resources(userPermissions))
	assert.Len(t, clusterRoleRules()[2].Resources, 2, "filtering does not change the shared rules")
}

func TestRolesAndBindingsInTheKafkaNamespace(t *testing.T) {
	m := model(t, `  entityOperator:
    topicOperator: {}
    userOperator: {}
    template:
      entityOperatorRole: {metadata: {labels: {r: "1"}}}
      topicOperatorRoleBinding: {metadata: {annotations: {b: "2"}}}
`, nil)
	roles := m.Roles()
	require.Len(t, roles, 1)
	assert.Equal(t, "c-entity-operator", roles[0].Name)
	assert.Equal(t, "ns", roles[0].Namespace)
	assert.Equal(t, "1", roles[0].Labels["r"])
	assert.Equal(t, "a", roles[0].Labels["team"], "the Kafka's labels")
	bindings := m.RoleBindings()
	require.Len(t, bindings, 2)
	assert.Equal(t, "c-entity-topic-operator-role", bindings[0].Name)
	assert.Equal(t, "c-entity-topic-operator", bindings[0].Labels["strimzi.io/name"], "the Topic Operator's labels")
	assert.Equal(t, map[string]string{"b": "2"}, bindings[0].Annotations)
	assert.Equal(t, "c-entity-user-operator-role", bindings[1].Name)
	assert.Equal(t, "entity-user-operator", bindings[1].Labels["strimzi.io/component-type"])
	assert.Equal(t, "c-entity-operator", bindings[1].RoleRef.Name)
	assert.Equal(t, "c-entity-operator", bindings[1].Subjects[0].Name)
}

func TestRolesInWatchedNamespaces(t *testing.T) {
	cfg := defaults(t)
	cfg.EntityOperatorWatchedNamespaceEnabled = true
	t.Run("each operator elsewhere", func(t *testing.T) {
		m := model(t, "  entityOperator: {topicOperator: {watchedNamespace: topics}, userOperator: {watchedNamespace: users}}\n", cfg)
		roles := m.Roles()
		require.Len(t, roles, 3)
		assert.Equal(t, []string{"ns", "topics", "users"}, []string{roles[0].Namespace, roles[1].Namespace, roles[2].Namespace})
		assert.Equal(t, rules(topicPermissions, false), roles[1].Rules)
		assert.Equal(t, rules(userPermissions, false), roles[2].Rules)
		bindings := m.RoleBindings()
		require.Len(t, bindings, 4)
		assert.Equal(t, "topics", bindings[1].Namespace)
		assert.Equal(t, "ns", bindings[1].Subjects[0].Namespace, "the ServiceAccount stays in the Kafka's namespace")
		assert.Equal(t, "users", bindings[3].Namespace)
	})
	t.Run("both in one other namespace", func(t *testing.T) {
		m := model(t, "  entityOperator: {topicOperator: {watchedNamespace: apps}, userOperator: {watchedNamespace: apps}}\n", cfg)
		roles := m.Roles()
		require.Len(t, roles, 2)
		assert.Equal(t, rules(allPermissions, false), roles[1].Rules)
	})
	t.Run("one elsewhere, one at home", func(t *testing.T) {
		m := model(t, "  entityOperator: {topicOperator: {}, userOperator: {watchedNamespace: apps}}\n", cfg)
		require.Len(t, m.Roles(), 2)
		assert.Len(t, m.RoleBindings(), 3)
	})
}

// With a cert-manager clients CA the User Operator manages Certificates;
// the Topic Operator's Role in another namespace does not get them.
func TestRulesWithCertificates(t *testing.T) {
	assert.Contains(t, rules(allPermissions, true), certificateRule)
	assert.Contains(t, rules(userPermissions, true), certificateRule)
	assert.NotContains(t, rules(topicPermissions, true), certificateRule)
}
