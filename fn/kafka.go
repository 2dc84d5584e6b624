package fn

import (
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/stretch"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// kafkaOutcome is what rendering a Kafka cluster means for one of its
// resources: the Kafka or one of its KafkaNodePools.
type kafkaOutcome struct {
	r   *rendering
	res framework.Results
}

// kafkaCluster is a Kafka with the KafkaNodePools that name it.
type kafkaCluster struct {
	node  *yaml.RNode
	cr    *strimzi.Kafka
	pools []*yaml.RNode
	crs   []*strimzi.KafkaNodePool
	// recorded are the network providers earlier renders of it recorded
	// on objects in the input; "" stands for none.
	recorded []string
}

// renderKafkas renders each Kafka together with its KafkaNodePools (same
// namespace, strimzi.io/cluster label), as the operator reconciles them.
// The outcome of every Kafka and pool is keyed by its node. A problem with
// one cluster leaves its Kafka and pools untouched and stops nothing else.
func renderKafkas(items []*yaml.RNode, cfg *config.StrimziRender, in kafka.Inputs) map[*yaml.RNode]*kafkaOutcome {
	out := map[*yaml.RNode]*kafkaOutcome{}
	failed := func(node *yaml.RNode, res ...*framework.Result) *kafkaOutcome {
		o := &kafkaOutcome{r: &rendering{source: node, failed: true}, res: res}
		out[node] = o
		return o
	}
	var clusters []*kafkaCluster
	byKey := map[string]*kafkaCluster{}
	type pool struct {
		node *yaml.RNode
		cr   *strimzi.KafkaNodePool
	}
	var pools []pool
	for _, it := range items {
		if _, v := splitAPIVersion(it.GetApiVersion()); !servedVersion(v) {
			continue // render reports the version
		}
		switch kindOf(it) {
		case strimzi.KindKafka:
			cr, err := strimzi.DecodeKafka(it)
			if err != nil {
				failed(it, fieldError(it, err))
				continue
			}
			key := it.GetNamespace() + "/" + it.GetName()
			if prev := byKey[key]; prev != nil {
				failed(it, results.ErrorAt(it, "metadata.name", "Kafka %s appears twice among the input resources", key))
				continue
			}
			c := &kafkaCluster{node: it, cr: cr}
			byKey[key] = c
			clusters = append(clusters, c)
		case strimzi.KindKafkaNodePool:
			cr, err := strimzi.DecodeKafkaNodePool(it)
			if err != nil {
				failed(it, fieldError(it, err))
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
			failed(p.node, results.ErrorAt(p.node, "metadata.name", "KafkaNodePool %s appears twice among the input resources", key))
		case p.cr.Cluster() == "":
			failed(p.node, results.ErrorAt(p.node, "metadata.labels", "KafkaNodePool %s has no %s label naming its Kafka", p.cr.Name, strimzi.LabelCluster))
		case c == nil:
			failed(p.node, results.ErrorAt(p.node, "metadata.labels", "KafkaNodePool %s belongs to Kafka %s, which is not among the input resources in namespace %q: add it, or fix the %s label",
				p.cr.Name, p.cr.Cluster(), p.node.GetNamespace(), strimzi.LabelCluster))
		default:
			c.pools = append(c.pools, p.node)
			c.crs = append(c.crs, p.cr)
		}
		seenPools[key] = true
	}
	recorded := recordedProviders(items)
	for _, c := range clusters {
		c.recorded = recorded[c.node.GetNamespace()+"/"+sourceID(c.node)]
		renderKafka(c, cfg, in, out)
	}
	checkKafkaCollisions(clusters, out)
	return out
}

// renderKafka validates and renders one cluster into out.
func renderKafka(c *kafkaCluster, cfg *config.StrimziRender, in kafka.Inputs, out map[*yaml.RNode]*kafkaOutcome) {
	run := newKafkaRun(c, out)
	problems := kafka.Validate(c.cr, c.crs, cfg, in)
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
	if res := providerChange(c, net); len(res) > 0 {
		run.fail(res...)
		return
	}
	m, err := kafka.New(c.cr, c.crs, mcfg, in, endpoints)
	if err != nil {
		run.fail(errNode(c.node, err))
		return
	}
	run.report(m.Notes(cfg.Spec.KeepCustomResources))
	if cfg.Spec.KeepCustomResources {
		// A running operator creates every object itself: keep the resources as they are.
		run.ko.r.replacement = []*yaml.RNode{c.node}
		for i, n := range c.pools {
			run.pools[c.crs[i].Name].r.replacement = []*yaml.RNode{n}
		}
		return
	}
	if net != nil {
		run.renderStretched(m, net, cfg)
		return
	}
	if err := addObjects(run.ko.r, c.node, c.node, m.ClusterObjects()); err != nil {
		run.fail(errNode(c.node, err))
		return
	}
	for _, p := range m.Pools {
		if err := addObjects(run.pools[p.Name].r, c.node, run.poolNodes[p.Name], m.PoolObjects(p)); err != nil {
			run.fail(errNode(c.node, err))
			return
		}
	}
}

// kafkaRun is the outcome of one Kafka and its pools while it renders.
type kafkaRun struct {
	c         *kafkaCluster
	ko        *kafkaOutcome
	pools     map[string]*kafkaOutcome
	poolNodes map[string]*yaml.RNode
}

func newKafkaRun(c *kafkaCluster, out map[*yaml.RNode]*kafkaOutcome) *kafkaRun {
	outcome := func(node *yaml.RNode) *kafkaOutcome {
		o := &kafkaOutcome{r: &rendering{source: node}}
		out[node] = o
		return o
	}
	run := &kafkaRun{c: c, ko: outcome(c.node), pools: map[string]*kafkaOutcome{}, poolNodes: map[string]*yaml.RNode{}}
	for i, n := range c.pools {
		run.pools[c.crs[i].Name], run.poolNodes[c.crs[i].Name] = outcome(n), n
	}
	return run
}

// report ties problems to the Kafka or to the pool they name.
func (run *kafkaRun) report(ps []results.Problem) {
	for _, p := range ps {
		o, node := run.ko, run.c.node
		if p.Resource.Kind == strimzi.KindKafkaNodePool {
			o, node = run.pools[p.Resource.Name], run.poolNodes[p.Resource.Name]
		}
		o.res = append(o.res, p.Result(node))
	}
}

// fail reports res on the Kafka and leaves the Kafka and its pools as they are.
func (run *kafkaRun) fail(res ...*framework.Result) {
	run.ko.res = append(run.ko.res, res...)
	for _, o := range append([]*kafkaOutcome{run.ko}, mapValues(run.pools)...) {
		o.r.failed = true
	}
}

// addObjects converts objects and files them beside a resource, all marked
// as rendered from the Kafka, so that a later run replaces every one.
func addObjects(r *rendering, kafkaNode, beside *yaml.RNode, objs []specs.Object) error {
	nodes, err := placeBeside(kafkaNode, beside, objs)
	if err != nil {
		return err
	}
	r.objects = append(r.objects, nodes...)
	return nil
}

// checkKafkaCollisions fails clusters whose objects would have the same
// identity: Kafka a with pool b-c and Kafka a-b with pool c both name pods
// a-b-c-0. A failed cluster reports only its problems.
func checkKafkaCollisions(clusters []*kafkaCluster, out map[*yaml.RNode]*kafkaOutcome) {
	owner := map[identity]*kafkaCluster{}
	// clashes[c][other] lists the objects both would create.
	clashes := map[*kafkaCluster]map[*kafkaCluster][]string{}
	clash := func(c, other *kafkaCluster, id identity) {
		if clashes[c] == nil {
			clashes[c] = map[*kafkaCluster][]string{}
		}
		clashes[c][other] = append(clashes[c][other], id.String())
	}
	for _, c := range clusters {
		for _, n := range append([]*yaml.RNode{c.node}, c.pools...) {
			if out[n].r.failed {
				continue
			}
			for _, obj := range out[n].r.objects {
				id := identityOf(obj)
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
			ko := out[c.node]
			ko.res = append(ko.res, results.ErrorAt(c.node, "metadata.name", "Kafka %s and Kafka %s would both create %s: rename a Kafka or a KafkaNodePool",
				c.node.GetName(), other.node.GetName(), strings.Join(ids, ", ")))
		}
		if len(clashes[c]) == 0 {
			continue
		}
		for _, n := range append([]*yaml.RNode{c.node}, c.pools...) {
			o := out[n]
			o.r.failed = true
			o.res = slices.DeleteFunc(o.res, func(r *framework.Result) bool { return r.Severity != framework.Error })
		}
	}
}

func mapValues[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
