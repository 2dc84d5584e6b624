package crdschema

import (
	"maps"
	"regexp"
)

// Type is the JSON type a schema node accepts.
type Type uint8

// The types of the CRDs' structural schemas, and Any for subtrees the
// API server never looks into.
const (
	Any Type = iota
	Object
	Array
	String
	Integer
	Number
	Boolean
	// IntOrString is x-kubernetes-int-or-string: an integer or a string.
	IntOrString
)

func (t Type) String() string {
	return [...]string{"", "object", "array", "string", "integer", "number", "boolean", "int-or-string"}[t]
}

// Schema is what the API server accepts at one field path: a node of a
// structural schema. Nodes are shared between the places a type is used,
// so they are never changed once built.
type Schema struct {
	Type       Type
	Properties map[string]*Schema
	Items      *Schema
	// Values is additionalProperties: the schema of every value of a map.
	Values *Schema
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
	Rules []Rule
	// Extension says why the renderer accepts a field Strimzi's CRD lacks.
	Extension string
	// UnknownOnly marks a subtree where the API server reports unknown
	// fields but checks no values: status, which it drops on create.
	UnknownOnly bool
	// objectMeta marks metadata, which the API server reads as ObjectMeta.
	objectMeta bool

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
	v1beta2 *Schema
}

// fields names the properties of an object.
type fields map[string]*Schema

func str() *Schema         { return &Schema{Type: String} }
func integer() *Schema     { return &Schema{Type: Integer} }
func number() *Schema      { return &Schema{Type: Number} }
func boolean() *Schema     { return &Schema{Type: Boolean} }
func intOrString() *Schema { return &Schema{Type: IntOrString} }
func anything() *Schema    { return &Schema{Type: Any, Preserve: true} }

func obj(f fields) *Schema        { return &Schema{Type: Object, Properties: f} }
func array(items *Schema) *Schema { return &Schema{Type: Array, Items: items} }
func mapOf(values *Schema) *Schema {
	return &Schema{Type: Object, Values: values}
}
func stringMap() *Schema { return mapOf(str()) }

// preserved is an object whose fields are not checked (spec.config).
func preserved() *Schema { return &Schema{Type: Object, Preserve: true} }

func enum(values ...string) *Schema { return &Schema{Type: String, Enum: values} }

// with returns a copy of s changed by f: nodes are shared, so a modifier
// must never change the node it is called on.
func (s *Schema) with(f func(*Schema)) *Schema {
	c := *s
	f(&c)
	return &c
}

func (s *Schema) req(names ...string) *Schema {
	return s.with(func(c *Schema) { c.Required = names })
}

func (s *Schema) min(v float64) *Schema { return s.with(func(c *Schema) { c.Minimum = &v }) }
func (s *Schema) max(v float64) *Schema { return s.with(func(c *Schema) { c.Maximum = &v }) }

func (s *Schema) minItems(n int64) *Schema { return s.with(func(c *Schema) { c.MinItems = &n }) }

func (s *Schema) pattern(p string) *Schema {
	re := regexp.MustCompile(p)
	return s.with(func(c *Schema) { c.Pattern = re })
}

// oneOf requires exactly one of the alternatives, each a set of fields.
func (s *Schema) oneOf(alternatives ...[]string) *Schema {
	return s.with(func(c *Schema) { c.OneOf = alternatives })
}

func (s *Schema) rules(rs ...Rule) *Schema { return s.with(func(c *Schema) { c.Rules = rs }) }

// extension marks a field the renderer accepts and Strimzi's CRD lacks.
func (s *Schema) extension(why string) *Schema {
	return s.with(func(c *Schema) { c.Extension = why })
}

func (s *Schema) unknownOnly() *Schema { return s.with(func(c *Schema) { c.UnknownOnly = true }) }

// also returns an object with more properties.
func (s *Schema) also(more fields) *Schema {
	return s.with(func(c *Schema) {
		c.Properties = maps.Clone(s.Properties)
		maps.Copy(c.Properties, more)
	})
}

// customResource is the schema of a whole custom resource.
func customResource(spec, status *Schema) *Schema {
	return obj(fields{
		"apiVersion": str(),
		"kind":       str(),
		"metadata":   objectMeta,
		"spec":       spec,
		"status":     status.unknownOnly(),
	}).req("spec")
}
