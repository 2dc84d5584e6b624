package config

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	openapierrors "k8s.io/kube-openapi/pkg/validation/errors"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// ErrorPath returns the field of the functionConfig fc that err, one of
// the errors Load returned for fc, is about: a path such as spec.workload
// in a StrimziRender, data.<key> in the ConfigMap form, or kind when fc is
// of a kind Load does not read. It returns "" for an error it cannot place.
func ErrorPath(fc *yaml.RNode, err error) string {
	if fc == nil || fc.YNode().Kind != yaml.MappingNode {
		return ""
	}
	configMap := fc.GetApiVersion() == "v1" && fc.GetKind() == "ConfigMap"
	if !configMap && (fc.GetApiVersion() != APIVersion || fc.GetKind() != Kind) {
		return "kind"
	}
	path := specPath(err)
	if configMap {
		if key, ok := configMapKey(err); ok {
			return "data." + key
		}
		// The ConfigMap's keys are the paths below spec.
		if rest, ok := strings.CutPrefix(path, "spec."); ok {
			return "data." + rest
		}
		return ""
	}
	return path
}

// specPath is the path a schema error names, the field a JSON decoding
// error names (what the schema leaves open, such as metadata), or the
// "spec....: " prefix with which Validate starts its messages.
func specPath(err error) string {
	var v *openapierrors.Validation
	if errors.As(err, &v) {
		if key, ok := v.Value.(string); ok && v.Code() == openapierrors.UnallowedPropertyCode {
			return strings.TrimPrefix(v.Name+"."+key, ".") // the forbidden property, not its parent
		}
		if v.Name != "" {
			return v.Name
		}
	}
	// sigs.k8s.io/yaml keeps only the text of encoding/json's errors.
	if m := jsonField.FindStringSubmatch(err.Error()); m != nil {
		return m[1]
	}
	p, _, ok := strings.Cut(err.Error(), ": ")
	if ok && (p == "spec" || strings.HasPrefix(p, "spec.")) && !strings.ContainsAny(p, " \"") {
		return p
	}
	return ""
}

// jsonField finds the field in encoding/json's "cannot unmarshal X into
// Go struct field Type.path.to.field of type Y".
var jsonField = regexp.MustCompile(`Go struct field \w+\.(\S+) of type`)

// configMapKey is the key named by an error of fromConfigMap.
func configMapKey(err error) (string, bool) {
	rest, ok := strings.CutPrefix(err.Error(), "functionConfig ConfigMap key ")
	if !ok {
		return "", false
	}
	quoted, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return "", false
	}
	key, err := strconv.Unquote(quoted)
	return key, err == nil
}
