package strimzi

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// checkWellFormed finds what the API server could read otherwise than the
// renderer does: a key given twice in one mapping, of which decoders keep
// either the first or the last, and labels or annotations that are not
// strings, which the renderer would turn into strings of its own.
func checkWellFormed(node *yaml.RNode) error {
	if err := duplicateKey(node.YNode(), ""); err != nil {
		return err
	}
	for _, field := range []string{"labels", "annotations"} {
		m, _ := node.Pipe(yaml.Lookup("metadata", field))
		if m == nil || yaml.IsMissingOrNull(m) {
			continue
		}
		path := "metadata." + field
		if m.YNode().Kind != yaml.MappingNode {
			return results.Problem{Path: path, Message: "must be a map of strings"}
		}
		if err := stringValues(m.YNode(), path); err != nil {
			return err
		}
	}
	return nil
}

// stringValues checks that every value of mapping m, merged ones too, is a string.
func stringValues(m *yaml.Node, path string) error {
	return stringValuesOf(m, path, map[*yaml.Node]bool{})
}

// stringValuesOf is stringValues that merges each map once: a map that
// merges itself, through an alias, would otherwise never end.
func stringValuesOf(m *yaml.Node, path string, merging map[*yaml.Node]bool) error {
	if merging[m] {
		return results.Problem{Path: path, Message: "a map cannot merge itself"}
	}
	merging[m] = true
	defer delete(merging, m)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		if k.Tag == yaml.MergeTag {
			merged := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				merged = v.Content
			}
			for _, mm := range merged {
				if mm = resolve(mm); mm.Kind != yaml.MappingNode {
					return results.Problem{Path: path, Message: "can merge only maps"}
				}
				if err := stringValuesOf(mm, path, merging); err != nil {
					return err
				}
			}
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != yaml.NodeTagString {
			return results.Problem{Path: path + "." + k.Value, Message: "must be a string: quote the value"}
		}
	}
	return nil
}

func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// duplicateKey returns an error at the first key that a mapping in n
// holds twice. It does not follow aliases, which repeat what they name.
func duplicateKey(n *yaml.Node, path string) error {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			if err := duplicateKey(c, path); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		seen := make(map[string]bool, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			at := k
			if path != "" {
				at = path + "." + k
			}
			if seen[k] {
				return results.Problem{Path: at, Message: fmt.Sprintf("key %q is given twice: keep one, as the API server may read either", k)}
			}
			seen[k] = true
			if err := duplicateKey(n.Content[i+1], at); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if err := duplicateKey(c, path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	}
	return nil
}

// notJSON returns an error at the first place in n that JSON cannot hold,
// which the API server would never have stored: a mapping key that is not a
// string (null, a number, a boolean or a collection), or an infinite or
// not-a-number value. Aliases are not followed: what they name is checked
// where it is written.
func notJSON(n *yaml.Node, path string) error {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for i, c := range n.Content {
			at := path
			if n.Kind == yaml.SequenceNode {
				at = path + "[" + strconv.Itoa(i) + "]"
			}
			if err := notJSON(c, at); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			at := path + "." + k.Value
			if k.Kind != yaml.ScalarNode || (k.ShortTag() != yaml.NodeTagString && k.ShortTag() != yaml.MergeTag) {
				return results.Problem{Path: at, Message: fmt.Sprintf("the key %q is not a string, which a Kubernetes resource needs: quote it", k.Value)}
			}
			if err := notJSON(v, at); err != nil {
				return err
			}
		}
	case yaml.ScalarNode:
		if n.ShortTag() == yaml.NodeTagFloat && !finite(n.Value) {
			return results.Problem{Path: path, Message: fmt.Sprintf("%s is not a number JSON can hold, so a Kubernetes resource cannot hold it: quote it to give a string", n.Value)}
		}
	}
	return nil
}

// finite tells whether a YAML float is a finite number: not .inf, -.inf or
// .nan, and not so large that it overflows to infinity.
func finite(s string) bool {
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case ".inf", ".nan":
		return false
	}
	f, err := strconv.ParseFloat(s, 64)
	return err == nil || !math.IsInf(f, 0)
}
