package fn

import (
	"fmt"
	"slices"
	"strings"

	"k8s.io/utils/ptr"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/stretch"
)

// annoKustomizeID is on every item kustomize hands a transformer.
const annoKustomizeID = "kustomize.config.k8s.io/id"

// renderStretched renders a stretched Kafka into one bundle per cluster:
// shared objects with the Kafka, node-bound ones with their pool.
func (run *kafkaRun) renderStretched(m *kafka.Model, net *stretch.Network, cfg *config.StrimziRender) {
	node := run.c.node
	if _, ok := node.GetAnnotations()[annoKustomizeID]; ok && cfg.Spec.Output.TargetCluster == "" && len(net.Entry.Clusters) > 1 {
		run.fail(results.ErrorAt(node, "", "Kafka %s is stretched over %s, whose bundles hold objects of the same names, which kustomize cannot output together (\"generated duplicate resource\"): "+
			"build one overlay per cluster with spec.output.targetCluster set to its alias, or render every bundle with kpt fn render or the standalone command",
			m.Name, strings.Join(net.Entry.Aliases(), ", ")))
		return
	}
	var res framework.Results
	for _, p := range net.Check(m) {
		p.Resource = configResource(cfg)
		res = append(res, p.Result(nil))
	}
	if len(res) > 0 {
		run.fail(res...)
		return
	}
	run.report(net.Notes(m, *cfg.Spec.NetworkPolicies))
	r := net.Render(m)
	for _, b := range r.Bundles {
		if err := addObjects(run.ko.r, node, node, b.Objects); err != nil {
			run.fail(errNode(node, err))
			return
		}
	}
	for _, p := range m.Pools {
		if err := addObjects(run.pools[p.Name].r, node, run.poolNodes[p.Name], r.Pools[p.Name]); err != nil {
			run.fail(errNode(node, err))
			return
		}
	}
}

// stretchedConfig leaves out the NetworkPolicy, which admits local pods
// only and would block the nodes of other clusters.
func stretchedConfig(cfg *config.StrimziRender) *config.StrimziRender {
	c := *cfg
	c.Spec.NetworkPolicies = ptr.To(false)
	return &c
}

// configResource names the function config, whose fields the network
// providers check.
func configResource(cfg *config.StrimziRender) results.Resource {
	return results.Resource{APIVersion: cfg.APIVersion, Kind: cfg.Kind, Name: cfg.Name}
}

// recordedProviders maps <namespace>/Kafka/<name> to the network providers
// recorded on objects rendered from that Kafka, "" for objects without one.
func recordedProviders(items []*yaml.RNode) map[string][]string {
	out := map[string][]string{}
	for _, it := range items {
		a := it.GetAnnotations()
		src, ok := a[AnnoSource]
		if !ok || !strings.HasPrefix(src, "Kafka/") {
			continue
		}
		key := it.GetNamespace() + "/" + src
		if p := a[stretch.AnnoProvider]; !slices.Contains(out[key], p) {
			out[key] = append(out[key], p)
		}
	}
	for _, providers := range out {
		slices.Sort(providers)
	}
	return out
}

// providerChange refuses to render a Kafka with another network provider,
// or stretched or not, than its rendered objects in the input have.
func providerChange(c *kafkaCluster, net *stretch.Network) framework.Results {
	now := ""
	if net != nil {
		now = net.Provider.Name()
	}
	var res framework.Results
	for _, before := range c.recorded {
		var change, keep string
		switch {
		case before == now:
			continue
		case before == "":
			change = fmt.Sprintf("was rendered for one Kubernetes cluster (its rendered objects in the input have no %s) and is now stretched with network provider %s",
				stretch.AnnoProvider, now)
			keep = "keep it in one cluster"
		case now == "":
			change = fmt.Sprintf("was rendered as a stretch cluster with network provider %s (%s on its rendered objects in the input) and is no longer stretched",
				before, stretch.AnnoProvider)
			keep = "keep it stretched"
		default:
			change = fmt.Sprintf("was rendered with network provider %s (%s on its rendered objects in the input) and is now configured with %s (spec.stretch[%d].network.provider)",
				before, stretch.AnnoProvider, now, net.Index)
			keep = "keep " + before
		}
		res = append(res, results.ErrorAt(c.node, "", "unsupported change: Kafka %s %s: this changes every node's DNS names, certificate SANs and advertised addresses, which a running cluster cannot roll through; "+
			"%s, or remove the rendered objects (and the cluster's data) to render a new cluster", c.node.GetName(), change, keep))
	}
	return res
}
