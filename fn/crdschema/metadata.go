package crdschema

import (
	"fmt"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// The API server decodes metadata into ObjectMeta, not through the CRD's
// schema, and stops at the first value that does not fit.

// metaError is a value of metadata that does not decode, and the keys and
// indices that lead to it.
type metaError struct {
	keys []string
	f    finding
}

// decodes reports whether the JSON decoder reads n into a Go value of type t.
func decodes(t valueType, n *yaml.Node) bool {
	actual := jsonType(n)
	return t == typeAny || actual == "null" || accepts(t, actual)
}

// metaDecodeError records a value of metadata that does not decode into
// ObjectMeta, in encoding/json's words.
func (c *checker) metaDecodeError(n *yaml.Node, s *schema) {
	value := map[string]string{"integer": "number", "number": "number", "boolean": "bool"}[jsonType(n)]
	if value == "" {
		value = jsonType(n)
	}
	into := "Go value of type " + s.goType
	if len(c.goFields) > 0 {
		parent := c.goStructs[len(c.goStructs)-1]
		into = fmt.Sprintf("Go struct field %s.%s of type %s", parent[strings.LastIndex(parent, ".")+1:], strings.Join(c.goFields, "."), s.goType)
	}
	c.metaErrors = append(c.metaErrors, metaError{slices.Clone(c.metaKeys),
		finding{path: c.at(), class: ruleType, message: fmt.Sprintf("json: cannot unmarshal %s into %s", value, into)}})
}

// firstMetaError is the error the decoder stops at: kubectl sends metadata
// as JSON with sorted keys, so the first in that order.
func (c *checker) firstMetaError() {
	if len(c.metaErrors) == 0 {
		return
	}
	first := slices.MinFunc(c.metaErrors, func(a, b metaError) int { return slices.Compare(a.keys, b.keys) })
	c.findings = append(c.findings, first.f)
}
