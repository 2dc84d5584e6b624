package strimzi

import (
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// LabelCluster names, on a KafkaNodePool, the Kafka it belongs to.
const LabelCluster = "strimzi.io/cluster"

// KafkaNodePool is a decoded kafka.strimzi.io KafkaNodePool (v1 or v1beta2).
type KafkaNodePool struct {
	Object
	Spec   KafkaNodePoolSpec
	Status KafkaNodePoolStatus
}

// Cluster is the Kafka the pool belongs to: its strimzi.io/cluster label.
func (p *KafkaNodePool) Cluster() string { return p.Labels[LabelCluster] }

// KafkaNodePoolSpec is the spec of KafkaNodePool v1.
type KafkaNodePoolSpec struct {
	Replicas   *int32                       `json:"replicas,omitempty"`
	Storage    *KafkaStorage                `json:"storage,omitempty"`
	Roles      []string                     `json:"roles,omitempty"`
	Resources  *corev1.ResourceRequirements `json:"resources,omitempty"`
	JvmOptions *JvmOptions                  `json:"jvmOptions,omitempty"`
	Template   *KafkaNodePoolTemplate       `json:"template,omitempty"`
}

// KafkaStorage is a pool's spec.storage, every type flattened: a JBOD array
// lists its volumes, which are single-volume storages.
type KafkaStorage struct {
	Type                  string            `json:"type,omitempty"`
	ID                    *int              `json:"id,omitempty"`
	Size                  string            `json:"size,omitempty"`
	SizeLimit             string            `json:"sizeLimit,omitempty"`
	Class                 string            `json:"class,omitempty"`
	VolumeAttributesClass string            `json:"volumeAttributesClass,omitempty"`
	Selector              map[string]string `json:"selector,omitempty"`
	DeleteClaim           bool              `json:"deleteClaim,omitempty"`
	KRaftMetadata         string            `json:"kraftMetadata,omitempty"`
	Volumes               []KafkaStorage    `json:"volumes,omitempty"`
}

// KafkaNodePoolTemplate is spec.template of a pool. Each field that is set
// replaces the same field of the Kafka's spec.kafka.template.
type KafkaNodePoolTemplate struct {
	PodSet                *ResourceTemplate  `json:"podSet,omitempty"`
	Pod                   *PodTemplate       `json:"pod,omitempty"`
	PerPodService         *ResourceTemplate  `json:"perPodService,omitempty"`
	PerPodRoute           *ResourceTemplate  `json:"perPodRoute,omitempty"`
	PerPodIngress         *ResourceTemplate  `json:"perPodIngress,omitempty"`
	PersistentVolumeClaim *ResourceTemplate  `json:"persistentVolumeClaim,omitempty"`
	KafkaContainer        *ContainerTemplate `json:"kafkaContainer,omitempty"`
	InitContainer         *ContainerTemplate `json:"initContainer,omitempty"`
}

// KafkaNodePoolStatus is the part of status the renderer honours: the node
// IDs a running cluster already has, and its cluster ID.
type KafkaNodePoolStatus struct {
	NodeIDs   []int  `json:"nodeIds,omitempty"`
	ClusterID string `json:"clusterId,omitempty"`
}

// DecodeKafkaNodePool decodes a KafkaNodePool node.
func DecodeKafkaNodePool(node *yaml.RNode) (*KafkaNodePool, error) {
	p := &KafkaNodePool{Object: newObject(node)}
	size, err := decodeSpec(node, &p.Spec)
	if err != nil {
		return nil, err
	}
	p.SpecBytes = size
	if err := decodeStatus(node, &p.Status); err != nil {
		return nil, err
	}
	return p, nil
}
