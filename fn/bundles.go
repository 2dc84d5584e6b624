package fn

import (
	"path"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/stretch"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// placeBundles files every rendered object into the bundle of one
// Kubernetes cluster once spec.stretch is set: objects of a stretched Kafka
// are already in theirs; everything else (KafkaConnect, a Kafka that is not
// stretched) goes to a central cluster. Bundled objects get the path
// <pathPrefix>/<alias>/<kind>_<name>.yaml; with a target cluster, the
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
		central, placed := centralOf(r.source, s.Stretch)
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
			alias := o.GetAnnotations()[stretch.AnnoCluster]
			if alias == "" && placed {
				alias = central
				_ = annotate(o, map[string]string{stretch.AnnoCluster: alias})
			}
			if target != "" && alias != target {
				continue
			}
			if alias != "" {
				p := path.Join(s.Output.PathPrefix, alias, strings.ToLower(o.GetKind())+"_"+o.GetName()+".yaml")
				_ = annotate(o, map[string]string{kioutil.PathAnnotation: p, kioutil.IndexAnnotation: "0"})
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
	return slices.ContainsFunc(r.objects, func(o *yaml.RNode) bool { return o.GetAnnotations()[stretch.AnnoCluster] == "" })
}

// centralOf is the central cluster of what a resource renders: that of the
// stretched Kafka it belongs to (a KafkaNodePool's Kafka, the Kafka a
// KafkaConnect's bootstrapServers name), else the one central alias all
// spec.stretch entries share. false when there is none.
func centralOf(source *yaml.RNode, entries []config.Stretch) (string, bool) {
	ns := source.GetNamespace()
	var kafkas [][2]string
	switch source.GetKind() {
	case strimzi.KindKafka:
		kafkas = append(kafkas, [2]string{ns, source.GetName()})
	case strimzi.KindKafkaNodePool:
		kafkas = append(kafkas, [2]string{ns, source.GetLabels()[strimzi.LabelCluster]})
	case strimzi.KindKafkaConnect:
		bs, _ := source.Pipe(yaml.Lookup("spec", "bootstrapServers"))
		kafkas = bootstrapKafkas(yaml.GetValue(bs), ns)
	}
	for _, k := range kafkas {
		if i := stretch.Lookup(entries, k[0], k[1]); i >= 0 {
			return entries[i].CentralAlias, true
		}
	}
	if c := centrals(entries); len(c) == 1 {
		return c[0], true
	}
	return "", false
}

// bootstrapKafkas are the Kafkas whose bootstrap Service a bootstrap
// servers list names: <c>-kafka-bootstrap[.<namespace>[.svc…]]:<port>.
func bootstrapKafkas(servers, namespace string) [][2]string {
	var out [][2]string
	suffix := names.KafkaBootstrapService("")
	for _, s := range strings.Split(servers, ",") {
		host := strings.TrimSpace(s)
		if i := strings.LastIndexByte(host, ':'); i >= 0 {
			host = host[:i]
		}
		svc, rest, _ := strings.Cut(host, ".")
		cluster, ok := strings.CutSuffix(svc, suffix)
		if !ok || cluster == "" {
			continue
		}
		ns := namespace
		if rest != "" {
			ns, _, _ = strings.Cut(rest, ".")
		}
		out = append(out, [2]string{ns, cluster})
	}
	return out
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
