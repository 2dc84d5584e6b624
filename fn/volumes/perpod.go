package volumes

import (
	"encoding/json"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// PerPod reports whether a templated volume differs from pod to pod: it
// names {nodeId} or {nodePodName}, which Templated replaces per pod.
func PerPod(v strimzi.AdditionalVolume) bool {
	b, _ := json.Marshal(v) // plain data always marshals
	return strings.Contains(string(b), "{nodeId}") || strings.Contains(string(b), "{nodePodName}")
}
