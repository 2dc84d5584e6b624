package results

import (
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Problem is a finding at a field path, before it is tied to a resource.
// Rule packages return Problems; the caller turns them into Results.
type Problem struct {
	Path    string
	Message string
	Warning bool
}

// FromProblems turns problems about the resource in node into results.
func FromProblems(node *yaml.RNode, ps []Problem) framework.Results {
	out := make(framework.Results, 0, len(ps))
	for _, p := range ps {
		sev := framework.Error
		if p.Warning {
			sev = framework.Warning
		}
		out = append(out, New(sev, node, p.Path, p.Message))
	}
	return out
}
