package config

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	openapierrors "k8s.io/kube-openapi/pkg/validation/errors"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Load reads the functionConfig of a ResourceList: nothing (all defaults), a
// StrimziRender, or a ConfigMap whose data keys are dotted StrimziRender spec
// paths. It returns one error per problem, each naming the field.
func Load(fc *yaml.RNode) (*StrimziRender, []error) {
	return LoadWithOverrides(fc)
}

// configNode returns the functionConfig as a StrimziRender node, or nil when
// there is none.
func configNode(fc *yaml.RNode) (*yaml.RNode, []error) {
	switch {
	case fc == nil || yaml.IsMissingOrNull(fc) || isEmptyMap(fc):
		return nil, nil
	case fc.YNode().Kind != yaml.MappingNode: // kyaml reads fields of mappings only
		return nil, []error{fmt.Errorf("functionConfig must be an object: use %s %s or a v1 ConfigMap", APIVersion, Kind)}
	case fc.GetApiVersion() == APIVersion && fc.GetKind() == Kind:
		return fc, nil
	case fc.GetApiVersion() == "v1" && fc.GetKind() == "ConfigMap":
		return fromConfigMap(fc)
	default:
		return nil, []error{fmt.Errorf("functionConfig %s %s is not supported: use %s %s or a v1 ConfigMap",
			fc.GetApiVersion(), fc.GetKind(), APIVersion, Kind)}
	}
}

func isEmptyMap(n *yaml.RNode) bool {
	return n.YNode().Kind == yaml.MappingNode && len(n.Content()) == 0
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
