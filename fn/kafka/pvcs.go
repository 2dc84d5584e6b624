package kafka

import (
	"maps"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
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
	pvc := &corev1.PersistentVolumeClaim{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "PersistentVolumeClaim"},
		ObjectMeta: m.objectMeta(dv.ClaimName, labels.Merge(p.resourceLabels, tmplLabels), annotations),
		Spec: corev1.PersistentVolumeClaimSpec{
			AccessModes: []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce},
			Resources: corev1.VolumeResourceRequirements{Requests: corev1.ResourceList{
				corev1.ResourceStorage: resource.MustParse(v.Size), // validated
			}},
			VolumeMode: ptr.To(corev1.PersistentVolumeFilesystem),
		},
	}
	if v.Class != "" {
		pvc.Spec.StorageClassName = ptr.To(v.Class)
	}
	if v.VolumeAttributesClass != "" {
		pvc.Spec.VolumeAttributesClassName = ptr.To(v.VolumeAttributesClass)
	}
	if len(v.Selector) > 0 {
		pvc.Spec.Selector = &metav1.LabelSelector{MatchLabels: v.Selector}
	}
	return pvc
}
