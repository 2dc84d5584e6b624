package entityoperator

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

func TestValidate(t *testing.T) {
	cases := map[string]struct {
		spec  string
		paths []string
		sev   results.Severity
	}{
		"valid":      {spec: "{topicOperator: {}, userOperator: {watchedNamespace: ns}}"},
		"no spec":    {spec: "null"},
		"empty":      {spec: "{}", paths: []string{"spec.entityOperator"}, sev: results.Warning},
		"elsewhere":  {spec: "{topicOperator: {watchedNamespace: other}}", paths: []string{"spec.entityOperator.topicOperator.watchedNamespace"}},
		"bad name":   {spec: "{userOperator: {watchedNamespace: ns}, topicOperator: {watchedNamespace: ns}, template: {pod: {tmpDirSizeLimit: lots}}}", paths: []string{"spec.entityOperator.template.pod.tmpDirSizeLimit"}},
		"resources":  {spec: "{userOperator: {resources: {requests: {cpu: 2}, limits: {cpu: 1}}}}", paths: []string{"spec.entityOperator.userOperator.resources"}},
		"logging":    {spec: "{topicOperator: {logging: {type: external, valueFrom: {configMapKeyRef: {name: cm, key: k}}}}}", paths: []string{"spec.entityOperator.topicOperator.logging.valueFrom.configMapKeyRef"}},
		"interval":   {spec: "{topicOperator: {reconciliationIntervalMs: -1}}", paths: []string{"spec.entityOperator.topicOperator.reconciliationIntervalMs"}},
		"strategy":   {spec: "{topicOperator: {}, template: {deployment: {deploymentStrategy: RollingUpdate}}}", paths: []string{"spec.entityOperator.template.deployment.deploymentStrategy"}, sev: results.Warning},
		"pod labels": {spec: "{topicOperator: {}, template: {pod: {metadata: {labels: {strimzi.io/x: y}}}}}", paths: []string{"spec.entityOperator.template.pod.metadata.labels"}},
		"volume clash": {spec: "{topicOperator: {}, template: {pod: {volumes: [{name: strimzi-to-tmp, emptyDir: {}}]}}}",
			paths: []string{"spec.entityOperator.template.pod.volumes"}},
		"mount outside /mnt": {spec: "{topicOperator: {}, template: {pod: {volumes: [{name: v, emptyDir: {}}]}, topicOperatorContainer: {volumeMounts: [{name: v, mountPath: /etc/v}]}}}",
			paths: []string{"spec.entityOperator.template.topicOperatorContainer.volumeMounts"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			ps := Validate(kafka(t, "  entityOperator: "+c.spec+"\n"), defaults(t), nil)
			var paths []string
			for _, p := range ps {
				paths = append(paths, p.Path)
				assert.Equal(t, c.sev, p.Severity, p.Message)
			}
			if len(c.paths) == 0 {
				assert.Empty(t, ps)
				return
			}
			for _, want := range c.paths {
				assert.Condition(t, func() bool {
					for _, p := range paths {
						if len(p) >= len(want) && p[:len(want)] == want {
							return true
						}
					}
					return false
				}, "want a problem at %s, got %v", want, paths)
			}
		})
	}
}

func TestWatchedNamespaceElsewhereWhenEnabled(t *testing.T) {
	cfg := defaults(t)
	cfg.EntityOperatorWatchedNamespaceEnabled = true
	assert.Empty(t, Validate(kafka(t, "  entityOperator: {topicOperator: {watchedNamespace: other}}\n"), cfg, nil))
}

func TestNotesNameEverySecret(t *testing.T) {
	notes := model(t, "  cruiseControl: {}\n  entityOperator: {topicOperator: {}, userOperator: {}}\n", nil).Notes()
	assert.Len(t, notes, 1, "one warning for all the Secrets")
	for _, s := range []string{"c-entity-topic-operator-certs", "c-entity-user-operator-certs", "c-cluster-ca-cert", "c-clients-ca-cert",
		"c-clients-ca ", "c-entity-topic-operator-cc-api"} {
		assert.Contains(t, notes[0].Message, s)
	}
	notes = model(t, "  entityOperator: {topicOperator: {}}\n", nil).Notes()
	assert.NotContains(t, notes[0].Message, "clients-ca", "the Topic Operator needs no clients CA")
	assert.Equal(t, results.Warning, notes[0].Severity)
}
