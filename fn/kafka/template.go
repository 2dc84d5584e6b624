package kafka

import (
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Names of the template fields a KafkaNodePool shares with the Kafka.
const (
	TmplPodSet                = "podSet"
	TmplPod                   = "pod"
	TmplPerPodService         = "perPodService"
	TmplPerPodRoute           = "perPodRoute"
	TmplPerPodIngress         = "perPodIngress"
	TmplPersistentVolumeClaim = "persistentVolumeClaim"
	TmplKafkaContainer        = "kafkaContainer"
	TmplInitContainer         = "initContainer"
)

// PoolTemplate is the template of a pool's resources: each field the pool's
// spec.template sets, else the Kafka's spec.kafka.template field. Fields are
// replaced whole; an empty object in the pool clears the Kafka's field
// (Strimzi: KafkaPool.fromCrd, after the node pool template proposal).
type PoolTemplate struct {
	PodSet                *strimzi.ResourceTemplate
	Pod                   *strimzi.PodTemplate
	PerPodService         *strimzi.ResourceTemplate
	PerPodRoute           *strimzi.ResourceTemplate
	PerPodIngress         *strimzi.ResourceTemplate
	PersistentVolumeClaim *strimzi.ResourceTemplate
	KafkaContainer        *strimzi.ContainerTemplate
	InitContainer         *strimzi.ContainerTemplate
	// fromPool records which fields come from the pool.
	fromPool map[string]bool
}

// mergeTemplates picks each field from the pool, else from the Kafka.
func mergeTemplates(k strimzi.KafkaClusterTemplate, p *strimzi.KafkaNodePoolTemplate) PoolTemplate {
	t := PoolTemplate{
		PodSet: k.PodSet, Pod: k.Pod, PerPodService: k.PerPodService, PerPodRoute: k.PerPodRoute, PerPodIngress: k.PerPodIngress,
		PersistentVolumeClaim: k.PersistentVolumeClaim, KafkaContainer: k.KafkaContainer,
		InitContainer: k.InitContainer, fromPool: map[string]bool{},
	}
	if p == nil {
		return t
	}
	pick := func(field string, set bool) bool {
		t.fromPool[field] = set
		return set
	}
	if pick(TmplPodSet, p.PodSet != nil) {
		t.PodSet = p.PodSet
	}
	if pick(TmplPod, p.Pod != nil) {
		t.Pod = p.Pod
	}
	if pick(TmplPerPodService, p.PerPodService != nil) {
		t.PerPodService = p.PerPodService
	}
	if pick(TmplPerPodRoute, p.PerPodRoute != nil) {
		t.PerPodRoute = p.PerPodRoute
	}
	if pick(TmplPerPodIngress, p.PerPodIngress != nil) {
		t.PerPodIngress = p.PerPodIngress
	}
	if pick(TmplPersistentVolumeClaim, p.PersistentVolumeClaim != nil) {
		t.PersistentVolumeClaim = p.PersistentVolumeClaim
	}
	if pick(TmplKafkaContainer, p.KafkaContainer != nil) {
		t.KafkaContainer = p.KafkaContainer
	}
	if pick(TmplInitContainer, p.InitContainer != nil) {
		t.InitContainer = p.InitContainer
	}
	return t
}

// FromPool reports whether a field comes from the pool.
func (t PoolTemplate) FromPool(field string) bool { return t.fromPool[field] }

// Path is where a template field is written: spec.template.<field> in the
// pool, or spec.kafka.template.<field> in the Kafka.
func (t PoolTemplate) Path(field string) string {
	if t.FromPool(field) {
		return "spec.template." + field
	}
	return "spec.kafka.template." + field
}

func (t PoolTemplate) pod() *strimzi.PodTemplate {
	if t.Pod == nil {
		return &strimzi.PodTemplate{}
	}
	return t.Pod
}

func (t PoolTemplate) kafkaContainer() *strimzi.ContainerTemplate {
	if t.KafkaContainer == nil {
		return &strimzi.ContainerTemplate{}
	}
	return t.KafkaContainer
}

func (t PoolTemplate) initContainer() *strimzi.ContainerTemplate {
	if t.InitContainer == nil {
		return &strimzi.ContainerTemplate{}
	}
	return t.InitContainer
}

func metadataOf(t *strimzi.ResourceTemplate) strimzi.MetadataTemplate {
	if t == nil {
		return strimzi.MetadataTemplate{}
	}
	return t.Metadata
}
