package fn

import (
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/connect"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Processor is the strimzi-render function.
type Processor struct {
	// overrides are applied over every functionConfig, in order.
	overrides []config.Overrides
}

// NewProcessor returns the function's ResourceListProcessor.
func NewProcessor() *Processor { return &Processor{} }

var _ framework.ResourceListProcessor = &Processor{}

// Process renders every Strimzi resource it owns in rl and emits the objects
// in its place. Resources it does not own pass through untouched. Any error
// result makes it return the results, so the run fails.
func (p *Processor) Process(rl *framework.ResourceList) error {
	cfg, res := p.loadConfig(rl.FunctionConfig)
	if res.ExitCode() == 0 && cfg.Spec.Mode == config.ModeValidate {
		defer validateOnly(rl)()
	}
	if res.ExitCode() == 0 {
		in := newInputs(rl.Items)
		in.kafkas = renderKafkas(rl.Items, cfg, kafka.Inputs{ConfigMapData: in.configMapData})
		var renderings []*rendering
		for _, item := range rl.Items {
			r, rres := p.render(item, cfg, in)
			res = append(res, rres...)
			if r != nil {
				renderings = append(renderings, r)
			}
		}
		res = append(res, placeBundles(renderings, cfg)...)
		items, eres := emit(rl.Items, renderings)
		res = append(res, eres...)
		rl.Items = items
	}
	rl.Results = append(rl.Results, res...)
	if rl.Results.ExitCode() != 0 {
		return rl.Results
	}
	return nil
}

// render dispatches one item by kind; nil for items the function does not own.
func (p *Processor) render(item *yaml.RNode, cfg *config.StrimziRender, in *inputs) (*rendering, framework.Results) {
	kind := kindOf(item)
	if kind == "" {
		return nil, nil
	}
	if _, v := splitAPIVersion(item.GetApiVersion()); !servedVersion(v) {
		return &rendering{source: item, failed: true}, framework.Results{results.ErrorAt(item, "apiVersion",
			"%s %s is not supported: use %s/%s (or %s/%s)", item.GetApiVersion(), kind,
			strimzi.Group, strimzi.V1, strimzi.Group, strimzi.V1beta2)}
	}
	switch kind {
	case strimzi.KindKafkaConnect:
		return renderConnect(item, cfg, connect.Inputs{ConfigMapData: in.configMapData})
	case strimzi.KindKafka, strimzi.KindKafkaNodePool:
		if o := in.kafkas[item]; o != nil {
			return o.r, o.res
		}
	}
	return nil, nil
}

// loadConfig reads the functionConfig with p's overrides; problems become
// error results about it, each at its field, ordered by field: the schema
// reports them in map order.
func (p *Processor) loadConfig(fc *yaml.RNode) (*config.StrimziRender, framework.Results) {
	cfg, ps := config.LoadWithOverrides(fc, p.overrides...)
	ref := fc
	if fc != nil && fc.YNode().Kind != yaml.MappingNode {
		ref = nil // nothing to name it by
	}
	var res framework.Results
	for _, pr := range ps {
		pr.Message = "invalid functionConfig: " + pr.Message
		res = append(res, pr.Result(ref))
	}
	slices.SortStableFunc(res, func(a, b *framework.Result) int {
		return strings.Compare(fieldPath(a), fieldPath(b))
	})
	if !results.HasErrors(ps) {
		res = append(res, overridden(p.overrides)...)
	}
	return cfg, res
}

func fieldPath(r *framework.Result) string {
	if r.Field == nil {
		return ""
	}
	return r.Field.Path
}

// inputs gives renderers read access to other input resources.
type inputs struct {
	configMaps map[[2]string]map[string]string
	// kafkas holds each Kafka's and KafkaNodePool's outcome: they render together.
	kafkas map[*yaml.RNode]*kafkaOutcome
}

func newInputs(items []*yaml.RNode) *inputs {
	in := &inputs{configMaps: map[[2]string]map[string]string{}}
	for _, it := range items {
		if it.GetApiVersion() == "v1" && it.GetKind() == "ConfigMap" {
			in.configMaps[[2]string{it.GetNamespace(), it.GetName()}] = it.GetDataMap()
		}
	}
	return in
}

func (in *inputs) configMapData(namespace, name string) (map[string]string, bool) {
	d, ok := in.configMaps[[2]string{namespace, name}]
	return d, ok
}
