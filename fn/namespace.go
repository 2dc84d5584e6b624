package fn

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// defaultNamespaces gives every custom resource the function renders that
// has no namespace the function config's namespace, as kubectl -n would:
// its objects, the names and addresses derived from its namespace and its
// kept resource all follow from the source. It returns the resources it
// changed, so a failed rendering can leave its source as it came.
func defaultNamespaces(items []*yaml.RNode, namespace string) []*yaml.RNode {
	if namespace == "" {
		return nil
	}
	var changed []*yaml.RNode
	for _, it := range items {
		if kindOf(it) == "" || it.GetNamespace() != "" {
			continue
		}
		meta, _ := it.Pipe(yaml.Lookup(yaml.MetadataField))
		if meta == nil || meta.YNode().Kind != yaml.MappingNode {
			continue // decoding reports it
		}
		if err := it.SetNamespace(namespace); err == nil {
			changed = append(changed, it)
		}
	}
	return changed
}

// undoDefaultNamespaces takes the namespace off the changed sources whose
// rendering failed or did not happen: they stay in the output as they came.
func undoDefaultNamespaces(changed []*yaml.RNode, renderings []*rendering) {
	rendered := map[*yaml.RNode]bool{}
	for _, r := range renderings {
		if !r.failed {
			rendered[r.source] = true
		}
	}
	for _, it := range changed {
		if !rendered[it] {
			_ = it.SetNamespace("") // it had a metadata mapping
		}
	}
}
