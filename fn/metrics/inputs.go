package metrics

import (
	"errors"
	"fmt"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// JMXExporter is the metricsConfig type of the Prometheus JMX exporter.
const JMXExporter = "jmxPrometheusExporter"

// CheckConfig checks a metricsConfig at path (e.g. spec.metricsConfig): the
// exporter's rules must be a readable ConfigMap key among the inputs, and the
// reporter's allow-list must hold valid expressions.
func CheckConfig(mc *strimzi.MetricsConfig, cms strimzi.ConfigMaps, namespace, path string) []results.Problem {
	if mc == nil {
		return nil
	}
	ps := CheckAllowList(mc, path)
	if mc.Type != JMXExporter {
		return ps
	}
	at := path + ".valueFrom.configMapKeyRef"
	ref := mc.ValueFrom
	if ref == nil || ref.ConfigMapKeyRef == nil || ref.ConfigMapKeyRef.Name == "" || ref.ConfigMapKeyRef.Key == "" {
		return append(ps, results.Problem{Path: at, Message: "Metrics configuration is invalid: [ConfigMap reference is missing]"})
	}
	text, ok := cms.Key(namespace, ref.ConfigMapKeyRef.Name, ref.ConfigMapKeyRef.Key)
	if !ok {
		return append(ps, results.Problem{Path: at, Message: fmt.Sprintf("ConfigMap %s does not contain specified key %s, or is not among the input resources: add it, its rules are copied into the rendered configuration",
			ref.ConfigMapKeyRef.Name, ref.ConfigMapKeyRef.Key)})
	}
	if _, err := ExporterJSON(text); errors.Is(err, ErrTooLarge) {
		return append(ps, results.Problem{Path: at, Message: fmt.Sprintf("ConfigMap %s key %s: %v", ref.ConfigMapKeyRef.Name, ref.ConfigMapKeyRef.Key, err)})
	} else if err != nil {
		return append(ps, results.Problem{Path: at, Message: fmt.Sprintf("Failed to parse metrics configuration: %v", err)})
	}
	return ps
}

// ExporterRules returns the exporter's rules as Strimzi stores them, when
// the metricsConfig uses the JMX exporter.
func ExporterRules(mc *strimzi.MetricsConfig, cms strimzi.ConfigMaps, namespace string) (string, bool) {
	if mc == nil || mc.Type != JMXExporter || mc.ValueFrom == nil || mc.ValueFrom.ConfigMapKeyRef == nil {
		return "", false
	}
	text, ok := cms.Key(namespace, mc.ValueFrom.ConfigMapKeyRef.Name, mc.ValueFrom.ConfigMapKeyRef.Key)
	if !ok {
		return "", false
	}
	json, err := ExporterJSON(text)
	return json, err == nil
}
