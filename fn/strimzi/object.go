package strimzi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// API groups of the Strimzi kinds.
const (
	Group     = "kafka.strimzi.io"
	CoreGroup = "core.strimzi.io"
)

// Kinds strimzi-render owns.
const (
	KindKafka         = "Kafka"
	KindKafkaNodePool = "KafkaNodePool"
	KindKafkaConnect  = "KafkaConnect"
)

// Served API versions: v1 since Strimzi 1.0; v1beta2 is still accepted as input.
const (
	V1      = "v1"
	V1beta2 = "v1beta2"
)

// Object is the part every view shares: the node it came from and its identity.
type Object struct {
	Node        *yaml.RNode
	APIVersion  string
	Kind        string
	Name        string
	Namespace   string
	Labels      map[string]string
	Annotations map[string]string
	// SpecBytes is the size of the spec as JSON, aliases expanded: what
	// each rendered pod of the resource can repeat of it.
	SpecBytes int
}

// Version is the version part of the apiVersion (v1, v1beta2).
func (o *Object) Version() string {
	_, v, _ := strings.Cut(o.APIVersion, "/")
	return v
}

func newObject(node *yaml.RNode) Object {
	return Object{
		Node:        node,
		APIVersion:  node.GetApiVersion(),
		Kind:        node.GetKind(),
		Name:        node.GetName(),
		Namespace:   node.GetNamespace(),
		Labels:      node.GetLabels(),
		Annotations: node.GetAnnotations(),
	}
}

// decodeSpec decodes the node's spec into v, once the whole node is well
// formed. Unknown fields are ignored, as the API server prunes them; wrong
// types are reported with their path, as a results.Problem.
func decodeSpec(node *yaml.RNode, v any) (specBytes int, err error) {
	if err := checkWellFormed(node); err != nil {
		return 0, err
	}
	spec := node.Field("spec")
	if spec == nil || yaml.IsMissingOrNull(spec.Value) {
		return 0, results.Problem{Path: "spec", Message: "Required .spec section is missing."}
	}
	if spec.Value.YNode().Kind != yaml.MappingNode {
		return 0, results.Problem{Path: "spec", Message: "must be an object"}
	}
	if err := notJSON(spec.Value.YNode(), "spec"); err != nil {
		return 0, err
	}
	raw, err := toJSON(spec.Value)
	if err != nil {
		return 0, results.Problem{Path: "spec", Message: "cannot be read: " + err.Error()}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		// A quantity's own decoder reports neither its field nor its value.
		if p := quantityProblem(spec.Value.YNode(), "spec"); p != nil {
			return 0, *p
		}
		return 0, typeError(err)
	}
	return len(raw), nil
}

// decodeStatus decodes the node's status into v, if it has one. The
// renderer reads only the status fields that keep output stable (node IDs,
// the cluster ID).
func decodeStatus(node *yaml.RNode, v any) error {
	st := node.Field("status")
	if st == nil || yaml.IsMissingOrNull(st.Value) {
		return nil
	}
	if err := notJSON(st.Value.YNode(), "status"); err != nil {
		return err
	}
	raw, err := toJSON(st.Value)
	if err != nil {
		return results.Problem{Path: "status", Message: "cannot be read: " + err.Error()}
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return typeErrorAt("status", err)
	}
	return nil
}

func typeError(err error) error { return typeErrorAt("spec", err) }

func typeErrorAt(root string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		path := root
		if te.Field != "" {
			path += "." + te.Field
		}
		return results.Problem{Path: path, Message: fmt.Sprintf("must be of type %s, not %s", jsonType(te.Type), te.Value)}
	}
	return results.Problem{Path: root, Message: err.Error()}
}

func jsonType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch goKind := t.Kind().String(); goKind {
	case "int", "int32", "int64", "uint32", "uint64":
		return "integer"
	case "bool":
		return "boolean"
	case "map", "struct":
		return "object"
	case "slice", "array":
		return "array"
	default:
		return goKind
	}
}
