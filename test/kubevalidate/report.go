package kubevalidate

import (
	"fmt"
	"strings"
)

// Class groups problems so callers can tell a broken object from a missing
// namespace or a Pod Security finding.
type Class string

// Problem classes.
const (
	// ClassInvalid is what the API server would reject: decoding, schema,
	// validation or an unserved version.
	ClassInvalid Class = "invalid"
	// ClassNamespace is a namespaced object without metadata.namespace,
	// reported only with Options.RequireNamespace.
	ClassNamespace Class = "namespace"
	// ClassPodSecurity is a Pod that fails the restricted (or baseline) profile.
	ClassPodSecurity Class = "pod-security"
	// ClassUnsupported is a kind this package has no validator for.
	ClassUnsupported Class = "unsupported"
)

// Ref identifies an object in the input.
type Ref struct {
	APIVersion string
	Kind       string
	Namespace  string
	Name       string
}

// String returns "<apiVersion>/<kind> <namespace>/<name>", or
// "<apiVersion>/<kind> <name>" for objects without a namespace.
func (r Ref) String() string {
	id := r.Name
	if r.Namespace != "" {
		id = r.Namespace + "/" + r.Name
	}
	return r.APIVersion + "/" + r.Kind + " " + id
}

// Problem is one reason the object would not be accepted.
type Problem struct {
	Object Ref
	// Field is the path inside the object, as the API server prints it
	// (for example spec.volumes[1].name); empty for the whole object.
	Field   string
	Message string
	Class   Class
}

// String formats the problem as "<ref>: <field>: <message>".
func (p Problem) String() string {
	field := p.Field
	if field == "" {
		field = "<object>"
	}
	return fmt.Sprintf("%s: %s: %s", p.Object, field, p.Message)
}

// Report is the outcome of one Validate call.
type Report struct {
	// Objects counts the objects checked (Pods inside StrimziPodSets not
	// counted separately).
	Objects  int
	Problems []Problem
}

// OK reports whether no problem was found.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// String lists the problems, one per line.
func (r Report) String() string {
	var b strings.Builder
	for _, p := range r.Problems {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// problems collects the problems of one object.
type problems struct {
	ref  Ref
	list []Problem
}

func (ps *problems) add(class Class, field, format string, args ...any) {
	ps.list = append(ps.list, Problem{Object: ps.ref, Field: field, Message: fmt.Sprintf(format, args...), Class: class})
}
