package assembly

import (
	"slices"
	"strconv"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/labels"
)

// renderedNodeIDs reads the node IDs of c's pools back from an earlier
// render in the input: each node has a ConfigMap <cluster>-<pool>-<id>
// labelled with its cluster and pool in every workload form, and in every
// bundle of a stretched Kafka. Pools the render does not name are absent.
func renderedNodeIDs(c *kafkaCluster, rendered []*yaml.RNode) map[string][]int {
	out := map[string][]int{}
	for _, n := range rendered {
		l := n.GetLabels()
		pool := l[labels.PoolName]
		if n.GetKind() != "ConfigMap" || pool == "" || l[labels.Cluster] != c.node.GetName() {
			continue
		}
		suffix, ok := strings.CutPrefix(n.GetName(), c.node.GetName()+"-"+pool+"-")
		if !ok {
			continue
		}
		id, err := strconv.Atoi(suffix)
		if err != nil || id < 0 || strconv.Itoa(id) != suffix {
			continue
		}
		if !slices.Contains(out[pool], id) {
			out[pool] = append(out[pool], id)
		}
	}
	for _, ids := range out {
		slices.Sort(ids)
	}
	return out
}
