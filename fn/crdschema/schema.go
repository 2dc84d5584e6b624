package crdschema

import (
	"maps"
	"regexp"
)

// valueType is the JSON type a schema node accepts.
type valueType uint8

// The types of the CRDs' structural schemas, and typeAny for subtrees the
// API server never looks into.
const (
	typeAny valueType = iota
	typeObject
	typeArray
	typeString
	typeInteger
	typeNumber
	typeBoolean
	// typeIntOrString is x-kubernetes-int-or-string: an integer or a string.
	typeIntOrString
)

func (t valueType) String() string {
	return [...]string{"", "object", "array", "string", "integer", "number", "boolean", "int-or-string"}[t]
}

// schema is what the API server accepts at one field path: a node of a
// structural schema. Nodes are shared between the places a type is used,
// so they are never changed once built.
type schema struct {
	Type       valueType
	Properties map[string]*schema
	Items      *schema
	// Values is additionalProperties: the schema of every value of a map.
	Values *schema
	// Preserve is x-kubernetes-preserve-unknown-fields: fields it does not
	// name are kept, not reported.
	Preserve bool
	Required []string
	Enum     []string
	Pattern  *regexp.Regexp
	Minimum  *float64
	Maximum  *float64
	MinItems *int64
	// OneOf lists alternatives, each the fields it requires; exactly one
	// must hold.
	OneOf [][]string
	Rules []rule
	// Extension says why the renderer accepts a field Strimzi's CRD lacks.
	Extension string
	// UnknownOnly marks a subtree where the API server reports unknown
	// fields but checks no values: status, which it drops on create.
	UnknownOnly bool
	// objectMeta marks metadata, which the API server reads as ObjectMeta.
	objectMeta bool
	// goType is the Go type of a node derived from one, which metadata's
	// decoding errors name.
	goType string

	// Version history: what kafka.strimzi.io/v1beta2 had here.
	removed         map[string]*removal
	removedValues   map[string]string
	requiredSinceV1 map[string]bool
}

// removal is a field of v1beta2 that v1 dropped.
type removal struct {
	hint string
	// v1beta2, when set, is the field's schema in v1beta2 input, which the
	// renderer still reads.
	v1beta2 *schema
}

// fields names the properties of an object.
type fields map[string]*schema

func str() *schema         { return &schema{Type: typeString} }
func integer() *schema     { return &schema{Type: typeInteger} }
func number() *schema      { return &schema{Type: typeNumber} }
func boolean() *schema     { return &schema{Type: typeBoolean} }
func intOrString() *schema { return &schema{Type: typeIntOrString} }
func anything() *schema    { return &schema{Type: typeAny, Preserve: true} }

func obj(f fields) *schema        { return &schema{Type: typeObject, Properties: f} }
func array(items *schema) *schema { return &schema{Type: typeArray, Items: items} }
func mapOf(values *schema) *schema {
	return &schema{Type: typeObject, Values: values}
}
func stringMap() *schema { return mapOf(str()) }

// preserved is an object whose fields are not checked (spec.config).
func preserved() *schema { return &schema{Type: typeObject, Preserve: true} }

func enum(values ...string) *schema { return &schema{Type: typeString, Enum: values} }

// with returns a copy of s changed by f: nodes are shared, so a modifier
// must never change the node it is called on.
func (s *schema) with(f func(*schema)) *schema {
	c := *s
	f(&c)
	return &c
}

func (s *schema) req(names ...string) *schema {
	return s.with(func(c *schema) { c.Required = names })
}

func (s *schema) min(v float64) *schema { return s.with(func(c *schema) { c.Minimum = &v }) }
func (s *schema) max(v float64) *schema { return s.with(func(c *schema) { c.Maximum = &v }) }

func (s *schema) minItems(n int64) *schema { return s.with(func(c *schema) { c.MinItems = &n }) }

func (s *schema) pattern(p string) *schema {
	re := regexp.MustCompile(p)
	return s.with(func(c *schema) { c.Pattern = re })
}

// oneOf requires exactly one of the alternatives, each a set of fields.
func (s *schema) oneOf(alternatives ...[]string) *schema {
	return s.with(func(c *schema) { c.OneOf = alternatives })
}

func (s *schema) rules(rs ...rule) *schema { return s.with(func(c *schema) { c.Rules = rs }) }

// extension marks a field the renderer accepts and Strimzi's CRD lacks.
func (s *schema) extension(why string) *schema {
	return s.with(func(c *schema) { c.Extension = why })
}

func (s *schema) unknownOnly() *schema { return s.with(func(c *schema) { c.UnknownOnly = true }) }

// also returns an object with more properties.
func (s *schema) also(more fields) *schema {
	return s.with(func(c *schema) {
		c.Properties = maps.Clone(s.Properties)
		maps.Copy(c.Properties, more)
	})
}

// customResource is the schema of a whole custom resource.
func customResource(spec, status *schema) *schema {
	return obj(fields{
		"apiVersion": str(),
		"kind":       str(),
		"metadata":   objectMeta,
		"spec":       spec,
		"status":     status.unknownOnly(),
	}).req("spec")
}
