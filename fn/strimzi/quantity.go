package strimzi

import (
	"strconv"

	"k8s.io/apimachinery/pkg/api/resource"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// quantityProblem finds the first Kubernetes quantity under spec that does
// not parse, for a decoding error that names neither field nor value. The
// only Kubernetes quantities the custom resources hold are the requests
// and limits of compute resources; other sizes are strings checked later.
func quantityProblem(spec *yaml.Node, path string) *results.Problem {
	return findQuantity(spec, path, "")
}

func findQuantity(n *yaml.Node, path, parentKey string) *results.Problem {
	n = resolve(n)
	switch n.Kind {
	case yaml.MappingNode:
		quantities := parentKey == "requests" || parentKey == "limits"
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, resolve(n.Content[i+1])
			at := path + "." + k
			if v.Kind == yaml.ScalarNode && quantities {
				if _, err := resource.ParseQuantity(v.Value); err != nil {
					return &results.Problem{Path: at, Message: strconv.Quote(v.Value) + " is not a quantity: " + err.Error()}
				}
				continue
			}
			if p := findQuantity(v, at, k); p != nil {
				return p
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if p := findQuantity(c, path+"["+strconv.Itoa(i)+"]", ""); p != nil {
				return p
			}
		}
	}
	return nil
}
