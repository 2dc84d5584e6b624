package fn

import (
	"encoding/base64"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/assembly"
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
	var drift framework.Results
	if res.ExitCode() == 0 && cfg.Spec.Mode == config.ModeValidate {
		drift = renderedDrift(rl.Items)
		defer validateOnly(rl)()
	}
	if res.ExitCode() == 0 {
		defaulted := defaultNamespaces(rl.Items, cfg.Spec.Namespace)
		in := newInputs(rl.Items, cfg.Spec.Namespace)
		kafkas := assembly.Kafkas(kafkaItems(rl.Items), cfg, in.assembly())
		var renderings []*rendering
		for _, item := range rl.Items {
			a := render(item, cfg, in, kafkas)
			if a == nil {
				continue
			}
			r, pres := place(a)
			res = append(res, pres...)
			keepSource(r, cfg)
			renderings = append(renderings, r)
		}
		res = append(res, placeBundles(renderings, cfg)...)
		fileKeptClaims(renderings, cfg)
		separateFiles(renderings)
		items, eres := emit(rl.Items, renderings)
		res = append(res, eres...)
		undoDefaultNamespaces(defaulted, renderings)
		res = append(res, unrenderedWarnings(rl.Items)...)
		rl.Items = items
	}
	res = append(res, drift...)
	rl.Results = append(rl.Results, res...)
	if rl.Results.ExitCode() != 0 {
		return rl.Results
	}
	return nil
}

// render dispatches one item by kind to its renderer; nil for items the
// function does not own. kafkas holds the Renderings of every Kafka and
// KafkaNodePool: they render together.
func render(item *yaml.RNode, cfg *config.StrimziRender, in *inputs, kafkas map[*yaml.RNode]*assembly.Rendering) *assembly.Rendering {
	kind := kindOf(item)
	if kind == "" {
		return nil
	}
	if !served(item) {
		return &assembly.Rendering{Source: item, Failed: true, Problems: []results.Problem{results.Errorf("apiVersion",
			"%s %s is not supported: use %s/%s (or %s/%s)", item.GetApiVersion(), kind,
			strimzi.Group, strimzi.V1, strimzi.Group, strimzi.V1beta2)}}
	}
	switch kind {
	case strimzi.KindKafkaConnect:
		return assembly.Connect(item, cfg, in.assembly())
	case strimzi.KindKafka, strimzi.KindKafkaNodePool:
		return kafkas[item]
	}
	return nil
}

// kafkaItems are the Kafkas and KafkaNodePools the function renders.
func kafkaItems(items []*yaml.RNode) []*yaml.RNode {
	var out []*yaml.RNode
	for _, it := range items {
		if k := kindOf(it); (k == strimzi.KindKafka || k == strimzi.KindKafkaNodePool) && served(it) {
			out = append(out, it)
		}
	}
	return out
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
	secrets    map[[2]string]map[string]string
	// rendered holds the objects earlier runs rendered, by namespace and
	// AnnoSource value.
	rendered map[[2]string][]*yaml.RNode
}

// newInputs indexes items. A ConfigMap without a namespace is in
// defaultNamespace, as the custom resources that refer to it are.
func newInputs(items []*yaml.RNode, defaultNamespace string) *inputs {
	in := &inputs{configMaps: map[[2]string]map[string]string{}, secrets: map[[2]string]map[string]string{}, rendered: map[[2]string][]*yaml.RNode{}}
	for _, it := range items {
		if it.GetApiVersion() == "v1" && it.GetKind() == "ConfigMap" {
			ns := it.GetNamespace()
			if ns == "" {
				ns = defaultNamespace
			}
			in.configMaps[[2]string{ns, it.GetName()}] = it.GetDataMap()
		}
		if it.GetApiVersion() == "v1" && it.GetKind() == "Secret" {
			ns := it.GetNamespace()
			if ns == "" {
				ns = defaultNamespace
			}
			in.secrets[[2]string{ns, it.GetName()}] = secretData(it)
		}
		if src, ok := it.GetAnnotations()[AnnoSource]; ok {
			key := [2]string{it.GetNamespace(), src}
			in.rendered[key] = append(in.rendered[key], it)
		}
	}
	return in
}

func (in *inputs) assembly() assembly.Inputs {
	return assembly.Inputs{ConfigMapData: in.configMapData, SecretData: in.secretData, RenderedFrom: in.renderedFrom}
}

func (in *inputs) configMapData(namespace, name string) (map[string]string, bool) {
	d, ok := in.configMaps[[2]string{namespace, name}]
	return d, ok
}

func (in *inputs) secretData(namespace, name string) (map[string]string, bool) {
	d, ok := in.secrets[[2]string{namespace, name}]
	return d, ok
}

// secretData is a Secret's data decoded, with stringData over it, as the
// API server stores them; keys that do not decode are left out.
func secretData(it *yaml.RNode) map[string]string {
	out := map[string]string{}
	for k, v := range it.GetDataMap() {
		if b, err := base64.StdEncoding.DecodeString(v); err == nil {
			out[k] = string(b)
		}
	}
	if sd, err := it.Pipe(yaml.Lookup("stringData")); err == nil && sd != nil {
		_ = sd.VisitFields(func(f *yaml.MapNode) error {
			out[f.Key.YNode().Value] = f.Value.YNode().Value
			return nil
		})
	}
	return out
}

// renderedFrom are the input objects an earlier run rendered from source.
func (in *inputs) renderedFrom(source *yaml.RNode) []*yaml.RNode {
	return in.rendered[[2]string{source.GetNamespace(), sourceID(source)}]
}
