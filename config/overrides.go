package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Overrides are settings in the ConfigMap form (dotted spec paths to
// values) applied over the function config from outside the package, for
// example from an environment variable an Argo CD Application sets.
type Overrides struct {
	// Source names where the values come from; every message about them
	// starts with it.
	Source string
	Values map[string]string
}

// ParseOverrides reads key=value entries separated by newlines or ';'.
// Whitespace around keys and values is trimmed; empty entries and entries
// starting with '#' are skipped. A value may hold '=' but not ';'.
func ParseOverrides(source, text string) (Overrides, error) {
	o := Overrides{Source: source, Values: map[string]string{}}
	var errs []string
	for _, entry := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ';' }) {
		entry = strings.TrimSpace(entry)
		if entry == "" || strings.HasPrefix(entry, "#") {
			continue
		}
		key, value, ok := strings.Cut(entry, "=")
		key = strings.TrimSpace(key)
		switch _, dup := o.Values[key]; {
		case !ok || key == "":
			errs = append(errs, fmt.Sprintf("%q is not key=value", entry))
		case dup:
			errs = append(errs, fmt.Sprintf("key %q is set twice", key))
		default:
			o.Values[key] = strings.TrimSpace(value)
		}
	}
	if len(errs) > 0 {
		return o, fmt.Errorf("%s: %s (entries are key=value, separated by newlines or ';')", source, strings.Join(errs, "; "))
	}
	return o, nil
}

// LoadWithOverrides is Load followed by each layer of overrides, in order:
// a later layer wins over an earlier one, and every layer wins over the
// function config. Keys are read through the schema as the ConfigMap form's
// are: an unknown key is an error naming the layer's source. Maps merge
// entry by entry; a list value replaces the list.
func LoadWithOverrides(fc *yaml.RNode, layers ...Overrides) (*StrimziRender, []results.Problem) {
	c := &StrimziRender{}
	node, ps := configNode(fc)
	if len(ps) > 0 {
		return c, ps
	}
	var sources []string
	for _, l := range layers {
		if len(l.Values) > 0 {
			sources = append(sources, l.Source)
		}
	}
	if len(sources) > 0 {
		if node, ps = applyOverrides(node, layers); len(ps) > 0 {
			return c, ps
		}
	}
	if node == nil {
		_ = c.Default()
		return c, nil
	}
	ps = loadProblems(framework.LoadFunctionConfig(node, c))
	for i := range ps {
		ps[i].Path = fieldOf(fc, ps[i].Path)
		if len(sources) > 0 {
			ps[i].Message += " (with overrides from " + strings.Join(sources, ", ") + ")"
		}
	}
	return c, ps
}

// fieldOf is where fc sets the StrimziRender field at path: the ConfigMap
// form's keys are the paths below spec, and without a function config the
// settings come from overrides only, which have no fields.
func fieldOf(fc *yaml.RNode, path string) string {
	switch {
	case absent(fc):
		return ""
	case isConfigMap(fc):
		if rest, ok := strings.CutPrefix(path, "spec."); ok {
			return "data." + rest
		}
		return ""
	}
	return path
}

// applyOverrides sets each layer's keys in the spec of node, or of an empty
// StrimziRender when node is nil. Its problems name the layer's source and
// key, not a field of the function config.
func applyOverrides(node *yaml.RNode, layers []Overrides) (*yaml.RNode, []results.Problem) {
	root, err := schemaOnce()
	if err != nil {
		return nil, []results.Problem{{Message: err.Error()}}
	}
	obj := map[string]any{"apiVersion": APIVersion, "kind": Kind, "metadata": map[string]any{"name": "overrides"}}
	if node != nil {
		if obj, err = toMap(node); err != nil {
			return nil, []results.Problem{results.Errorf("", "reading functionConfig: %v", err)}
		}
	}
	spec, ok := obj["spec"].(map[string]any)
	if !ok {
		if obj["spec"] != nil {
			return nil, []results.Problem{results.Errorf("", "functionConfig spec is not an object, so %s cannot apply", layers[0].Source)}
		}
		spec = map[string]any{}
		obj["spec"] = spec
	}
	specSchema := root.Properties["spec"]
	var ps []results.Problem
	for _, l := range layers {
		for _, key := range sortedKeys(l.Values) {
			if err := setPath(spec, &specSchema, "spec", strings.Split(key, "."), l.Values[key]); err != nil {
				ps = append(ps, results.Errorf("", "%s: key %q: %v", l.Source, key, err))
			}
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	out, err := fromMap(obj)
	if err != nil {
		return nil, []results.Problem{{Message: err.Error()}}
	}
	return out, nil
}

func toMap(node *yaml.RNode) (map[string]any, error) {
	b, err := node.MarshalJSON()
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

func fromMap(obj map[string]any) (*yaml.RNode, error) {
	b, err := json.Marshal(obj)
	if err != nil {
		return nil, err
	}
	return yaml.ConvertJSONToYamlNode(string(b))
}
