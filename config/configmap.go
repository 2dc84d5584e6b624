package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"k8s.io/kube-openapi/pkg/validation/spec"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// fromConfigMap turns the ConfigMap form into a StrimziRender node. Each data
// key is a dotted path below spec, read through the schema: at a map-typed
// field the rest of the key is the map key, so images.kafka.4.3.1 sets the
// image of Kafka 4.3.1. Lists of strings are comma-separated.
func fromConfigMap(cm *yaml.RNode) (*yaml.RNode, []results.Problem) {
	root, err := schemaOnce()
	if err != nil {
		return nil, []results.Problem{{Message: err.Error()}}
	}
	specSchema := root.Properties["spec"]
	spec := map[string]any{}
	var ps []results.Problem
	data := cm.GetDataMap()
	for _, key := range sortedKeys(data) {
		if err := setPath(spec, &specSchema, "spec", strings.Split(key, "."), data[key]); err != nil {
			ps = append(ps, results.Errorf("data."+key, "data.%s: %v", key, err))
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	obj := map[string]any{
		"apiVersion": APIVersion, "kind": Kind,
		"metadata": map[string]any{"name": cm.GetName()},
		"spec":     spec,
	}
	node, err := fromMap(obj)
	if err != nil {
		return nil, []results.Problem{{Message: err.Error()}}
	}
	return node, nil
}

// setPath sets the field at path below obj, whose schema s is at the
// dotted schemaPath.
func setPath(obj map[string]any, s *spec.Schema, schemaPath string, path []string, value string) error {
	field := path[0]
	prop, ok := s.Properties[field]
	if !ok {
		return errors.New(unknownField(schemaPath, field))
	}
	rest := path[1:]
	switch {
	case prop.Type.Contains("object") && prop.AdditionalProperties != nil && prop.AdditionalProperties.Schema != nil:
		if len(rest) == 0 {
			return fmt.Errorf("%q is a map: name an entry, as in %s.<key>", field, field)
		}
		m, err := child(obj, field)
		if err != nil {
			return err
		}
		v, err := scalar(prop.AdditionalProperties.Schema, value)
		m[strings.Join(rest, ".")] = v
		return err
	case prop.Type.Contains("object"):
		if len(rest) == 0 {
			return fmt.Errorf("%q is an object: name one of its fields", field)
		}
		m, err := child(obj, field)
		if err != nil {
			return err
		}
		return setPath(m, &prop, schemaPath+"."+field, rest, value)
	case len(rest) > 0:
		return fmt.Errorf("%q has no fields", field)
	case prop.Type.Contains("array"):
		var items []any
		for _, part := range strings.Split(value, ",") {
			if part = strings.TrimSpace(part); part != "" {
				v, err := scalar(prop.Items.Schema, part)
				if err != nil {
					return err
				}
				items = append(items, v)
			}
		}
		obj[field] = items
		return nil
	default:
		v, err := scalar(&prop, value)
		obj[field] = v
		return err
	}
}

// child returns the object at obj[field], creating it when absent.
func child(obj map[string]any, field string) (map[string]any, error) {
	switch v := obj[field].(type) {
	case map[string]any:
		return v, nil
	case nil:
		m := map[string]any{}
		obj[field] = m
		return m, nil
	default:
		return nil, fmt.Errorf("%q is not an object in the function config", field)
	}
}

func scalar(s *spec.Schema, value string) (any, error) {
	switch {
	case s.Type.Contains("boolean"):
		b, err := strconv.ParseBool(value)
		if err != nil {
			return nil, fmt.Errorf("%q is not a boolean", value)
		}
		return b, nil
	case s.Type.Contains("integer"):
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not an integer", value)
		}
		return n, nil
	default:
		return value, nil
	}
}
