package fn

import (
	"path"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/assembly"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/stretch"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// placeBundles files every rendered object into the bundle of one
// Kubernetes cluster once spec.stretch is set: objects of a stretched Kafka
// are already in theirs; everything else (KafkaConnect, a Kafka that is not
// stretched) goes to a central cluster. Bundled objects get the path
// <pathPrefix>/<alias>/<NN>-<kind>_<name>.yaml; with a target cluster, the
// other bundles are dropped. Kept custom resources keep their files.
func placeBundles(renderings []*rendering, cfg *config.StrimziRender) framework.Results {
	s := cfg.Spec
	if len(s.Stretch) == 0 {
		return nil
	}
	target := s.Output.TargetCluster
	var res framework.Results
	for _, r := range renderings {
		if r.failed {
			continue
		}
		central, placed := centralOf(r.kafkas, s.Stretch)
		if !placed && target != "" && needsCentral(r) {
			path := ""
			if r.source.GetKind() == strimzi.KindKafkaConnect {
				path = "spec.bootstrapServers"
			}
			res = append(res, results.ErrorAt(r.source, path, "%s %s cannot be placed in the bundle of a cluster: spec.stretch has several central clusters (%s) and it belongs to no stretched Kafka; "+
				"point spec.bootstrapServers at the bootstrap Service of a stretched Kafka, or render it without spec.output.targetCluster",
				r.source.GetKind(), r.source.GetName(), strings.Join(centrals(s.Stretch), ", ")))
			r.failed = true
			continue
		}
		kept := r.objects[:0]
		for _, o := range r.objects {
			alias := o.bundle
			if alias == "" && placed {
				alias = central
			}
			if target != "" && alias != target {
				continue
			}
			if alias != "" {
				a := o.GetAnnotations()
				a[stretch.AnnoCluster] = alias
				a[kioutil.PathAnnotation] = path.Join(s.Output.PathPrefix, alias, fileName(o.GetKind(), o.GetName()))
				a[kioutil.IndexAnnotation] = "0"
				_ = o.SetAnnotations(a)
			}
			kept = append(kept, o)
		}
		r.objects = kept
		if target != "" && central != target {
			r.replacement = nil
		}
	}
	return res
}

// needsCentral reports whether a rendering has something left to place.
func needsCentral(r *rendering) bool {
	if len(r.replacement) > 0 {
		return true
	}
	return slices.ContainsFunc(r.objects, func(o object) bool { return o.bundle == "" })
}

// centralOf is the central cluster of what a resource renders: that of the
// first stretched Kafka among those it belongs or connects to, else the one
// central alias all spec.stretch entries share. false when there is none.
func centralOf(kafkas []assembly.KafkaRef, entries []config.Stretch) (string, bool) {
	for _, k := range kafkas {
		if i := stretch.Lookup(entries, k.Namespace, k.Name); i >= 0 {
			return entries[i].CentralAlias, true
		}
	}
	if c := centrals(entries); len(c) == 1 {
		return c[0], true
	}
	return "", false
}

// centrals are the distinct central aliases, in order.
func centrals(entries []config.Stretch) []string {
	var out []string
	for _, e := range entries {
		if !slices.Contains(out, e.CentralAlias) {
			out = append(out, e.CentralAlias)
		}
	}
	return out
}
