package fn

import (
	"path"

	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// separateFiles names the namespace in the file of rendered objects that
// would otherwise share one with an object of the same kind and name from
// another namespace (<NN>-<kind>_<namespace>_<name>.yaml): kpt writes each file
// once, so one of them would be lost. Other files keep their names, so a
// package's files change only when such a clash appears.
func separateFiles(renderings []*rendering) {
	byFile := map[string][]*yaml.RNode{}
	for _, r := range renderings {
		if r.failed {
			continue
		}
		for _, o := range r.objects {
			if p := o.GetAnnotations()[kioutil.PathAnnotation]; p != "" {
				byFile[p] = append(byFile[p], o.RNode)
			}
		}
	}
	for file, nodes := range byFile {
		if !severalNamespaces(nodes) {
			continue
		}
		for _, n := range nodes {
			if n.GetNamespace() == "" {
				continue
			}
			name := fileName(n.GetKind(), n.GetNamespace(), n.GetName())
			_ = n.PipeE(yaml.SetAnnotation(kioutil.PathAnnotation, path.Join(path.Dir(file), name))) // a mapping node always takes annotations
		}
	}
}

func severalNamespaces(nodes []*yaml.RNode) bool {
	for _, n := range nodes[1:] {
		if n.GetNamespace() != nodes[0].GetNamespace() {
			return true
		}
	}
	return false
}
