package logging

import (
	"fmt"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// TypeExternal is the logging type that reads a user ConfigMap.
const TypeExternal = "external"

// CheckExternal checks that external logging names a ConfigMap key among
// the inputs; path is the logging field, e.g. spec.logging.
func CheckExternal(l *strimzi.Logging, cms strimzi.ConfigMaps, namespace, path string) []results.Problem {
	if l == nil || l.Type != TypeExternal {
		return nil
	}
	at := path + ".valueFrom.configMapKeyRef"
	ref := l.ValueFrom
	if ref == nil || ref.ConfigMapKeyRef == nil || ref.ConfigMapKeyRef.Name == "" || ref.ConfigMapKeyRef.Key == "" {
		return []results.Problem{{Path: at, Message: "Logging configuration is invalid: [Config Map reference is missing]"}}
	}
	if _, ok := cms.Key(namespace, ref.ConfigMapKeyRef.Name, ref.ConfigMapKeyRef.Key); !ok {
		return []results.Problem{{Path: at, Message: fmt.Sprintf("ConfigMap %s with external logging configuration does not exist or doesn't contain the configuration under the %s key. Add the ConfigMap to the input resources: its text is copied into the rendered configuration.",
			ref.ConfigMapKeyRef.Name, ref.ConfigMapKeyRef.Key)}}
	}
	return nil
}

// RenderFrom is Render with the external text read from the inputs.
func RenderFrom(defaults []Pair, l *strimzi.Logging, cms strimzi.ConfigMaps, namespace string) string {
	var external string
	if l != nil && l.ValueFrom != nil && l.ValueFrom.ConfigMapKeyRef != nil {
		external, _ = cms.Key(namespace, l.ValueFrom.ConfigMapKeyRef.Name, l.ValueFrom.ConfigMapKeyRef.Key)
	}
	return Render(defaults, l, external)
}
