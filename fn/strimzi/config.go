package strimzi

import (
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// ConfigEntry is one key of a Strimzi config map with its value as written.
type ConfigEntry struct {
	Key   string
	Value string
}

// ConfigEntries reads a config map (spec.config) straight from YAML, so that
// numbers keep the digits the user wrote (1000000 stays 1000000, 1.0 stays 1.0).
// Keys come in input order; values must be scalars.
func ConfigEntries(node *yaml.RNode, path ...string) ([]ConfigEntry, error) {
	m, err := node.Pipe(yaml.Lookup(path...))
	if err != nil || m == nil || yaml.IsMissingOrNull(m) {
		return nil, nil
	}
	field := strings.Join(path, ".")
	if m.YNode().Kind != yaml.MappingNode {
		return nil, &FieldError{Path: field, Message: "must be an object"}
	}
	content := m.Content()
	out := make([]ConfigEntry, 0, len(content)/2)
	for i := 0; i+1 < len(content); i += 2 {
		k, v := content[i], content[i+1]
		if v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		if v.Kind != yaml.ScalarNode {
			return nil, &FieldError{Path: field + "." + k.Value, Message: "must be a string, number or boolean"}
		}
		if v.Tag == yaml.NodeTagNull {
			continue
		}
		out = append(out, ConfigEntry{Key: k.Value, Value: v.Value})
	}
	return out, nil
}
