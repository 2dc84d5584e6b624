package assembly

import (
	"encoding/json"
	"fmt"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// AnnoKeptCAs records, on a kept Kafka, the CA fields removed from it
// (spec.clusterCa and spec.clientsCa type and certManager), so that a
// later run renders with them again.
const AnnoKeptCAs = "strimzi-render.dev/certificate-authorities"

// caExtensionFields are the renderer's extension fields of a CA, which
// Strimzi 1.2.0's CRD lacks.
var caExtensionFields = []string{"type", "certManager"}

// keepKafka returns the Kafka a running operator gets: the CA extension
// fields removed and recorded in AnnoKeptCAs. removed is false when it had
// none; the Kafka is then returned as it is.
func keepKafka(work *yaml.RNode) (kept *yaml.RNode, removed bool, err error) {
	kept = work.Copy()
	saved := map[string]map[string]any{}
	for _, ca := range []string{"clusterCa", "clientsCa"} {
		node, err := kept.Pipe(yaml.Lookup("spec", ca))
		if err != nil || node == nil || node.YNode().Kind != yaml.MappingNode {
			continue
		}
		for _, f := range caExtensionFields {
			v := node.Field(f)
			if v == nil {
				continue
			}
			var value any
			if err := v.Value.YNode().Decode(&value); err != nil {
				return nil, false, err
			}
			if saved[ca] == nil {
				saved[ca] = map[string]any{}
			}
			saved[ca][f] = value
			if err := node.PipeE(yaml.Clear(f)); err != nil {
				return nil, false, err
			}
		}
	}
	if len(saved) == 0 {
		return work, false, nil
	}
	raw, err := json.Marshal(saved)
	if err != nil {
		return nil, false, err
	}
	return kept, true, annotate(kept, map[string]string{AnnoKeptCAs: string(raw)})
}

// restoreKafka undoes keepKafka on a Kafka an earlier run kept.
func restoreKafka(work *yaml.RNode) error {
	raw, ok := work.GetAnnotations()[AnnoKeptCAs]
	if !ok {
		return nil
	}
	var saved map[string]map[string]any
	if err := json.Unmarshal([]byte(raw), &saved); err != nil {
		return fmt.Errorf("annotation %s must hold the JSON of the removed CA fields", AnnoKeptCAs)
	}
	for _, ca := range []string{"clusterCa", "clientsCa"} {
		for _, f := range caExtensionFields {
			v, ok := saved[ca][f]
			if !ok {
				continue
			}
			node, err := work.Pipe(yaml.LookupCreate(yaml.MappingNode, "spec", ca))
			if err != nil {
				return err
			}
			value, err := yaml.FromMap(map[string]any{f: v})
			if err != nil {
				return err
			}
			if err := node.PipeE(yaml.SetField(f, value.Field(f).Value)); err != nil {
				return err
			}
		}
	}
	a := work.GetAnnotations()
	delete(a, AnnoKeptCAs)
	return work.SetAnnotations(a)
}
