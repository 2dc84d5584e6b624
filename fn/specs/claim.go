package specs

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"
)

// Claim is what a PersistentVolumeClaim asks for.
type Claim struct {
	AccessMode corev1.PersistentVolumeAccessMode
	// Size is a quantity its caller has validated.
	Size                  string
	StorageClass          string
	VolumeAttributesClass string
	Selector              map[string]string
}

// PersistentVolumeClaim is a file-system claim
// (PersistentVolumeClaimUtils.createPersistentVolumeClaims).
func PersistentVolumeClaim(meta metav1.ObjectMeta, c Claim) *corev1.PersistentVolumeClaim {
	pvc := &corev1.PersistentVolumeClaim{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "PersistentVolumeClaim"},
		ObjectMeta: meta,
		Spec: corev1.PersistentVolumeClaimSpec{
			AccessModes: []corev1.PersistentVolumeAccessMode{c.AccessMode},
			Resources: corev1.VolumeResourceRequirements{Requests: corev1.ResourceList{
				corev1.ResourceStorage: resource.MustParse(c.Size),
			}},
			VolumeMode: ptr.To(corev1.PersistentVolumeFilesystem),
		},
	}
	if c.StorageClass != "" {
		pvc.Spec.StorageClassName = ptr.To(c.StorageClass)
	}
	if c.VolumeAttributesClass != "" {
		pvc.Spec.VolumeAttributesClassName = ptr.To(c.VolumeAttributesClass)
	}
	if len(c.Selector) > 0 {
		pvc.Spec.Selector = &metav1.LabelSelector{MatchLabels: c.Selector}
	}
	return pvc
}
