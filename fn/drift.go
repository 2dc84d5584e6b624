package fn

import (
	"fmt"
	"maps"
	"slices"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// AnnoRenderedAs records the namespace and name an object was rendered
// with (<namespace>/<name>, or <name> when cluster-scoped). Rendered objects
// name each other and their namespace inside their content (server.config,
// bootstrap addresses, RoleBinding subjects), so an object a later
// transformer moved or renamed no longer matches what refers to it.
const AnnoRenderedAs = "strimzi-render.dev/rendered-as"

// operatorPodSelector is the label by which rendered NetworkPolicies admit
// the Strimzi operator's pods, which live outside the package.
const operatorPodSelector = "strimzi.io/kind"

func renderedAs(namespace, name string) string {
	if namespace == "" {
		return name
	}
	return namespace + "/" + name
}

// renderedDrift finds, among rendered objects in items, those changed by a
// transformer that ran after strimzi-render: moved to another namespace,
// renamed, or NetworkPolicies whose selector of the operator's pods gained
// labels those pods do not carry. Validate mode, as the last validator of
// a kustomization or kpt pipeline, reports them.
func renderedDrift(items []*yaml.RNode) framework.Results {
	var res framework.Results
	for _, n := range items {
		was, ok := n.GetAnnotations()[AnnoRenderedAs]
		if !ok {
			continue
		}
		if now := renderedAs(n.GetNamespace(), n.GetName()); now != was {
			res = append(res, results.ErrorAt(n, "metadata", "%s %s was rendered as %s: a transformer after strimzi-render "+
				"renamed or moved it (such as namespace, namePrefix or nameSuffix in an overlay), and what was rendered with "+
				"it still names %s. Run strimzi-render after every transformer that changes names or namespaces",
				n.GetKind(), now, was, was))
		}
		if n.GetKind() == "NetworkPolicy" {
			res = append(res, operatorSelectorDrift(n)...)
		}
	}
	return res
}

// operatorSelectorDrift reports peers of a rendered NetworkPolicy that
// select the operator's pods by more than the one label they are sure to
// carry: a commonLabels transformer after rendering adds its labels there
// too, and the operator is then shut out.
func operatorSelectorDrift(policy *yaml.RNode) framework.Results {
	var res framework.Results
	rules, _ := policy.Pipe(yaml.Lookup("spec", "ingress"))
	for i, rule := range elements(rules) {
		peers, _ := rule.Pipe(yaml.Lookup("from"))
		for j, peer := range elements(peers) {
			labels, _ := peer.Pipe(yaml.Lookup("podSelector", "matchLabels"))
			if labels == nil {
				continue
			}
			m := stringMap(labels)
			if m[operatorPodSelector] != "cluster-operator" || len(m) == 1 {
				continue
			}
			delete(m, operatorPodSelector)
			path := fmt.Sprintf("spec.ingress[%d].from[%d].podSelector.matchLabels", i, j)
			res = append(res, results.ErrorAt(policy, path, "the selector of the Strimzi operator pods gained %q after "+
				"rendering, which those pods do not carry, so the operator could not reach this cluster: add labels with "+
				"includeSelectors: false instead of commonLabels, or run strimzi-render after the transformer that adds them",
				slices.Sorted(maps.Keys(m))))
		}
	}
	return res
}

func elements(list *yaml.RNode) []*yaml.RNode {
	if list == nil {
		return nil
	}
	out, _ := list.Elements() // anything but a list has none
	return out
}

func stringMap(m *yaml.RNode) map[string]string {
	out := map[string]string{}
	_ = m.VisitFields(func(f *yaml.MapNode) error {
		out[f.Key.YNode().Value] = f.Value.YNode().Value
		return nil
	})
	return out
}
