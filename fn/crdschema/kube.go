package crdschema

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// quantityPattern is the pattern the CRDs give resource quantities.
const quantityPattern = `^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$`

var kubeSchemas = map[reflect.Type]*schema{}

// kube is the schema of a Kubernetes type Strimzi embeds, derived from its
// Go type: Strimzi's CRDs carry these types whole, without enums, patterns
// or required fields of their own.
func kube[T any]() *schema { return fromGoType(reflect.TypeFor[T]()) }

var (
	quantityType    = reflect.TypeFor[resource.Quantity]()
	intOrStringType = reflect.TypeFor[intstr.IntOrString]()
	timeType        = reflect.TypeFor[metav1.Time]()
	rawTypes        = []reflect.Type{reflect.TypeFor[metav1.FieldsV1](), reflect.TypeFor[json.RawMessage]()}
)

func fromGoType(t reflect.Type) *schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := kubeSchemas[t]; ok {
		return s
	}
	s := schemaOfGoType(t)
	s.goType = t.String()
	return s
}

func schemaOfGoType(t reflect.Type) *schema {
	switch {
	case t == quantityType:
		return intOrString().pattern(quantityPattern)
	case t == intOrStringType:
		return intOrString()
	case t == timeType:
		return anything() // decoded by its own rules
	case slices.Contains(rawTypes, t):
		return anything()
	}
	switch t.Kind() {
	case reflect.String:
		return str()
	case reflect.Bool:
		return boolean()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return integer()
	case reflect.Float32, reflect.Float64:
		return number()
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return str() // base64
		}
		return array(fromGoType(t.Elem()))
	case reflect.Map:
		return mapOf(fromGoType(t.Elem()))
	case reflect.Struct:
		s := obj(fields{})
		kubeSchemas[t] = s
		addStructFields(s.Properties, t)
		return s
	}
	panic("crdschema: no schema for Go type " + t.String())
}

// addStructFields adds the JSON fields of struct t, inlined ones too.
func addStructFields(props fields, t reflect.Type) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case !f.IsExported() || name == "-":
		case f.Anonymous && name == "" || strings.Contains(opts, "inline"):
			addStructFields(props, f.Type)
		default:
			if name == "" {
				name = f.Name
			}
			props[name] = fromGoType(f.Type)
		}
	}
}

// objectMeta is metadata, which the API server decodes into ObjectMeta
// whatever the CRD says.
var objectMeta = fromGoType(reflect.TypeFor[metav1.ObjectMeta]()).with(func(s *schema) { s.objectMeta = true })
