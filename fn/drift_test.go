package fn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const validateConfig = `functionConfig:
  apiVersion: fn.strimzi-render.dev/v1alpha1
  kind: StrimziRender
  metadata: {name: check}
  spec: {mode: validate}
`

// renderedPolicy is a NetworkPolicy as rendered in namespace kafka, with
// what a transformer after the function may have done to it.
func renderedPolicy(namespace, name, operatorLabels string) string {
	return `apiVersion: config.kubernetes.io/v1
kind: ResourceList
items:
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: ` + name + `
    namespace: ` + namespace + `
    annotations:
      strimzi-render.dev/source: KafkaConnect/my-connect
      strimzi-render.dev/rendered-as: kafka/my-connect-connect
  spec:
    podSelector:
      matchLabels: {strimzi.io/cluster: my-connect}
    ingress:
    - from:
      - podSelector:
          matchLabels: {strimzi.io/cluster: my-connect}
      - namespaceSelector: {}
        podSelector:
          matchLabels: {strimzi.io/kind: cluster-operator` + operatorLabels + `}
` + validateConfig
}

// TestValidateRefusesObjectsChangedAfterRendering: validate mode, run
// after transformers that move, rename or relabel rendered objects, fails
// and says which; untouched objects pass.
func TestValidateRefusesObjectsChangedAfterRendering(t *testing.T) {
	cases := map[string]struct {
		input string
		want  []string
	}{
		"untouched": {input: renderedPolicy("kafka", "my-connect-connect", "")},
		"moved": {input: renderedPolicy("prod", "my-connect-connect", ""),
			want: []string{"NetworkPolicy prod/my-connect-connect was rendered as kafka/my-connect-connect"}},
		"renamed": {input: renderedPolicy("kafka", "prod-my-connect-connect", ""),
			want: []string{"NetworkPolicy kafka/prod-my-connect-connect was rendered as kafka/my-connect-connect"}},
		"operator selector relabelled": {input: renderedPolicy("kafka", "my-connect-connect", ", team: streaming"),
			want: []string{`the selector of the Strimzi operator pods gained ["team"] after rendering`}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			out, err := executeWith(t, NewProcessor(), c.input)
			res := resultsOf(t, out)
			if len(c.want) == 0 {
				require.NoError(t, err, res)
				return
			}
			require.Error(t, err)
			for _, w := range c.want {
				assert.Contains(t, res, w)
			}
			assert.Contains(t, res, "severity: error")
		})
	}
}
