package strimzi

import (
	"encoding/json"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// toJSON is node as JSON, as RNode.MarshalJSON gives it, in time linear in
// the size of the node. MarshalJSON decodes with yaml.v3, which compares
// every key of a mapping with every other to find repeats: a spec with a
// hundred thousand config keys took minutes. Repeated keys are refused
// before (duplicateKey), so toJSON decodes each scalar alone, as yaml.v3
// would, and builds the maps and lists itself. A node with aliases or merge
// keys, whose expansion yaml.v3 bounds, still goes through MarshalJSON.
func toJSON(node *yaml.RNode) ([]byte, error) {
	if hasAliasOrMerge(node.YNode()) {
		return node.MarshalJSON()
	}
	v, err := decodeValue(node.YNode())
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

func hasAliasOrMerge(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Kind == yaml.ScalarNode && n.Tag == yaml.MergeTag {
		return true
	}
	for _, c := range n.Content {
		if hasAliasOrMerge(c) {
			return true
		}
	}
	return false
}

// decodeValue is what yaml.v3 decodes n into when the target is any, for a
// node without aliases or merge keys whose mapping keys are strings.
func decodeValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return decodeValue(n.Content[0])
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := decodeValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := decodeValue(c)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	default:
		var v any
		err := n.Decode(&v)
		return v, err
	}
}
