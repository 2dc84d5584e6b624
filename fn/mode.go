package fn

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"

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
