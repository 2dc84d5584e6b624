package restart

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Reasons a Pod must be recreated, most demanding first.
const (
	// SpecChanged: the API server refuses the update, so apply fails.
	SpecChanged = "their spec changed beyond container images, which the API server does not update in a running Pod"
	// ConfigChanged: apply succeeds, but the running process keeps its old configuration.
	ConfigChanged = "their configuration changed (" + pods.AnnoConfigurationHash + "), which a running Pod does not reload"
)

// Reason returns why the Pod now rendered must be recreated when before is
// the one an earlier run rendered, or "" when applying it suffices.
func Reason(before, now *yaml.RNode) string {
	if before == nil {
		return ""
	}
	b, n := podOf(before), podOf(now)
	if b == nil || n == nil {
		return ""
	}
	if !reflect.DeepEqual(withoutImages(b.Spec), withoutImages(n.Spec)) {
		return SpecChanged
	}
	if b.Metadata.Annotations[pods.AnnoConfigurationHash] != n.Metadata.Annotations[pods.AnnoConfigurationHash] {
		return ConfigChanged
	}
	return ""
}

// Check compares the Pods rendered now with those of the same namespace
// and name among previous, what an earlier run rendered, and returns one
// warning per reason and namespace naming the Pods to recreate, in render
// order, and how.
func Check(previous, rendered []*yaml.RNode) []results.Problem {
	before := map[[2]string]*yaml.RNode{}
	for _, n := range previous {
		before[[2]string{n.GetNamespace(), n.GetName()}] = n
	}
	type group struct{ reason, namespace string }
	var order []group
	names := map[group][]string{}
	for _, n := range rendered {
		reason := Reason(before[[2]string{n.GetNamespace(), n.GetName()}], n)
		if reason == "" {
			continue
		}
		g := group{reason, n.GetNamespace()}
		if names[g] == nil {
			order = append(order, g)
		}
		names[g] = append(names[g], n.GetName())
	}
	var out []results.Problem
	for _, g := range order {
		ns := ""
		if g.namespace != "" {
			ns = " -n " + g.namespace
		}
		out = append(out, results.Problem{Severity: results.Warning, Message: fmt.Sprintf(
			"Pods %s must be recreated to take this change: %s. Recreate them one at a time, waiting for each to be Ready: "+
				"kubectl delete pod%s <pod>, then apply again (first: kubectl delete pod%s %s); or use workload StatefulSet, whose controller rolls changes",
			strings.Join(names[g], ", "), g.reason, ns, ns, names[g][0])})
	}
	return out
}

// pod is what Reason compares of a Pod.
type pod struct {
	Metadata struct {
		Annotations map[string]string `json:"annotations"`
	} `json:"metadata"`
	Spec map[string]any `json:"spec"`
}

func podOf(n *yaml.RNode) *pod {
	if n.GetApiVersion() != "v1" || n.GetKind() != "Pod" {
		return nil
	}
	b, err := n.MarshalJSON()
	if err != nil {
		return nil
	}
	var p pod
	if json.Unmarshal(b, &p) != nil {
		return nil
	}
	return &p
}

// withoutImages drops the images of containers and init containers, the
// spec fields a running Pod takes.
func withoutImages(spec map[string]any) map[string]any {
	for _, key := range []string{"containers", "initContainers"} {
		cs, _ := spec[key].([]any)
		for _, c := range cs {
			if m, ok := c.(map[string]any); ok {
				delete(m, "image")
			}
		}
	}
	return spec
}
