package fn

import (
	"strings"

	"sigs.k8s.io/kustomize/kyaml/kio/filters"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
)

// AnnoSourceKept marks a custom resource that spec.keepSourcesAsLocalConfig
// kept in the package as local config, and every object rendered from one.
// On the resource it tells the function that this local config is its to
// render; on an object, that the object goes when its source does.
const AnnoSourceKept = "strimzi-render.dev/source-kept"

// isKeptSource reports whether item is a custom resource kept as local
// config by an earlier run.
func isKeptSource(item *yaml.RNode) bool {
	return item.GetAnnotations()[AnnoSourceKept] == "true"
}

// keepSource makes a rendered source stay in the output as local config,
// ahead of its objects, which are marked as coming from a kept source: kpt
// never applies local config and kustomize leaves it out, so the resource
// remains the thing to edit and every render regenerates its objects.
func keepSource(r *rendering, cfg *config.StrimziRender) {
	if !cfg.Spec.KeepSourcesAsLocalConfig || r.failed || len(r.replacement) > 0 {
		return
	}
	mark := func(n *yaml.RNode, local bool) {
		a := n.GetAnnotations()
		a[AnnoSourceKept] = "true"
		if local {
			a[filters.LocalConfigAnnotation] = "true"
		}
		_ = n.SetAnnotations(a) // a mapping node always takes annotations
	}
	mark(r.source, true)
	for _, o := range r.objects {
		mark(o.RNode, false)
	}
	r.replacement = []*yaml.RNode{r.source}
}

// orphansOfKeptSources returns whether an input object was rendered from a
// kept source that is no longer in the input: the resource was renamed or
// deleted, so its objects go. Objects of sources that were consumed rather
// than kept carry no mark and always stay.
func orphansOfKeptSources(items []*yaml.RNode) func(*yaml.RNode) bool {
	present := map[[2]string]bool{}
	for _, it := range items {
		if kindOf(it) != "" {
			present[[2]string{it.GetNamespace(), sourceID(it)}] = true
		}
	}
	return func(n *yaml.RNode) bool {
		src, ok := n.GetAnnotations()[AnnoSource]
		if !ok || !isKeptSource(n) || kindOf(n) != "" {
			return false
		}
		if parts := strings.Split(src, "/"); len(parts) == 3 {
			return !present[[2]string{parts[1], parts[0] + "/" + parts[2]}]
		}
		return !present[[2]string{n.GetNamespace(), src}]
	}
}
