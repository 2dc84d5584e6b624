package fn

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// toNode converts a typed object into a YAML node, with map keys sorted as
// kubectl prints them. It builds the node from the object's JSON directly;
// going through YAML text costs twice as much.
func toNode(obj any) (*yaml.RNode, error) {
	b, err := json.Marshal(obj)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	n := yaml.NewRNode(jsonToNode(v))
	// Rendered objects describe desired state only.
	_ = n.PipeE(yaml.Clear("status"))
	for _, embedded := range [][]string{{"spec", "pods"}, {"spec", "volumeClaimTemplates"}} {
		if list, _ := n.Pipe(yaml.Lookup(embedded...)); list != nil {
			for _, p := range list.Content() {
				_ = yaml.NewRNode(p).PipeE(yaml.Clear("status"))
			}
		}
	}
	return n, nil
}

func jsonToNode(v any) *yaml.Node {
	switch v := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: yaml.NodeTagMap}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagString, Value: k}, jsonToNode(v[k]))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: yaml.NodeTagSeq}
		for _, e := range v {
			n.Content = append(n.Content, jsonToNode(e))
		}
		return n
	case string:
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagString, Value: v}
		if mayNotBeString(v) && yaml.IsValueNonString(v) {
			// "yes", "on", "0x1" and the like are not strings to YAML 1.1
			// decoders such as kubectl's: quote them.
			n.Style = yaml.DoubleQuotedStyle
			if strings.ContainsAny(v, `"\`) {
				n.Style = yaml.SingleQuotedStyle
			}
		}
		return n
	case json.Number:
		tag := yaml.NodeTagInt
		if strings.ContainsAny(string(v), ".eE") {
			tag = yaml.NodeTagFloat
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v)}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagBool, Value: strconv.FormatBool(v)}
	default:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagNull, Value: "null"}
	}
}

// mayNotBeString is a cheap test for the strings a YAML 1.1 decoder could
// read as something else: numbers, timestamps, null and the 1.1 booleans.
// Other strings need no quotes beyond what the encoder adds itself.
func mayNotBeString(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case '0' <= c && c <= '9', c == '+', c == '-', c == '.', c == '~':
		return true
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return true
	}
	return false
}
