package strimzi

import (
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// ConfigEntry is one key of a Strimzi config map with its value as written.
type ConfigEntry struct {
	Key   string
	Value string
}

// ConfigEntries reads a config map (spec.config) straight from YAML, so that
// numbers keep the digits the user wrote (1000000 stays 1000000, 1.0 stays 1.0).
// Keys come in input order; values must be scalars. A merge key (<<) adds
// the entries of the maps it names, as kubectl's YAML decoder merges them.
func ConfigEntries(node *yaml.RNode, path ...string) ([]ConfigEntry, error) {
	m, err := node.Pipe(yaml.Lookup(path...))
	if err != nil || m == nil || yaml.IsMissingOrNull(m) {
		return nil, nil
	}
	field := strings.Join(path, ".")
	if m.YNode().Kind != yaml.MappingNode {
		return nil, results.Problem{Path: field, Message: "must be an object"}
	}
	return mappingEntries(m.YNode(), field)
}

// mappingEntries reads the entries of mapping m in order. The entries a
// merge key brings take its place, unless m sets the key itself or an
// earlier merged map did.
func mappingEntries(m *yaml.Node, field string) ([]ConfigEntry, error) {
	content := m.Content
	own := make(map[string]bool, len(content)/2)
	for i := 0; i+1 < len(content); i += 2 {
		if content[i].Tag != yaml.MergeTag {
			own[content[i].Value] = true
		}
	}
	out := make([]ConfigEntry, 0, len(content)/2)
	merged := map[string]bool{}
	for i := 0; i+1 < len(content); i += 2 {
		k, v := content[i], resolve(content[i+1])
		if k.Tag == yaml.MergeTag {
			maps := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				maps = v.Content
			}
			for _, mm := range maps {
				if mm = resolve(mm); mm.Kind != yaml.MappingNode {
					return nil, results.Problem{Path: field + "." + k.Value, Message: "can merge only maps"}
				}
				entries, err := mappingEntries(mm, field)
				if err != nil {
					return nil, err
				}
				for _, e := range entries {
					if !own[e.Key] && !merged[e.Key] {
						merged[e.Key] = true
						out = append(out, e)
					}
				}
			}
			continue
		}
		if v.Kind != yaml.ScalarNode {
			return nil, results.Problem{Path: field + "." + k.Value, Message: "must be a string, number or boolean"}
		}
		if v.Tag == yaml.NodeTagNull {
			continue
		}
		out = append(out, ConfigEntry{Key: k.Value, Value: v.Value})
	}
	return out, nil
}
