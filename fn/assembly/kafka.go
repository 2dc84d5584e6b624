package assembly

import (
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/stretch"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// kafkaCluster is a Kafka with the KafkaNodePools that name it.
type kafkaCluster struct {
	node *yaml.RNode
	// work is node with what an earlier run removed for an operator restored.
	work  *yaml.RNode
	cr    *strimzi.Kafka
	pools []*yaml.RNode
	crs   []*strimzi.KafkaNodePool
}

// Kafkas renders each Kafka together with its KafkaNodePools (same
// namespace, strimzi.io/cluster label), as the operator reconciles them.
// items are the Kafkas and KafkaNodePools to render, of served versions;
// the Rendering of each is keyed by its node. A problem with one cluster
// leaves its Kafka and pools untouched and stops nothing else.
func Kafkas(items []*yaml.RNode, cfg *config.StrimziRender, in Inputs) map[*yaml.RNode]*Rendering {
	out := map[*yaml.RNode]*Rendering{}
	failed := func(node *yaml.RNode, ps ...results.Problem) {
		out[node] = newRendering(node, node).fail(ps...)
	}
	var clusters []*kafkaCluster
	byKey := map[string]*kafkaCluster{}
	// unreadable are the Kafkas that fail to decode: their error is the
	// one cause, so their pools stay as they came without one of their own.
	unreadable := map[string]bool{}
	type pool struct {
		node *yaml.RNode
		cr   *strimzi.KafkaNodePool
	}
	var pools []pool
	for _, it := range items {
		switch it.GetKind() {
		case strimzi.KindKafka:
			key := it.GetNamespace() + "/" + it.GetName()
			work := it.Copy()
			if err := restoreKafka(work); err != nil {
				failed(it, results.Errorf("metadata.annotations", "%v", err))
				unreadable[key] = true
				continue
			}
			cr, err := strimzi.DecodeKafka(work)
			if ps := admissionProblems(work, err); len(ps) > 0 {
				failed(it, ps...)
				unreadable[key] = true
				continue
			}
			if prev := byKey[key]; prev != nil {
				failed(it, results.Errorf("metadata.name", "Kafka %s appears twice among the input resources", key))
				continue
			}
			c := &kafkaCluster{node: it, work: work, cr: cr}
			byKey[key] = c
			clusters = append(clusters, c)
		case strimzi.KindKafkaNodePool:
			cr, err := strimzi.DecodeKafkaNodePool(it)
			if ps := admissionProblems(it, err); len(ps) > 0 {
				failed(it, ps...)
				continue
			}
			pools = append(pools, pool{it, cr})
		}
	}
	seenPools := map[string]bool{}
	for _, p := range pools {
		c := byKey[p.node.GetNamespace()+"/"+p.cr.Cluster()]
		key := p.node.GetNamespace() + "/" + p.cr.Name
		switch {
		case seenPools[key]:
			failed(p.node, results.Errorf("metadata.name", "KafkaNodePool %s appears twice among the input resources", key))
		case p.cr.Cluster() == "":
			failed(p.node, results.Errorf("metadata.labels", "KafkaNodePool %s has no %s label naming its Kafka", p.cr.Name, strimzi.LabelCluster))
		case c == nil && unreadable[p.node.GetNamespace()+"/"+p.cr.Cluster()]:
			out[p.node] = newRendering(p.node, p.node).fail()
		case c == nil:
			failed(p.node, results.Errorf("metadata.labels", "KafkaNodePool %s belongs to Kafka %s, which is not among the input resources in namespace %q: add it, or fix the %s label",
				p.cr.Name, p.cr.Cluster(), p.node.GetNamespace(), strimzi.LabelCluster))
		default:
			c.pools = append(c.pools, p.node)
			c.crs = append(c.crs, p.cr)
		}
		seenPools[key] = true
	}
	for _, c := range clusters {
		renderKafka(c, cfg, in, out)
	}
	checkKafkaCollisions(clusters, out)
	return out
}

// renderKafka validates and renders one cluster into out.
func renderKafka(c *kafkaCluster, cfg *config.StrimziRender, in Inputs, out map[*yaml.RNode]*Rendering) {
	run := newKafkaRun(c, out)
	kin := kafka.Inputs{ConfigMapData: in.ConfigMapData, RenderedNodeIDs: renderedNodeIDs(c, in.RenderedFrom(c.node))}
	problems := kafka.Validate(c.cr, c.crs, cfg, kin)
	st := stretch.Validate(c.cr, c.crs, cfg.Spec.Stretch)
	problems = append(problems, st.Problems...)
	run.report(problems)
	if results.HasErrors(problems) {
		run.fail()
		return
	}
	var endpoints brokerconfig.EndpointProvider
	var net *stretch.Network
	mcfg := cfg
	if st.Stretched {
		net = stretch.New(c.cr, c.crs, cfg.Spec.Stretch, st.Index, cfg.Spec.ClusterDomain)
		endpoints, mcfg = net, stretchedConfig(cfg)
	}
	if ps := providerChange(c, recordedProviders(in.RenderedFrom(c.node)), net); len(ps) > 0 {
		run.fail(ps...)
		return
	}
	m, err := kafka.New(c.cr, c.crs, mcfg, kin, endpoints)
	if err != nil {
		run.fail(results.Internal(c.node, err))
		return
	}
	if ps := m.CertificateNameProblems(); len(ps) > 0 && !cfg.Spec.KeepCustomResources {
		run.fail(ps...)
		return
	}
	run.report(m.Notes(cfg.Spec.KeepCustomResources))
	if cfg.Spec.KeepCustomResources {
		// A running operator creates every object itself: keep the
		// resources as they are, but for the CA fields its CRD lacks.
		kept, removed, err := keepKafka(c.work)
		if err != nil {
			run.fail(results.Internal(c.node, err))
			return
		}
		if removed {
			run.report([]results.Problem{results.Warningf("spec",
				"the kept Kafka loses spec.clusterCa and spec.clientsCa type and certManager, which Strimzi 1.2.0's CRD lacks (annotation %s keeps them for later runs): the operator issues the certificates from its own CAs", AnnoKeptCAs)})
		} else {
			kept = c.node
			if m.ClusterCA().CertManagerMode() || m.ClientsCA().CertManagerMode() {
				run.report([]results.Problem{results.Warningf("", "the function config's spec.certificates does not reach a kept Kafka: the operator issues its certificates from its own CAs")})
			}
		}
		run.kafka.Replacement = []*yaml.RNode{kept}
		for i, n := range c.pools {
			run.pools[c.crs[i].Name].Replacement = []*yaml.RNode{n}
		}
		return
	}
	if net != nil {
		if ps := addressChanges(c, in.RenderedFrom(c.node), net, m); len(ps) > 0 {
			run.fail(ps...)
			return
		}
		run.renderStretched(m, net, cfg)
	} else {
		run.kafka.add("", m.ClusterObjects())
		for _, p := range m.Pools {
			run.pools[p.Name].add("", m.PoolObjects(p))
		}
	}
	run.checkCACerts(m, cfg)
}

// checkCACerts fails the cluster when a CA Secret the user must provide is
// one the rendering creates or cert-manager writes.
func (run *kafkaRun) checkCACerts(m *kafka.Model, cfg *config.StrimziRender) {
	var objs []specs.Object
	for _, r := range run.renderings() {
		for _, o := range r.Objects {
			objs = append(objs, o.Object)
		}
	}
	onKafka, onConfig := m.CACertClashes(objs)
	for i := range onConfig {
		onConfig[i].Resource = configResource(cfg)
	}
	if ps := append(onKafka, onConfig...); len(ps) > 0 {
		// The notes were about objects that are not rendered now.
		for _, r := range run.renderings() {
			r.Objects = nil
			r.Problems = slices.DeleteFunc(r.Problems, func(p results.Problem) bool { return p.Severity != results.Error })
		}
		run.fail(ps...)
	}
}

// kafkaRun is the Rendering of one Kafka and of its pools while it renders.
type kafkaRun struct {
	c     *kafkaCluster
	kafka *Rendering
	pools map[string]*Rendering
}

func newKafkaRun(c *kafkaCluster, out map[*yaml.RNode]*Rendering) *kafkaRun {
	ref := KafkaRef{Namespace: c.node.GetNamespace(), Name: c.node.GetName()}
	rendering := func(node *yaml.RNode) *Rendering {
		r := newRendering(node, c.node)
		r.Kafkas = []KafkaRef{ref}
		out[node] = r
		return r
	}
	run := &kafkaRun{c: c, kafka: rendering(c.node), pools: map[string]*Rendering{}}
	for i, n := range c.pools {
		run.pools[c.crs[i].Name] = rendering(n)
	}
	return run
}

// renderings are the Kafka's and its pools', in input order.
func (run *kafkaRun) renderings() []*Rendering {
	out := []*Rendering{run.kafka}
	for _, cr := range run.c.crs {
		out = append(out, run.pools[cr.Name])
	}
	return out
}

// report ties problems to the Kafka or to the pool they name.
func (run *kafkaRun) report(ps []results.Problem) {
	for _, p := range ps {
		r := run.kafka
		if p.Resource.Kind == strimzi.KindKafkaNodePool {
			r = run.pools[p.Resource.Name]
		}
		p.Resource = results.Resource{} // now the Rendering's own
		r.Problems = append(r.Problems, p)
	}
}

// fail reports ps on the Kafka and leaves the Kafka and its pools as they are.
func (run *kafkaRun) fail(ps ...results.Problem) {
	run.kafka.Problems = append(run.kafka.Problems, ps...)
	for _, r := range run.renderings() {
		r.Failed = true
	}
}

// checkKafkaCollisions fails clusters whose objects would have the same
// identity: Kafka a with pool b-c and Kafka a-b with pool c both name pods
// a-b-c-0. A failed cluster reports only its problems.
func checkKafkaCollisions(clusters []*kafkaCluster, out map[*yaml.RNode]*Rendering) {
	owner := map[specs.Identity]*kafkaCluster{}
	// clashes[c][other] lists the objects both would create.
	clashes := map[*kafkaCluster]map[*kafkaCluster][]string{}
	clash := func(c, other *kafkaCluster, id specs.Identity) {
		if clashes[c] == nil {
			clashes[c] = map[*kafkaCluster][]string{}
		}
		clashes[c][other] = append(clashes[c][other], id.String())
	}
	for _, c := range clusters {
		for _, n := range append([]*yaml.RNode{c.node}, c.pools...) {
			if out[n].Failed {
				continue
			}
			for _, o := range out[n].Objects {
				id := specs.IdentityOf(o.Object, o.Bundle)
				if prev, ok := owner[id]; ok && prev != c {
					clash(prev, c, id)
					clash(c, prev, id)
					continue
				}
				owner[id] = c
			}
		}
	}
	for _, c := range clusters {
		for _, other := range clusters {
			ids := clashes[c][other]
			if len(ids) == 0 {
				continue
			}
			r := out[c.node]
			r.Problems = append(r.Problems, results.Errorf("metadata.name", "Kafka %s and Kafka %s would both create %s: rename a Kafka or a KafkaNodePool",
				c.node.GetName(), other.node.GetName(), strings.Join(ids, ", ")))
		}
		if len(clashes[c]) == 0 {
			continue
		}
		for _, n := range append([]*yaml.RNode{c.node}, c.pools...) {
			r := out[n]
			r.Failed = true
			r.Problems = slices.DeleteFunc(r.Problems, func(p results.Problem) bool { return p.Severity != results.Error })
		}
	}
}
