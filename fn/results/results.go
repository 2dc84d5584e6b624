package results

import (
	"fmt"
	"strconv"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// ErrorAt returns an error result about field path of the resource in node.
func ErrorAt(node *yaml.RNode, path, format string, args ...any) *framework.Result {
	return New(framework.Error, node, path, fmt.Sprintf(format, args...))
}

// WarningAt returns a warning result about field path of the resource in node.
func WarningAt(node *yaml.RNode, path, format string, args ...any) *framework.Result {
	return New(framework.Warning, node, path, fmt.Sprintf(format, args...))
}

// InfoAt returns an info result about field path of the resource in node.
func InfoAt(node *yaml.RNode, path, format string, args ...any) *framework.Result {
	return New(framework.Info, node, path, fmt.Sprintf(format, args...))
}

// New returns a result; node may be nil for problems not tied to a resource.
func New(sev framework.Severity, node *yaml.RNode, path, msg string) *framework.Result {
	r := &framework.Result{Severity: sev, Message: msg}
	if path != "" {
		r.Field = &framework.Field{Path: path}
	}
	if node != nil {
		r.ResourceRef = Ref(node)
		r.File = File(node)
	}
	return r
}

// Ref identifies the resource in node.
func Ref(node *yaml.RNode) *yaml.ResourceIdentifier {
	return &yaml.ResourceIdentifier{
		TypeMeta: yaml.TypeMeta{APIVersion: node.GetApiVersion(), Kind: node.GetKind()},
		NameMeta: yaml.NameMeta{Name: node.GetName(), Namespace: node.GetNamespace()},
	}
}

// File is where node came from, when the orchestrator said so.
func File(node *yaml.RNode) *framework.File {
	path, index, _ := kioutil.GetFileAnnotations(node)
	if path == "" {
		return nil
	}
	i, _ := strconv.Atoi(index)
	return &framework.File{Path: path, Index: i}
}
