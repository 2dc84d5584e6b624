package strimzi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

func TestNotJSON(t *testing.T) {
	cases := map[string]struct {
		doc  string
		want error
	}{
		"plain":          {"config: {a: 1, b: 1.5, c: [x, 1e3]}", nil},
		"merge key":      {"config: {<<: {a: 1}}", nil},
		"null key":       {"config: {~: x}", results.Problem{Path: "spec.config.~", Message: `the key "~" is not a string, which a Kubernetes resource needs: quote it`}},
		"number key":     {"config: {1: x}", results.Problem{Path: "spec.config.1", Message: `the key "1" is not a string, which a Kubernetes resource needs: quote it`}},
		"infinity":       {"config: {a: .inf}", results.Problem{Path: "spec.config.a", Message: ".inf is not a number JSON can hold, so a Kubernetes resource cannot hold it: quote it to give a string"}},
		"minus infinity": {"config: {a: [1, -.Inf]}", results.Problem{Path: "spec.config.a[1]", Message: "-.Inf is not a number JSON can hold, so a Kubernetes resource cannot hold it: quote it to give a string"}},
		"not a number":   {"replicas: .NaN", results.Problem{Path: "spec.replicas", Message: ".NaN is not a number JSON can hold, so a Kubernetes resource cannot hold it: quote it to give a string"}},
		"quoted":         {"config: {'~': '.inf'}", nil},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := notJSON(yaml.MustParse(c.doc).YNode(), "spec")
			if c.want == nil {
				assert.NoError(t, err)
			} else {
				assert.Equal(t, c.want, err)
			}
		})
	}
}
