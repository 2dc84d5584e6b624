package crdschema

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// strimziDir holds Strimzi 1.2.0's release files, beside the repository
// and never copied into it.
func strimziDir(t *testing.T) string {
	dir := os.Getenv("STRIMZI_RENDER_STRIMZI_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "strimzi-1.2.0")
	}
	if _, err := os.Stat(filepath.Join(dir, "crds")); err != nil {
		t.Skipf("Strimzi 1.2.0 CRDs not found at %s/crds: set STRIMZI_RENDER_STRIMZI_DIR to the directory that holds crds/", dir)
	}
	return dir
}

// extensions are the fields the renderer accepts beyond Strimzi's CRDs.
var extensions = map[string][]string{
	"KafkaConnect": {"spec.storage"},
	"Kafka":        {"spec.clusterCa.type", "spec.clusterCa.certManager", "spec.clientsCa.type", "spec.clientsCa.certManager"},
}

// TestSchemaAgreesWithCRD proves that the schema is Strimzi 1.2.0's, for
// every kind and every version its CRD serves: each property path of the
// CRD is accepted and each path we accept is in the CRD (the extensions
// aside), with the same types, enums, patterns, required fields, bounds,
// oneOf alternatives, rules and open subtrees. A CRD keyword the schema
// does not model fails the test.
func TestSchemaAgreesWithCRD(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(strimziDir(t), "crds", "*.yaml"))
	require.NoError(t, err)
	compared := map[string]bool{}
	for _, f := range files {
		crd := readCRD(t, f)
		kind := crd.Spec.Names.Kind
		k, ok := kinds[kind]
		if !ok {
			continue
		}
		compared[kind] = true
		served := map[string]bool{}
		for _, v := range crd.Spec.Versions {
			if !v.Served {
				continue
			}
			served[v.Name] = true
			t.Run(kind+"/"+v.Name, func(t *testing.T) {
				require.Contains(t, []string{"v1", "v1beta2"}, v.Name, "a version the schema does not describe")
				a := &agreement{t: t}
				a.compare("", v.Schema.OpenAPIV3Schema, k.root)
				assert.ElementsMatch(t, extensions[kind], a.extensions, "extensions")
				t.Logf("%d schema nodes compared", a.paths)
				scale := v.Subresources.Scale != nil && v.Subresources.Scale.SpecReplicasPath == ".spec.replicas"
				assert.Equal(t, scale, k.scale, "scale subresource on spec.replicas")
				if v.Name == "v1" {
					a.historyIsGone("", v.Schema.OpenAPIV3Schema, k.root)
				}
			})
		}
		if !served["v1beta2"] {
			t.Logf("%s: the CRD serves no v1beta2 (Strimzi 1.0 removed it); v1beta2 input is checked as v1 with the fields the renderer still reads from it", kind)
		}
	}
	assert.Len(t, compared, len(kinds), "a CRD for every kind")
}

// TestStrimziExamplesPass: Strimzi's own examples are valid custom resources.
func TestStrimziExamplesPass(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(strimziDir(t), "examples", "*", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		for _, n := range readResources(t, f) {
			assert.Empty(t, CheckAll(n), "%s: %s %s", f, n.GetKind(), n.GetName())
		}
	}
}

type crdFile struct {
	Spec struct {
		Names    struct{ Kind string }
		Versions []struct {
			Name   string
			Served bool
			Schema struct {
				OpenAPIV3Schema map[string]any `yaml:"openAPIV3Schema"`
			}
			Subresources struct {
				Scale *struct {
					SpecReplicasPath string `yaml:"specReplicasPath"`
				}
			}
		}
	}
}

func readCRD(t *testing.T, path string) crdFile {
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var crd crdFile
	require.NoError(t, yaml.Unmarshal(raw, &crd), path)
	return crd
}

type agreement struct {
	t          *testing.T
	paths      int
	extensions []string
}

// modelled are the schema keywords compare checks; descriptions and
// examples say nothing about what is accepted.
var modelled = []string{
	"type", "properties", "items", "additionalProperties", "required", "enum", "pattern", "minimum", "maximum",
	"minItems", "oneOf", "anyOf", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
	"x-kubernetes-validations", "description", "example",
}

func (a *agreement) errorf(path, format string, args ...any) {
	a.t.Helper()
	a.t.Errorf("%s: %s", displayPath(path), fmt.Sprintf(format, args...))
}

func displayPath(path string) string {
	if path == "" {
		return "(root)"
	}
	return path
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (a *agreement) compare(path string, crd map[string]any, ours *schema) {
	a.paths++
	for key := range crd {
		if !slices.Contains(modelled, key) {
			a.errorf(path, "CRD keyword %q is not modelled", key)
		}
	}
	if path == "metadata" {
		// The API server reads metadata as ObjectMeta, whatever the CRD says.
		if !reflect.DeepEqual(crd, map[string]any{"type": "object"}) || !ours.objectMeta {
			a.errorf(path, "expected a bare object in the CRD and ObjectMeta in ours")
		}
		return
	}
	if ours.Extension != "" {
		a.errorf(path, "an extension, but the CRD has it")
	}
	a.compareType(path, crd, ours)
	a.same(path, "required", stringList(crd["required"]), ours.Required)
	a.same(path, "enum", stringList(crd["enum"]), ours.Enum)
	a.same(path, "pattern", crd["pattern"], patternOf(ours))
	a.same(path, "minimum", floatOf(crd["minimum"]), ours.Minimum)
	a.same(path, "maximum", floatOf(crd["maximum"]), ours.Maximum)
	a.same(path, "minItems", intOf(crd["minItems"]), ours.MinItems)
	a.same(path, "x-kubernetes-preserve-unknown-fields", crd["x-kubernetes-preserve-unknown-fields"] == true, ours.Preserve)
	a.compareOneOf(path, crd["oneOf"], ours.OneOf)
	a.compareRules(path, crd["x-kubernetes-validations"], ours.Rules)

	props, _ := crd["properties"].(map[string]any)
	for _, key := range sortedKeys(props) {
		child := ours.Properties[key]
		if child == nil {
			a.errorf(join(path, key), "in the CRD, not accepted by ours")
			continue
		}
		a.compare(join(path, key), props[key].(map[string]any), child)
	}
	for _, key := range sortedKeys(ours.Properties) {
		if _, ok := props[key]; ok {
			continue
		}
		if ours.Properties[key].Extension != "" {
			a.extensions = append(a.extensions, join(path, key))
		} else {
			a.errorf(join(path, key), "accepted by ours, not in the CRD")
		}
	}
	if items, ok := crd["items"].(map[string]any); ok {
		if ours.Items == nil {
			a.errorf(path, "the CRD has items, ours has none")
		} else {
			a.compare(path+"[]", items, ours.Items)
		}
	} else if ours.Items != nil {
		a.errorf(path, "ours has items, the CRD has none")
	}
	if values, ok := crd["additionalProperties"].(map[string]any); ok {
		if ours.Values == nil {
			a.errorf(path, "the CRD has additionalProperties, ours has none")
		} else {
			a.compare(path+".*", values, ours.Values)
		}
	} else if ours.Values != nil {
		a.errorf(path, "ours has additionalProperties, the CRD has none")
	}
}

func (a *agreement) compareType(path string, crd map[string]any, ours *schema) {
	if crd["x-kubernetes-int-or-string"] == true {
		anyOf := []any{map[string]any{"type": "integer"}, map[string]any{"type": "string"}}
		if crd["type"] != nil || !reflect.DeepEqual(crd["anyOf"], anyOf) || ours.Type != typeIntOrString {
			a.errorf(path, "int-or-string: CRD %v, ours %s", crd, ours.Type)
		}
		return
	}
	if crd["anyOf"] != nil {
		a.errorf(path, "anyOf outside int-or-string is not modelled")
	}
	a.same(path, "type", crd["type"], ours.Type.String())
}

func (a *agreement) compareOneOf(path string, crd any, ours [][]string) {
	branches, _ := crd.([]any)
	var want [][]string
	for _, b := range branches {
		branch := b.(map[string]any)
		for key, v := range branch {
			switch key {
			case "required":
			case "properties":
				// Empty schemas: they only name fields, accepting any value.
				for name, s := range v.(map[string]any) {
					if len(s.(map[string]any)) > 0 {
						a.errorf(path, "oneOf property %s has a schema, which is not modelled", name)
					}
				}
			default:
				a.errorf(path, "oneOf keyword %q is not modelled", key)
			}
		}
		want = append(want, stringList(branch["required"]))
	}
	a.same(path, "oneOf", want, ours)
}

func (a *agreement) compareRules(path string, crd any, ours []rule) {
	list, _ := crd.([]any)
	var want, got [][2]string
	for _, r := range list {
		m := r.(map[string]any)
		want = append(want, [2]string{fmt.Sprint(m["rule"]), fmt.Sprint(m["message"])})
	}
	for _, r := range ours {
		got = append(got, [2]string{r.Expression, r.Message})
	}
	a.same(path, "x-kubernetes-validations", want, got)
}

// historyIsGone checks the v1beta2 history against v1: removed fields and
// values are not in v1, and fields required since v1 are required there.
func (a *agreement) historyIsGone(path string, crd map[string]any, ours *schema) {
	if path == "metadata" || crd == nil {
		return
	}
	props, _ := crd["properties"].(map[string]any)
	for name := range ours.removed {
		if _, ok := props[name]; ok {
			a.errorf(join(path, name), "marked removed in v1, but the v1 CRD has it")
		}
	}
	for value := range ours.removedValues {
		if slices.Contains(stringList(crd["enum"]), value) {
			a.errorf(path, "value %q marked removed in v1, but the v1 CRD has it", value)
		}
	}
	for name := range ours.requiredSinceV1 {
		if !slices.Contains(stringList(crd["required"]), name) {
			a.errorf(path, "%s marked required since v1, but the v1 CRD does not require it", name)
		}
	}
	for key, child := range ours.Properties {
		if p, ok := props[key].(map[string]any); ok {
			a.historyIsGone(join(path, key), p, child)
		}
	}
	if items, ok := crd["items"].(map[string]any); ok && ours.Items != nil {
		a.historyIsGone(path+"[]", items, ours.Items)
	}
}

func (a *agreement) same(path, what string, crd, ours any) {
	a.t.Helper()
	if !reflect.DeepEqual(normalize(crd), normalize(ours)) {
		a.errorf(path, "%s: CRD %v, ours %v", what, normalize(crd), normalize(ours))
	}
}

// normalize makes absent and empty values compare equal.
func normalize(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		if x == "" {
			return nil
		}
	case []string:
		if len(x) == 0 {
			return nil
		}
	case [][]string:
		if len(x) == 0 {
			return nil
		}
		out := make([][]string, len(x))
		for i, l := range x {
			out[i] = append([]string{}, l...)
		}
		return out
	case [][2]string:
		if len(x) == 0 {
			return nil
		}
	case *float64:
		if x == nil {
			return nil
		}
		return *x
	case *int64:
		if x == nil {
			return nil
		}
		return *x
	}
	return v
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := []string{}
	for _, x := range list {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

func patternOf(s *schema) any {
	if s.Pattern == nil {
		return nil
	}
	return s.Pattern.String()
}

func floatOf(v any) *float64 {
	switch x := v.(type) {
	case int:
		f := float64(x)
		return &f
	case float64:
		return &x
	}
	return nil
}

func intOf(v any) *int64 {
	if x, ok := v.(int); ok {
		i := int64(x)
		return &i
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
