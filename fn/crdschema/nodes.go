package crdschema

import (
	"slices"
	"strconv"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// What the API server sees of a YAML node once kubectl has turned it into JSON.

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return resolve(n.Content[0])
	}
	return n
}

func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n.Kind == yaml.ScalarNode && n.ShortTag() == yaml.NodeTagNull
}

// jsonType is the JSON type of n: an integral float is an integer, as the
// conversion to JSON writes it without a fraction.
func jsonType(n *yaml.Node) string {
	n = resolve(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	switch n.ShortTag() {
	case yaml.NodeTagInt:
		return "integer"
	case yaml.NodeTagFloat:
		if _, integral := goValue(n).(int64); integral {
			return "integer"
		}
		return "number"
	case yaml.NodeTagBool:
		return "boolean"
	case yaml.NodeTagNull:
		return "null"
	}
	return "string"
}

// representable is false for .inf and .nan, which JSON has no number for:
// kubectl refuses to send them, and the renderer cannot read them.
func representable(n *yaml.Node) bool {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode || n.ShortTag() != yaml.NodeTagFloat {
		return true
	}
	_, text := goValue(n).(string)
	return !text
}

// goValue is n as a JSON decoder returns it, for messages.
func goValue(n *yaml.Node) any {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode {
		var v any
		if err := n.Decode(&v); err != nil {
			return jsonType(n)
		}
		return v
	}
	text := strings.ReplaceAll(n.Value, "_", "")
	switch n.ShortTag() {
	case yaml.NodeTagInt:
		if i, err := strconv.ParseInt(text, 0, 64); err == nil {
			return i
		}
	case yaml.NodeTagFloat:
		if f, err := strconv.ParseFloat(text, 64); err == nil {
			if f == float64(int64(f)) {
				return int64(f)
			}
			return f
		}
	case yaml.NodeTagBool:
		if b, err := strconv.ParseBool(strings.ToLower(n.Value)); err == nil {
			return b
		}
	case yaml.NodeTagNull:
		return nil
	}
	return n.Value
}

// numeric is n's value if n is a number.
func numeric(n *yaml.Node) (float64, bool) {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode || n.ShortTag() != yaml.NodeTagInt && n.ShortTag() != yaml.NodeTagFloat {
		return 0, false
	}
	text := strings.ReplaceAll(n.Value, "_", "")
	if i, err := strconv.ParseInt(text, 0, 64); err == nil {
		return float64(i), true
	}
	f, err := strconv.ParseFloat(text, 64)
	return f, err == nil
}

// mapping reads the fields of a mapping node, merge keys included: fields
// written in the mapping win over merged ones, as in YAML.
type mapping struct{ n *yaml.Node }

func isMergeKey(k *yaml.Node) bool { return k.Value == "<<" && k.ShortTag() == yaml.MergeTag }

func (m mapping) hasMerge() bool {
	for i := 0; i+1 < len(m.n.Content); i += 2 {
		if isMergeKey(m.n.Content[i]) {
			return true
		}
	}
	return false
}

// each calls f with every field once, in the order written.
func (m mapping) each(f func(key string, v *yaml.Node)) { m.eachMerging(f, nil) }

// eachMerging is each within the mappings being merged, which a merge
// that leads back to one of them must not enter again.
func (m mapping) eachMerging(f func(key string, v *yaml.Node), merging []*yaml.Node) {
	c := m.n.Content
	if !m.hasMerge() {
		for i := 0; i+1 < len(c); i += 2 {
			f(c[i].Value, c[i+1])
		}
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(c); i += 2 {
		if !isMergeKey(c[i]) {
			seen[c[i].Value] = true
			f(c[i].Value, c[i+1])
		}
	}
	merging = append(merging, m.n)
	for i := 0; i+1 < len(c); i += 2 {
		if !isMergeKey(c[i]) {
			continue
		}
		merged := []*yaml.Node{resolve(c[i+1])}
		if merged[0].Kind == yaml.SequenceNode {
			merged = merged[0].Content
		}
		for _, mm := range merged {
			if mm = resolve(mm); mm.Kind == yaml.MappingNode && !slices.Contains(merging, mm) {
				mapping{mm}.eachMerging(func(key string, v *yaml.Node) {
					if !seen[key] {
						seen[key] = true
						f(key, v)
					}
				}, merging)
			}
		}
	}
}

// get returns the value of field key, or nil.
func (m mapping) get(key string) *yaml.Node {
	c := m.n.Content
	merges := false
	for i := 0; i+1 < len(c); i += 2 {
		switch {
		case isMergeKey(c[i]):
			merges = true
		case c[i].Value == key:
			return c[i+1]
		}
	}
	if !merges {
		return nil
	}
	var found *yaml.Node
	m.each(func(k string, v *yaml.Node) {
		if found == nil && k == key {
			found = v
		}
	})
	return found
}

// has reports whether field key is set: a null is no value.
func (m mapping) has(key string) bool {
	v := m.get(key)
	return v != nil && !isNull(v)
}

func (m mapping) stringField(name string) (string, bool) {
	v := m.get(name)
	if v == nil || isNull(v) {
		return "", false
	}
	return resolve(v).Value, true
}
