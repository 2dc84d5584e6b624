package logging

import (
	"fmt"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/limits"
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
	text, ok := cms.Key(namespace, ref.ConfigMapKeyRef.Name, ref.ConfigMapKeyRef.Key)
	if !ok {
		return []results.Problem{{Path: at, Message: fmt.Sprintf("ConfigMap %s with external logging configuration does not exist or doesn't contain the configuration under the %s key. Add the ConfigMap to the input resources: its text is copied into the rendered configuration.",
			ref.ConfigMapKeyRef.Name, ref.ConfigMapKeyRef.Key)}}
	}
	if len(text) > limits.ConfigMapData {
		return []results.Problem{{Path: at, Message: fmt.Sprintf("ConfigMap %s key %s has %d bytes of logging configuration, more than the %d bytes of a ConfigMap, which the rendered ConfigMap could not hold",
			ref.ConfigMapKeyRef.Name, ref.ConfigMapKeyRef.Key, len(text), limits.ConfigMapData)}}
	}
	if endsInContinuation(text) {
		return []results.Problem{{Path: at, Message: fmt.Sprintf("the logging configuration in ConfigMap %s key %s ends in a backslash, which would join the monitorInterval line Strimzi appends to its last value: end it with a line break",
			ref.ConfigMapKeyRef.Name, ref.ConfigMapKeyRef.Key)}}
	}
	return nil
}

// endsInContinuation tells whether the last line of text ends in an odd
// run of backslashes, with at most a carriage return after it: a Java
// properties reader would continue that line on the next, which External
// appends. A comment line is refused alike, though Java would not continue
// it.
func endsInContinuation(text string) bool {
	text = strings.TrimSuffix(text, "\r")
	n := len(text) - len(strings.TrimRight(text, `\`))
	return n%2 == 1
}

// RenderFrom is Render with the external text read from the inputs.
func RenderFrom(defaults []Pair, l *strimzi.Logging, cms strimzi.ConfigMaps, namespace string) string {
	var external string
	if l != nil && l.ValueFrom != nil && l.ValueFrom.ConfigMapKeyRef != nil {
		external, _ = cms.Key(namespace, l.ValueFrom.ConfigMapKeyRef.Name, l.ValueFrom.ConfigMapKeyRef.Key)
	}
	return Render(defaults, l, external)
}
