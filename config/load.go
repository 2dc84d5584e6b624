package config

import (
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"

	openapierrors "k8s.io/kube-openapi/pkg/validation/errors"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Load reads the functionConfig of a ResourceList: nothing (all defaults), a
// StrimziRender, or a ConfigMap whose data keys are dotted StrimziRender spec
// paths. It returns one problem per fault, at its field of fc: a path below
// spec, data.<key> in the ConfigMap form, or kind for a kind it does not
// read. Messages name the field too.
func Load(fc *yaml.RNode) (*StrimziRender, []results.Problem) {
	return LoadWithOverrides(fc)
}

// configNode returns the functionConfig as a StrimziRender node, or nil when
// there is none.
func configNode(fc *yaml.RNode) (*yaml.RNode, []results.Problem) {
	switch {
	case absent(fc):
		return nil, nil
	case fc.YNode().Kind != yaml.MappingNode: // kyaml reads fields of mappings only
		return nil, []results.Problem{results.Errorf("", "functionConfig must be an object: use %s %s or a v1 ConfigMap", APIVersion, Kind)}
	case fc.GetApiVersion() == APIVersion && fc.GetKind() == Kind:
		return fc, nil
	case isConfigMap(fc):
		return fromConfigMap(fc)
	default:
		return nil, []results.Problem{results.Errorf("kind", "functionConfig %s %s is not supported: use %s %s or a v1 ConfigMap",
			fc.GetApiVersion(), fc.GetKind(), APIVersion, Kind)}
	}
}

// absent reports whether the ResourceList has no function config.
func absent(fc *yaml.RNode) bool {
	return fc == nil || yaml.IsMissingOrNull(fc) || isEmptyMap(fc)
}

func isConfigMap(fc *yaml.RNode) bool {
	return fc.GetApiVersion() == "v1" && fc.GetKind() == "ConfigMap"
}

func isEmptyMap(n *yaml.RNode) bool {
	return n.YNode().Kind == yaml.MappingNode && len(n.Content()) == 0
}

// loadProblems takes apart what framework.LoadFunctionConfig returns: the
// schema validator's errors, a decoding error, and Validate's problems.
func loadProblems(err error) []results.Problem {
	var ps []results.Problem
	for _, e := range splitErrors(err) {
		var p results.Problem
		if !errors.As(e, &p) {
			p = results.Problem{Path: errorField(e), Message: plainMessage(e)}
		}
		ps = append(ps, p)
	}
	return ps
}

// errorField is the field a schema validation or decoding error is about.
func errorField(err error) string {
	var v *openapierrors.Validation
	if errors.As(err, &v) {
		if key, ok := v.Value.(string); ok && v.Code() == openapierrors.UnallowedPropertyCode {
			return strings.TrimPrefix(v.Name+"."+key, ".") // the forbidden property, not its parent
		}
		return v.Name
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return te.Field // what the schema leaves open, such as metadata
	}
	return ""
}

// plainMessage words a schema error for people: an unknown field says
// which known one was probably meant, as the ConfigMap form does.
func plainMessage(err error) string {
	var v *openapierrors.Validation
	if errors.As(err, &v) {
		if key, ok := v.Value.(string); ok && v.Code() == openapierrors.UnallowedPropertyCode {
			return strings.TrimPrefix(v.Name+"."+key, ".") + ": " + unknownField(v.Name, key)
		}
	}
	return strings.Replace(err.Error(), " in body ", " ", 1)
}

// splitErrors flattens kyaml's composite validation error into its parts.
func splitErrors(err error) []error {
	if err == nil {
		return nil
	}
	var composite *openapierrors.CompositeError
	if errors.As(err, &composite) {
		var out []error
		for _, e := range composite.Errors {
			out = append(out, splitErrors(e)...)
		}
		return out
	}
	return []error{err}
}

// joinErrors returns errs as one composite error, or nil.
func joinErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return openapierrors.CompositeValidationError(errs...)
}

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}
