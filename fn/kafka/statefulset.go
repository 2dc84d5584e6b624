package kafka

import (
	"encoding/json"
	"maps"
	"slices"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/digest"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
)

// StatefulSet returns the StatefulSet <cluster>-<pool> whose controller
// creates the pool's pods <cluster>-<pool>-<node ID>, or nil for a pool
// without nodes. Its node IDs are contiguous (validated), so they are the
// set's ordinals from spec.ordinals.start, and the pods keep the names,
// DNS names and claims of the Pod and StrimziPodSet forms.
//
// A StatefulSet has one pod template, yet each node has its own
// server.config (node ID, advertised listeners). The per-node ConfigMaps
// stay; the config volume projects all of them, each into a directory
// named after its pod, and the kafka container mounts its own directory
// at Strimzi's custom-config path with subPathExpr $(POD_NAME). Strimzi's
// image and kafka_run.sh are unchanged: the script reads
// custom-config/server.config and takes the node ID from the hostname,
// which a StatefulSet sets to the pod name. A subPath mount does not
// follow ConfigMap updates, so the template's configuration hash covers
// every node's ConfigMap: a change rolls the pods.
func (m *Model) StatefulSet(p *Pool) *appsv1.StatefulSet {
	if len(p.Nodes) == 0 {
		return nil
	}
	meta := metadataOf(p.Template.PodSet)
	annotations := map[string]string{AnnoKafkaVersion: m.Version}
	maps.Copy(annotations, labels.UserMerged(meta.Annotations))
	claims, deleteClaims := m.claimTemplates(p)
	return pods.NewStatefulSet(
		m.objectMeta(names.KafkaPodSet(m.Name, p.Name), labels.Merge(p.resourceLabels, meta.Labels), annotations),
		pods.StatefulSetForm{
			Replicas:     int32(len(p.Nodes)),
			FirstOrdinal: int32(p.Nodes[0].ID),
			ServiceName:  names.KafkaBrokersService(m.Name),
			Selector:     m.poolSelector(p),
			Template:     m.podTemplate(p),
			Claims:       claims,
			DeleteClaims: deleteClaims,
		})
}

// podTemplate is the pod of the pool's first node with what differs per
// node taken out: the hostname, which the StatefulSet sets, the data
// claims, which its volumeClaimTemplates add, and the node's ConfigMap,
// which the projected config volume replaces.
func (m *Model) podTemplate(p *Pool) corev1.PodTemplateSpec {
	first := p.Nodes[0]
	pod := m.pod(p, first)
	claimVolumes := map[string]bool{}
	for _, dv := range p.Storage.DataVolumes(first.Pod) {
		if dv.ClaimName != "" {
			claimVolumes[dv.Name] = true
		}
	}
	spec := pod.Spec
	spec.Hostname, spec.Subdomain = "", ""
	spec.Volumes = slices.DeleteFunc(spec.Volumes, func(v corev1.Volume) bool { return claimVolumes[v.Name] })
	for i, v := range spec.Volumes {
		if v.Name == ConfigVolume {
			spec.Volumes[i] = m.nodeConfigsVolume(p)
		}
	}
	c := &spec.Containers[0]
	_, mounts := m.volumes(p, first)
	for i := range mounts {
		if mounts[i].Name == ConfigVolume {
			mounts[i].SubPathExpr = "$(" + pods.StatefulSetPodNameEnv + ")"
		}
	}
	*c = m.container(p, mounts, pods.PodNameEnv())
	return corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{
			Labels:      m.podLabels(p, nil),
			Annotations: m.podAnnotations(p, m.poolConfigurationHash(p)),
		},
		Spec: spec,
	}
}

// nodeConfigsVolume projects each node's ConfigMap into <pod>/<key>.
func (m *Model) nodeConfigsVolume(p *Pool) corev1.Volume {
	var sources []corev1.VolumeProjection
	for _, cm := range m.ConfigMaps(p) {
		items := make([]corev1.KeyToPath, 0, len(cm.Data))
		for _, key := range slices.Sorted(maps.Keys(cm.Data)) {
			items = append(items, corev1.KeyToPath{Key: key, Path: cm.Name + "/" + key})
		}
		sources = append(sources, corev1.VolumeProjection{ConfigMap: &corev1.ConfigMapProjection{
			LocalObjectReference: corev1.LocalObjectReference{Name: cm.Name}, Items: items,
		}})
	}
	return corev1.Volume{Name: ConfigVolume, VolumeSource: corev1.VolumeSource{
		Projected: &corev1.ProjectedVolumeSource{Sources: sources},
	}}
}

// poolConfigurationHash hashes every node's ConfigMap: server.config,
// which names the certificate Secrets, logging, metrics and cluster ID.
func (m *Model) poolConfigurationHash(p *Pool) string {
	data := make([]map[string]string, 0, len(p.Nodes))
	for _, cm := range m.ConfigMaps(p) {
		data = append(data, cm.Data)
	}
	b, _ := json.Marshal(data) // maps of strings always marshal
	return digest.HashStubBytes(b)
}

// claimTemplates are the volumeClaimTemplates data and data-<id>: the
// StatefulSet names claims <template>-<pod>, Strimzi's data-<pod> and
// data-<id>-<pod>. Claims are deleted with the set only when every
// volume asks for it (deleteClaim); a mixed pool keeps them all.
func (m *Model) claimTemplates(p *Pool) ([]corev1.PersistentVolumeClaim, bool) {
	pod := p.Nodes[0].Pod
	claims := m.PVCs(&Pool{Nodes: p.Nodes[:1], Storage: p.Storage, Template: p.Template, resourceLabels: p.resourceLabels})
	var out []corev1.PersistentVolumeClaim
	deleteAll := len(claims) > 0
	for _, dv := range p.Storage.DataVolumes(pod) {
		if dv.ClaimName == "" {
			continue
		}
		deleteAll = deleteAll && dv.Volume.DeleteClaim
		for _, c := range claims {
			if c.Name == dv.ClaimName {
				out = append(out, claimTemplate(c, dv.Name))
			}
		}
	}
	return out, deleteAll
}

// claimTemplate turns a rendered claim into a template named name: without
// namespace, type or the annotations that keep tools from pruning a claim
// they apply, since the StatefulSet controller, not a tool, owns these.
func claimTemplate(c *corev1.PersistentVolumeClaim, name string) corev1.PersistentVolumeClaim {
	a := maps.Clone(c.Annotations)
	for k := range labels.ClaimAnnotations(false) {
		if k != labels.AnnoDeleteClaim {
			delete(a, k)
		}
	}
	return corev1.PersistentVolumeClaim{ObjectMeta: metav1.ObjectMeta{Name: name, Labels: c.Labels, Annotations: a}, Spec: c.Spec}
}

// contiguous reports whether nodes, sorted by ID, have IDs without gaps.
func contiguous(nodes []nodepools.Node) bool {
	for i := 1; i < len(nodes); i++ {
		if nodes[i].ID != nodes[i-1].ID+1 {
			return false
		}
	}
	return true
}
