package kafka

import (
	"maps"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// PVCs returns the claims of the pool's persistent-claim volumes, volume by
// volume, node by node (PersistentVolumeClaimUtils.createPersistentVolumeClaims).
// Claims with deleteClaim false also carry the annotations that keep GitOps
// tools from deleting them with the cluster; none has an owner.
func (m *Model) PVCs(p *Pool) []*corev1.PersistentVolumeClaim {
	meta := metadataOf(p.Template.PersistentVolumeClaim)
	var out []*corev1.PersistentVolumeClaim
	for i, v := range p.Storage.AllVolumes() {
		if v.Type != nodepools.StoragePersistentClaim {
			continue
		}
		for _, n := range p.Nodes {
			out = append(out, m.pvc(p, p.Storage.DataVolumes(n.Pod)[i], meta.Labels, meta.Annotations))
		}
	}
	return out
}

func (m *Model) pvc(p *Pool, dv nodepools.DataVolume, tmplLabels, tmplAnnotations map[string]string) *corev1.PersistentVolumeClaim {
	v := dv.Volume
	annotations := labels.ClaimAnnotations(v.DeleteClaim)
	maps.Copy(annotations, labels.UserMerged(tmplAnnotations))
	return specs.PersistentVolumeClaim(m.objectMeta(dv.ClaimName, labels.Merge(p.resourceLabels, tmplLabels), annotations), specs.Claim{
		AccessMode:            corev1.ReadWriteOnce,
		Size:                  v.Size, // validated
		StorageClass:          v.Class,
		VolumeAttributesClass: v.VolumeAttributesClass,
		Selector:              v.Selector,
	})
}
