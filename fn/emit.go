package fn

import (
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/restart"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/stretch"
)

// identityOf is the identity of an input or rendered item; the bundle is
// that of its stretch.AnnoCluster annotation.
func identityOf(n *yaml.RNode) specs.Identity {
	group, _ := splitAPIVersion(n.GetApiVersion())
	return specs.NewIdentity(group, n.GetKind(), n.GetNamespace(), n.GetName(), n.GetAnnotations()[stretch.AnnoCluster])
}

// identities is a set of identities in which an object outside any bundle
// clashes with one of the same name in every bundle.
type identities map[specs.Identity]map[string]bool

func (s identities) add(id specs.Identity) {
	bundle := id.Bundle
	id.Bundle = ""
	if s[id] == nil {
		s[id] = map[string]bool{}
	}
	s[id][bundle] = true
}

func (s identities) has(id specs.Identity) bool {
	bundle := id.Bundle
	id.Bundle = ""
	b := s[id]
	return b[bundle] || b[""] || bundle == "" && len(b) > 0
}

// emit puts each rendering in its source's place, the objects rendered
// from one resource together in apply order at the first of their sources. Objects an earlier run
// rendered from the same sources are dropped first, so running on the
// function's own output changes nothing. A rendering with an object whose
// identity another resource already has fails as a whole: its source stays,
// nothing overwrites anything. So do sources given more than once.
func emit(items []*yaml.RNode, renderings []*rendering) ([]*yaml.RNode, framework.Results) {
	res := duplicateSources(renderings)
	bySource := map[*yaml.RNode]*rendering{}
	for _, r := range renderings {
		bySource[r.source] = r
	}
	rendered := renderedSources(renderings)
	orphan := orphansOfKeptSources(items)
	stale := func(n *yaml.RNode) bool { return rendered.replace(n) || orphan(n) }
	taken := identities{}
	for _, n := range items {
		if r := bySource[n]; (r == nil || r.failed) && !stale(n) {
			taken.add(identityOf(n))
		}
	}
	for _, r := range renderings {
		if r.failed {
			continue
		}
		var ids []specs.Identity
		for _, o := range r.objects {
			id := identityOf(o.RNode)
			if taken.has(id) {
				res = append(res, results.ErrorAt(r.source, "metadata.name",
					"rendering %s would replace another resource of the same name: rename one of them", id))
				r.failed = true
			}
			ids = append(ids, id)
		}
		for _, id := range ids {
			taken.add(id)
		}
	}
	res = append(res, restartWarnings(items, renderings, stale)...)
	// A rendering that failed here keeps what earlier runs rendered from it.
	rendered = renderedSources(renderings)
	groups := applyGroups(renderings)
	out := make([]*yaml.RNode, 0, len(items))
	for _, n := range items {
		switch r := bySource[n]; {
		case r == nil && stale(n):
		case r == nil || r.failed:
			out = append(out, n)
		default:
			out = append(out, r.replacement...)
			out = append(out, groups[r.from]...)
			delete(groups, r.from)
		}
	}
	return out, res
}

// restartWarnings names the bare Pods that an earlier run in the input
// rendered differently and that must be recreated to take the change.
func restartWarnings(items []*yaml.RNode, renderings []*rendering, stale func(*yaml.RNode) bool) framework.Results {
	previous := slices.DeleteFunc(slices.Clone(items), func(n *yaml.RNode) bool { return !stale(n) })
	var res framework.Results
	for _, r := range renderings {
		if !r.failed {
			res = append(res, results.FromProblems(r.source, restart.Check(previous, r.nodes()))...)
		}
	}
	return res
}

// duplicateSources fails every rendering whose source has the identity of
// another: nothing tells which one is meant, and rendering one would let a
// second run replace its objects with the other's.
func duplicateSources(renderings []*rendering) framework.Results {
	count := map[specs.Identity]int{}
	for _, r := range renderings {
		count[identityOf(r.source)]++
	}
	var res framework.Results
	for _, r := range renderings {
		if id := identityOf(r.source); count[id] > 1 {
			r.failed = true
			res = append(res, results.ErrorAt(r.source, "metadata.name", "%s is in the input %d times: keep one", id, count[id]))
		}
	}
	return res
}

// renderedSet holds the sources that render in this run: the objects an
// earlier run rendered from them give way to the new ones.
type renderedSet struct {
	// sources holds each source's AnnoSource value and namespace.
	sources map[[2]string]bool
	// objects maps what renders now to its source's AnnoSource value.
	objects map[specs.Identity]string
}

func renderedSources(renderings []*rendering) *renderedSet {
	rs := &renderedSet{sources: map[[2]string]bool{}, objects: map[specs.Identity]string{}}
	for _, r := range renderings {
		if r.failed {
			continue
		}
		rs.sources[[2]string{sourceID(r.source), r.source.GetNamespace()}] = true
		for _, o := range r.objects {
			rs.objects[identityOf(o.RNode)] = sourceID(r.source)
		}
	}
	return rs
}

// renderedKinds are the kinds the function renders. Only an object of one
// of them can be an earlier render to replace: any other object that names
// a source is the user's, and passes through.
var renderedKinds = map[string]bool{
	"ApplicationSet": true, "BuildConfig": true, "Certificate": true, "ClusterRoleBinding": true, "ConfigMap": true,
	"Deployment": true, "Job": true, "NetworkPolicy": true, "PersistentVolumeClaim": true, "Pod": true,
	"PodDisruptionBudget": true, "Role": true, "RoleBinding": true, "Service": true, "ServiceAccount": true,
	"ServiceExport": true, "StatefulSet": true, "StrimziPodSet": true,
}

// replace reports whether n is an object an earlier run rendered from a
// source that renders now: one of the kinds the function renders, in the
// source's namespace, or cluster-scoped and naming it in full. A namespaced object names its source's
// namespace by its own; a cluster-scoped one by its AnnoSource value.
func (rs *renderedSet) replace(n *yaml.RNode) bool {
	src, ok := n.GetAnnotations()[AnnoSource]
	if !ok || !renderedKinds[n.GetKind()] {
		return false
	}
	group, _ := splitAPIVersion(n.GetApiVersion())
	clusterScoped := specs.IsClusterScoped(group, n.GetKind())
	if parts := strings.Split(src, "/"); len(parts) == 3 {
		return clusterScoped && rs.sources[[2]string{parts[0] + "/" + parts[2], parts[1]}]
	}
	if !clusterScoped && rs.sources[[2]string{src, n.GetNamespace()}] {
		return true
	}
	// A cluster-scoped object that earlier versions rendered from a
	// namespaced source names only the source's kind and name: it gives
	// way to an object of its own identity from a source of that name.
	return n.GetNamespace() == "" && rs.objects[identityOf(n)] == src
}
