package fn

import (
	"sigs.k8s.io/kustomize/kyaml/kio/filters"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// kindOf returns the Strimzi kind strimzi-render renders item as, or "".
// Local config (the Kptfile, function configs) is never ours, except a
// custom resource an earlier run kept as local config (localconfig.go).
func kindOf(item *yaml.RNode) string {
	group, _ := splitAPIVersion(item.GetApiVersion())
	if group != strimzi.Group || isLocalConfig(item) && !isKeptSource(item) {
		return ""
	}
	switch k := item.GetKind(); k {
	case strimzi.KindKafkaConnect, strimzi.KindKafka, strimzi.KindKafkaNodePool:
		return k
	}
	return ""
}

func isLocalConfig(item *yaml.RNode) bool {
	_, local := item.GetAnnotations()[filters.LocalConfigAnnotation]
	return local
}

func splitAPIVersion(av string) (group, version string) {
	for i := len(av) - 1; i >= 0; i-- {
		if av[i] == '/' {
			return av[:i], av[i+1:]
		}
	}
	return "", av
}

// served reports whether item has an apiVersion the function renders.
func served(item *yaml.RNode) bool {
	_, v := splitAPIVersion(item.GetApiVersion())
	return v == strimzi.V1 || v == strimzi.V1beta2
}
