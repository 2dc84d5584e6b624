package crdschema

import (
	"fmt"
	"math"
	"slices"

	"k8s.io/apimachinery/pkg/util/validation/field"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// The checks of values, in the API server's words.

// isBlocking is the API server's list of errors that skip CEL rules.
func isBlocking(t field.ErrorType) bool {
	switch t {
	case field.ErrorTypeNotSupported, field.ErrorTypeRequired, field.ErrorTypeTooLong, field.ErrorTypeTooMany, field.ErrorTypeTypeInvalid:
		return true
	}
	return false
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
