package kafka

import (
	"maps"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
)

// Annotations of a pool's StrimziPodSet.
const AnnoStorage = "strimzi.io/storage"

// PodSet returns the StrimziPodSet <cluster>-<pool> holding the pool's pods,
// selected by cluster, name, kind and pool name
// (KafkaCluster.generatePodSets and preparePodSetAnnotations).
func (m *Model) PodSet(p *Pool) *pods.StrimziPodSet {
	meta := metadataOf(p.Template.PodSet)
	annotations := map[string]string{
		AnnoKafkaVersion: m.Version,
		AnnoStorage:      storageAnnotation(p.Storage),
	}
	// Read from the Kafka, not the pool (KafkaCluster's constructor).
	maps.Copy(annotations, pods.InPlaceResizingAnnotations(m.cr.Annotations))
	maps.Copy(annotations, labels.UserMerged(meta.Annotations))
	return pods.NewPodSet(
		m.objectMeta(names.KafkaPodSet(m.Name, p.Name), labels.Merge(p.resourceLabels, meta.Labels), annotations),
		m.poolSelector(p), m.Pods(p))
}
