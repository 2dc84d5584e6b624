package crdschema

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation/field"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Check returns what the API server would reject in node, a Kafka,
// KafkaNodePool or KafkaConnect, with Strimzi 1.2.0's CRD and strict field
// validation (kubectl's default): unknown fields, types, enums, patterns,
// required fields, bounds and the CRD's rules, each an error at its field
// path in the API server's words. v1beta2 input is checked as v1 with the
// fields the renderer still reads from v1beta2. Problems that the
// renderer's own validators report in words of their own are left out
// (see overlaps); other kinds and versions have none.
func Check(node *yaml.RNode) []results.Problem {
	return problems(node, true)
}

// CheckAll is Check with the problems the renderer's validators also report.
func CheckAll(node *yaml.RNode) []results.Problem {
	return problems(node, false)
}

func problems(node *yaml.RNode, skipOverlaps bool) []results.Problem {
	if node == nil {
		return nil
	}
	// Read here, not with RNode's getters, which expect a mapping.
	root := resolve(node.YNode())
	if root.Kind != yaml.MappingNode {
		return nil
	}
	apiVersion, _ := mapping{root}.stringField("apiVersion")
	kind, _ := mapping{root}.stringField("kind")
	var out []results.Problem
	for _, f := range check(root, apiVersion, kind) {
		if !skipOverlaps || !overlaps(kind, root, f) {
			out = append(out, results.Problem{Path: f.path, Message: f.message})
		}
	}
	return out
}

// ruleClass is the kind of rule a finding breaks.
type ruleClass uint8

const (
	ruleUnknown ruleClass = iota + 1
	ruleType
	ruleEnum
	rulePattern
	ruleRequired
	ruleMinimum
	ruleMaximum
	ruleMinItems
	ruleOneOf
	ruleCEL
	ruleScale
)

type finding struct {
	path    string
	class   ruleClass
	message string
	// blocking errors stop the API server from evaluating CEL rules.
	blocking bool
}

func check(n *yaml.Node, apiVersion, kind string) []finding {
	k, ok := kinds[kind]
	group, version, _ := strings.Cut(apiVersion, "/")
	if !ok || group != strimzi.Group || (version != strimzi.V1 && version != strimzi.V1beta2) {
		return nil
	}
	c := &checker{v1beta2: version == strimzi.V1beta2}
	c.visit(n, k.root, validating)
	c.firstMetaError()
	if !slices.ContainsFunc(c.findings, func(f finding) bool { return f.blocking }) {
		c.evalRules()
	}
	if k.scale {
		c.scaleReplicas(n)
	}
	return dedupe(c.findings)
}

// checker walks a resource and its schema together, as the API server
// prunes unknown fields and then validates what is left.
type checker struct {
	v1beta2  bool
	path     []byte
	findings []finding
	rules    []pendingRules
	expanded map[aliasVisit]bool
	// The structs and fields of metadata being decoded, the keys and
	// indices that lead there, and the values it cannot decode.
	goStructs, goFields, metaKeys []string
	metaErrors                    []metaError
}

// metaError is a value of metadata that does not decode, and the keys and
// indices that lead to it.
type metaError struct {
	keys []string
	f    finding
}

type aliasVisit struct {
	anchor *yaml.Node
	s      *schema
	mode   mode
}

// pendingRules are CEL rules to evaluate once the walk shows nothing
// blocks them.
type pendingRules struct {
	path  string
	self  mapping
	rules []rule
}

func (c *checker) at() string { return string(c.path) }

func (c *checker) push(key string) int {
	n := len(c.path)
	if n > 0 {
		c.path = append(c.path, '.')
	}
	if key == "" {
		key = `""` // so that every problem has a path
	}
	c.path = append(c.path, key...)
	return n
}

func (c *checker) pushIndex(i int) int {
	n := len(c.path)
	c.path = append(c.path, '[')
	c.path = strconv.AppendInt(c.path, int64(i), 10)
	c.path = append(c.path, ']')
	return n
}

func (c *checker) pop(n int) { c.path = c.path[:n] }

func (c *checker) add(class ruleClass, err *field.Error, hint string) {
	msg := err.ErrorBody()
	if hint != "" {
		msg += ": " + hint
	}
	c.findings = append(c.findings, finding{
		path:     err.Field,
		class:    class,
		message:  msg,
		blocking: isBlocking(err.Type),
	})
}

// isBlocking is the API server's list of errors that skip CEL rules.
func isBlocking(t field.ErrorType) bool {
	switch t {
	case field.ErrorTypeNotSupported, field.ErrorTypeRequired, field.ErrorTypeTooLong, field.ErrorTypeTooMany, field.ErrorTypeTypeInvalid:
		return true
	}
	return false
}

// mode is how much of the API server's checking applies to a subtree.
type mode uint8

const (
	// validating: unknown fields are reported and values validated.
	validating mode = iota
	// pruning: unknown fields only, as in status, which the API server
	// drops on create, and under values it drops before validation (nulls).
	pruning
	// readingMeta: metadata, decoded into ObjectMeta: unknown fields, and
	// the first value of the wrong type as the decoder words it.
	readingMeta
)

// visit checks n against s; s is nil where the schema has no place for n.
func (c *checker) visit(n *yaml.Node, s *schema, m mode) {
	if n.Kind == yaml.AliasNode {
		// An alias repeats its anchor's findings at another path: walking
		// each anchor once per schema keeps alias bombs linear.
		v := aliasVisit{n.Alias, s, m}
		if c.expanded[v] {
			return
		}
		if c.expanded == nil {
			c.expanded = map[aliasVisit]bool{}
		}
		c.expanded[v] = true
	}
	n = resolve(n)
	if s != nil {
		switch {
		case s.objectMeta:
			m = readingMeta
		case s.UnknownOnly && m == validating:
			m = pruning
		}
	}
	switch {
	case m == validating && s != nil:
		c.checkValue(n, s)
	case m == readingMeta && s != nil && !decodes(s.Type, n):
		c.metaDecodeError(n, s)
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		c.visitMapping(n, s, m)
	case yaml.SequenceNode:
		c.visitSequence(n, s, m)
	}
}

func (c *checker) visitMapping(n *yaml.Node, s *schema, m mode) {
	inStruct := m == readingMeta && s != nil && s.Values == nil
	if inStruct {
		c.goStructs = append(c.goStructs, s.goType)
	}
	fields := mapping{n}
	if fields.hasMerge() {
		fields.each(func(key string, v *yaml.Node) { c.visitField(s, m, key, v, inStruct) })
	} else {
		for i := 0; i+1 < len(n.Content); i += 2 {
			c.visitField(s, m, n.Content[i].Value, n.Content[i+1], inStruct)
		}
	}
	if inStruct {
		c.goStructs = c.goStructs[:len(c.goStructs)-1]
	}
	if m == validating && s != nil && s.Type == typeObject {
		c.checkObject(fields, s)
	}
}

// visitField checks field key, of value v, of an object of schema s.
func (c *checker) visitField(s *schema, m mode, key string, v *yaml.Node, inStruct bool) {
	child := c.fieldSchema(s, key)
	if child == nil {
		if s == nil || !s.Preserve {
			c.unknown(s, key)
		}
		return
	}
	at := c.push(key)
	childMode := m
	if m == validating && isNull(v) {
		childMode = pruning // nulls are dropped before validation: absent
	}
	if inStruct {
		c.goFields = append(c.goFields, key)
	}
	if m == readingMeta {
		c.metaKeys = append(c.metaKeys, key)
	}
	c.visit(v, child, childMode)
	if m == readingMeta {
		c.metaKeys = c.metaKeys[:len(c.metaKeys)-1]
	}
	if inStruct {
		c.goFields = c.goFields[:len(c.goFields)-1]
	}
	c.pop(at)
}

// fieldSchema is the schema of field key of an object of schema s, or nil.
func (c *checker) fieldSchema(s *schema, key string) *schema {
	if s == nil {
		return nil
	}
	if p, ok := s.Properties[key]; ok {
		return p
	}
	if s.Values != nil {
		return s.Values
	}
	if r := s.removed[key]; r != nil && c.v1beta2 {
		return r.v1beta2
	}
	return nil
}

func (c *checker) visitSequence(n *yaml.Node, s *schema, m mode) {
	var items *schema
	if s != nil {
		if s.Preserve && s.Items == nil {
			return
		}
		items = s.Items
	}
	itemMode := m
	if items == nil && m == validating {
		itemMode = pruning
	}
	for i, item := range n.Content {
		at := c.pushIndex(i)
		if m == readingMeta {
			c.metaKeys = append(c.metaKeys, fmt.Sprintf("%020d", i)) // in numeric order
		}
		c.visit(item, items, itemMode)
		if m == readingMeta {
			c.metaKeys = c.metaKeys[:len(c.metaKeys)-1]
		}
		c.pop(at)
	}
	if m == validating && s != nil && s.MinItems != nil && int64(len(n.Content)) < *s.MinItems {
		c.add(ruleMinItems, field.Invalid(c.fieldPath(), int64(len(n.Content)),
			fmt.Sprintf("%s in body should have at least %d items", c.at(), *s.MinItems)), "")
	}
}

func (c *checker) fieldPath() *field.Path { return field.NewPath(c.at()) }

func (c *checker) unknown(s *schema, key string) {
	at := c.push(key)
	path := c.at()
	c.pop(at)
	msg := fmt.Sprintf("unknown field %q", path)
	if s != nil && s.removed[key] != nil {
		msg += ": " + s.removed[key].hint
	} else if s != nil {
		if near := nearest(key, s.Properties); near != "" {
			msg += fmt.Sprintf(": did you mean %q?", near)
		}
	}
	c.findings = append(c.findings, finding{path: path, class: ruleUnknown, message: msg})
}

// checkValue applies the schema's rules for n itself, in the API server's order.
func (c *checker) checkValue(n *yaml.Node, s *schema) {
	if s.Type == typeAny || !representable(n) {
		return
	}
	actual := jsonType(n)
	switch {
	case s.Type == typeIntOrString:
		// Its type is both, and its anyOf the one and the other.
		if actual != "integer" && actual != "string" {
			c.typeError("integer,string", actual)
			c.add(ruleType, field.Invalid(c.fieldPath(), "", fmt.Sprintf("%q must validate at least one schema (anyOf)", c.at())), "")
			c.typeError("integer", actual)
		}
	case !accepts(s.Type, actual):
		c.typeError(s.Type.String(), actual)
	}
	if s.Pattern != nil && actual == "string" && !s.Pattern.MatchString(n.Value) {
		c.add(rulePattern, field.Invalid(c.fieldPath(), n.Value,
			fmt.Sprintf("%s in body should match '%s'", c.at(), s.Pattern)), "")
	}
	if s.Minimum != nil || s.Maximum != nil {
		c.checkBounds(n, s)
	}
	if len(s.Enum) > 0 && (actual != "string" || !slices.Contains(s.Enum, n.Value)) {
		hint := ""
		if actual == "string" {
			hint = s.removedValues[n.Value]
		}
		c.add(ruleEnum, field.NotSupported(c.fieldPath(), goValue(n), s.Enum), hint)
	}
}

// checkBounds applies minimum and maximum to a number.
func (c *checker) checkBounds(n *yaml.Node, s *schema) {
	v, ok := numeric(n)
	if !ok {
		return
	}
	if s.Minimum != nil && v < *s.Minimum {
		c.add(ruleMinimum, field.Invalid(c.fieldPath(), goValue(n),
			fmt.Sprintf("%s in body should be greater than or equal to %v", c.at(), *s.Minimum)), "")
	}
	if s.Maximum != nil && v > *s.Maximum {
		c.add(ruleMaximum, field.Invalid(c.fieldPath(), goValue(n),
			fmt.Sprintf("%s in body should be less than or equal to %v", c.at(), *s.Maximum)), "")
	}
}

// decodes reports whether the JSON decoder reads n into a Go value of type t.
func decodes(t valueType, n *yaml.Node) bool {
	actual := jsonType(n)
	return t == typeAny || actual == "null" || accepts(t, actual)
}

// metaDecodeError reports, as encoding/json words it, the first value of
// metadata the API server cannot decode into ObjectMeta.
func (c *checker) metaDecodeError(n *yaml.Node, s *schema) {
	value := map[string]string{"integer": "number", "number": "number", "boolean": "bool"}[jsonType(n)]
	if value == "" {
		value = jsonType(n)
	}
	into := "Go value of type " + s.goType
	if len(c.goFields) > 0 {
		parent := c.goStructs[len(c.goStructs)-1]
		into = fmt.Sprintf("Go struct field %s.%s of type %s", parent[strings.LastIndex(parent, ".")+1:], strings.Join(c.goFields, "."), s.goType)
	}
	c.metaErrors = append(c.metaErrors, metaError{slices.Clone(c.metaKeys),
		finding{path: c.at(), class: ruleType, message: fmt.Sprintf("json: cannot unmarshal %s into %s", value, into)}})
}

// firstMetaError is the error the decoder stops at: kubectl sends metadata
// as JSON with sorted keys, so the first in that order.
func (c *checker) firstMetaError() {
	if len(c.metaErrors) == 0 {
		return
	}
	first := slices.MinFunc(c.metaErrors, func(a, b metaError) int { return slices.Compare(a.keys, b.keys) })
	c.findings = append(c.findings, first.f)
}

func (c *checker) typeError(expected, actual string) {
	c.add(ruleType, field.TypeInvalid(c.fieldPath(), actual,
		fmt.Sprintf("%s in body must be of type %s: %q", c.at(), expected, actual)), "")
}

// accepts reports whether a value of JSON type actual has schema type t.
func accepts(t valueType, actual string) bool {
	if t == typeNumber && actual == "integer" {
		return true
	}
	return t.String() == actual
}

// checkObject applies the rules of an object schema to mapping m.
func (c *checker) checkObject(m mapping, s *schema) {
	for _, name := range s.Required {
		if c.v1beta2 && s.requiredSinceV1[name] {
			continue
		}
		if !m.has(name) {
			at := c.push(name)
			c.add(ruleRequired, field.Required(c.fieldPath(), ""), "")
			c.pop(at)
		}
	}
	if len(s.OneOf) > 0 {
		c.checkOneOf(m, s.OneOf)
	}
	if len(s.Rules) > 0 {
		c.rules = append(c.rules, pendingRules{path: c.at(), self: m, rules: s.Rules})
	}
}

// checkOneOf requires exactly one alternative; when none holds, the API
// server also reports what the first one misses.
func (c *checker) checkOneOf(m mapping, alternatives [][]string) {
	valid := 0
	for _, alt := range alternatives {
		if !slices.ContainsFunc(alt, func(name string) bool { return !m.has(name) }) {
			valid++
		}
	}
	if valid == 1 {
		return
	}
	found := "Found none valid"
	if valid > 1 {
		found = fmt.Sprintf("Found %d valid alternatives", valid)
	}
	c.add(ruleOneOf, field.Invalid(c.fieldPath(), "",
		fmt.Sprintf("%q must validate one and only one schema (oneOf). %s", c.at(), found)), "")
	if valid == 0 {
		for _, name := range alternatives[0] {
			if !m.has(name) {
				at := c.push(name)
				c.add(ruleOneOf, field.Required(c.fieldPath(), ""), "")
				c.pop(at)
			}
		}
	}
}

func (c *checker) evalRules() {
	for _, p := range c.rules {
		for _, r := range p.rules {
			switch ok, err := r.eval(p.self); {
			case err != nil:
				c.add(ruleCEL, field.Invalid(field.NewPath(p.path), "object", fmt.Sprintf("%v evaluating rule: %s", err, r.Message)), "")
			case !ok:
				// The API server leaves out the value of an object.
				c.add(ruleCEL, field.Invalid(field.NewPath(p.path), field.OmitValueType{}, r.Message), "")
			}
		}
	}
}

// scaleReplicas applies the scale subresource's check of spec.replicas.
func (c *checker) scaleReplicas(n *yaml.Node) {
	spec := mapping{resolve(n)}.get("spec")
	if spec == nil || resolve(spec).Kind != yaml.MappingNode {
		return
	}
	spec = resolve(spec)
	r := mapping{spec}.get("replicas")
	if r == nil || jsonType(r) != "integer" {
		return
	}
	v, ok := goValue(r).(int64)
	if !ok {
		return
	}
	path := field.NewPath("spec", "replicas")
	switch {
	case v < 0:
		c.add(ruleScale, field.Invalid(path, v, "should be a non-negative integer"), "")
	case v > math.MaxInt32:
		c.add(ruleScale, field.Invalid(path, v, fmt.Sprintf("should be less than or equal to %v", math.MaxInt32)), "")
	}
}

func dedupe(fs []finding) []finding {
	if len(fs) < 2 {
		return fs
	}
	seen := make(map[finding]bool, len(fs))
	out := fs[:0]
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
