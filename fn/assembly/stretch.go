package assembly

import (
	"fmt"
	"slices"
	"strings"

	"k8s.io/utils/ptr"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/stretch"
)

// annoKustomizeID is on every item kustomize hands a transformer.
const annoKustomizeID = "kustomize.config.k8s.io/id"

// stretchAnnotationPath is the field that stretches a Kafka, or not: where
// problems with its stretching as a whole are reported.
const stretchAnnotationPath = "metadata.annotations[" + stretch.AnnoEnable + "]"

// renderStretched renders a stretched Kafka into one bundle per cluster:
// shared objects with the Kafka, node-bound ones with their pool.
func (run *kafkaRun) renderStretched(m *kafka.Model, net *stretch.Network, cfg *config.StrimziRender) {
	node := run.c.node
	if _, ok := node.GetAnnotations()[annoKustomizeID]; ok && cfg.Spec.Output.TargetCluster == "" && len(net.Entry.Clusters) > 1 {
		run.fail(results.Errorf(stretchAnnotationPath, "Kafka %s is stretched over %s, whose bundles hold objects of the same names, which kustomize cannot output together (\"generated duplicate resource\"): "+
			"build one overlay per cluster with spec.output.targetCluster set to its alias, or render every bundle with kpt fn render or the standalone command",
			m.Name, strings.Join(net.Entry.Aliases(), ", ")))
		return
	}
	var ps []results.Problem
	for _, p := range net.Check(m) {
		p.Resource = configResource(cfg)
		ps = append(ps, p)
	}
	if len(ps) > 0 {
		run.fail(ps...)
		return
	}
	run.report(net.Notes(m, *cfg.Spec.NetworkPolicies))
	r := net.Render(m)
	for _, b := range r.Bundles {
		run.kafka.add(b.Alias, b.Objects)
	}
	for _, p := range m.Pools {
		run.pools[p.Name].add(net.Alias(p.Name), r.Pools[p.Name])
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

// recordedProviders are the network providers recorded on objects an
// earlier run rendered, sorted; "" stands for objects without one.
func recordedProviders(rendered []*yaml.RNode) []string {
	var out []string
	for _, it := range rendered {
		if p := it.GetAnnotations()[stretch.AnnoProvider]; !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// providerChange refuses to render a Kafka with another network provider,
// or stretched or not, than its rendered objects in the input have.
func providerChange(c *kafkaCluster, recorded []string, net *stretch.Network) []results.Problem {
	now := ""
	if net != nil {
		now = net.Provider.Name()
	}
	var ps []results.Problem
	for _, before := range recorded {
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
		ps = append(ps, results.Errorf(stretchAnnotationPath, "unsupported change: Kafka %s %s: this changes every node's DNS names, certificate SANs and advertised addresses, which a running cluster cannot roll through; "+
			"%s, or remove the rendered objects (and the cluster's data) to render a new cluster", c.node.GetName(), change, keep))
	}
	return ps
}

// addressChanges refuses new addresses for the nodes an earlier run
// rendered, as recorded on their ConfigMaps, unless the Kafka accepts them
// (stretch.AddressChanges). A provider change is refused before this.
func addressChanges(c *kafkaCluster, rendered []*yaml.RNode, net *stretch.Network, m *kafka.Model) []results.Problem {
	recorded := map[string]string{}
	for _, it := range rendered {
		if f, ok := it.GetAnnotations()[stretch.AnnoNodeAddressing]; ok && it.GetKind() == "ConfigMap" {
			recorded[it.GetName()] = f
		}
	}
	return stretch.AddressChanges(c.node.GetName(), recorded, net.Addressing(m.Nodes()), c.node.GetAnnotations()[stretch.AnnoAcceptAddressChange])
}
