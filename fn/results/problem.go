package results

import (
	"fmt"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Severity is how much a problem matters. The zero value is Error, so a
// Problem that says nothing else stops the run.
type Severity int

// Severities, from the one that fails the run.
const (
	Error Severity = iota
	Warning
	Info
)

// krm is the severity a KRM result carries.
func (s Severity) krm() framework.Severity {
	switch s {
	case Warning:
		return framework.Warning
	case Info:
		return framework.Info
	default:
		return framework.Error
	}
}

// Resource names the resource a problem is about, when the code that finds
// it holds no node of it: a KafkaNodePool found wrong while checking its
// Kafka, or the function config.
type Resource struct {
	APIVersion string
	Kind       string
	Namespace  string
	Name       string
}

// Problem is something wrong, or worth telling, at a field path of a
// resource. Path uses the resource's own field names, such as
// spec.storage.volumes[1].id. Rule packages return Problems; the caller
// turns them into Results about the node they checked.
type Problem struct {
	Severity Severity
	Path     string
	Message  string
	// Resource is set only when the problem is about another resource
	// than the one being checked.
	Resource Resource
}

// Errorf returns an error at path.
func Errorf(path, format string, args ...any) Problem {
	return Problem{Severity: Error, Path: path, Message: fmt.Sprintf(format, args...)}
}

// Warningf returns a warning at path.
func Warningf(path, format string, args ...any) Problem {
	return Problem{Severity: Warning, Path: path, Message: fmt.Sprintf(format, args...)}
}

// Infof returns an info at path.
func Infof(path, format string, args ...any) Problem {
	return Problem{Severity: Info, Path: path, Message: fmt.Sprintf(format, args...)}
}

// Error names the field, then what is wrong with it.
func (p Problem) Error() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// Result turns p into a result about the resource in node, which also
// gives the file. Without a node, as for the function config, which is
// not among the items, p.Resource names the resource.
func (p Problem) Result(node *yaml.RNode) *framework.Result {
	r := New(p.Severity.krm(), node, p.Path, p.Message)
	if node == nil && p.Resource != (Resource{}) {
		r.ResourceRef = &yaml.ResourceIdentifier{
			TypeMeta: yaml.TypeMeta{APIVersion: p.Resource.APIVersion, Kind: p.Resource.Kind},
			NameMeta: yaml.NameMeta{Name: p.Resource.Name, Namespace: p.Resource.Namespace},
		}
	}
	return r
}

// FromProblems turns problems about the resource in node into results.
func FromProblems(node *yaml.RNode, ps []Problem) framework.Results {
	out := make(framework.Results, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Result(node))
	}
	return out
}

// HasErrors reports whether any of ps is an error.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity.krm() == framework.Error {
			return true
		}
	}
	return false
}

// Internal reports a failure to render source that only a bug can cause,
// at its spec: what the renderer failed to render.
func Internal(source *yaml.RNode, err error) Problem {
	return Errorf("spec", "internal error rendering %s/%s: %v", source.GetKind(), source.GetName(), err)
}
