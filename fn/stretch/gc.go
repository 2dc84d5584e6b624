package stretch

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Labels of the proposal's garbage-collection ConfigMap.
const (
	componentGarbageCollector = "garbage-collector"
	labelRemoteCluster        = "strimzi.io/remote-cluster"
	annoArgoSyncWave          = "argocd.argoproj.io/sync-wave"
)

// gcConfigMap is the proposal's <kafka>-kafka-gc in every bundle, central
// included. The proposal's operator makes it the owner of remote objects;
// offline no UID is known and nothing owns anything, so it is an inventory
// anchor: it lists the kinds the bundle holds and syncs first under Argo CD.
// Pruning is the delivery tool's (Argo CD, kpt inventory, Flux).
func (net *Network) gcConfigMap(m *kafka.Model, alias string, kinds []string) *corev1.ConfigMap {
	return &corev1.ConfigMap{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"},
		ObjectMeta: metav1.ObjectMeta{
			Name: names.Kafka(net.Cluster) + "-gc", Namespace: m.Namespace,
			Labels: map[string]string{
				labels.Cluster:       net.Cluster,
				labels.Kind:          strimzi.KindKafka,
				labels.Name:          names.Kafka(net.Cluster),
				labels.ComponentType: componentGarbageCollector,
				labelRemoteCluster:   alias,
			},
			Annotations: map[string]string{annoArgoSyncWave: "-10"},
		},
		Data: map[string]string{
			"cluster-id":        alias,
			"kafka-cluster":     net.Cluster,
			"namespace":         m.Namespace,
			"purpose":           "inventory anchor of the stretch cluster's objects in this Kubernetes cluster (rendered offline; no ownerReferences)",
			"managed-resources": strings.Join(kinds, ","),
		},
	}
}
