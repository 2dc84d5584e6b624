package fn

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// WithOverrides makes p apply layers of settings in the ConfigMap form over
// every functionConfig it loads; a later layer wins over an earlier one.
func (p *Processor) WithOverrides(layers ...config.Overrides) *Processor {
	p.overrides = append(p.overrides, layers...)
	return p
}

// overridden reports, as info results, which keys came from outside the
// package, so a run that differs from the package says why. Values are not
// shown: a proxy URL may hold credentials.
func overridden(layers []config.Overrides) framework.Results {
	var res framework.Results
	for _, l := range layers {
		if len(l.Values) == 0 {
			continue
		}
		keys := slices.Sorted(maps.Keys(l.Values))
		res = append(res, results.New(framework.Info, nil, "",
			fmt.Sprintf("functionConfig overridden from %s: %s", l.Source, strings.Join(keys, ", "))))
	}
	return res
}

// validateOnly is spec.mode validate: the run renders copies of the items,
// so every check runs and reports, and the returned function puts the
// original items back untouched. Call it deferred, before rendering.
func validateOnly(rl *framework.ResourceList) (restore func()) {
	original := rl.Items
	copies := make([]*yaml.RNode, len(original))
	for i, it := range original {
		copies[i] = it.Copy()
	}
	rl.Items = copies
	return func() { rl.Items = original }
}
