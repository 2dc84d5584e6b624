package connect

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// SharedStorageClaim returns data-<cluster>-connect, the one claim every
// worker mounts, or nil without spec.storage.
func (m *Model) SharedStorageClaim() *corev1.PersistentVolumeClaim {
	st := m.spec.Storage
	if st == nil {
		return nil
	}
	meta := m.objectMeta(names.ConnectSharedStorageClaim(m.Name), m.resourceLabels, labels.ClaimAnnotations(st.DeleteClaim))
	return specs.PersistentVolumeClaim(meta, specs.Claim{
		AccessMode:   StorageAccessMode(st),
		Size:         st.Size, // validated
		StorageClass: st.Class,
	})
}

// StorageAccessMode is the claim's access mode, ReadWriteMany by default.
func StorageAccessMode(st *strimzi.ConnectStorage) corev1.PersistentVolumeAccessMode {
	if st.AccessMode == "" {
		return corev1.ReadWriteMany
	}
	return corev1.PersistentVolumeAccessMode(st.AccessMode)
}

// StorageMountPath is where workers mount the claim, /var/lib/kafka/data by default.
func StorageMountPath(st *strimzi.ConnectStorage) string {
	if st.MountPath == "" {
		return DefaultStoragePath
	}
	return st.MountPath
}

// storageVolume is the claim as a template volume, the form a kept
// KafkaConnect carries it in, so both forms render the same pods.
func (m *Model) storageVolume() (strimzi.AdditionalVolume, bool) {
	if m.spec.Storage == nil {
		return strimzi.AdditionalVolume{}, false
	}
	return StorageVolumeFor(m.Name), true
}

// StorageVolumeFor is the template volume of the shared claim.
func StorageVolumeFor(cluster string) strimzi.AdditionalVolume {
	return strimzi.AdditionalVolume{
		Name:                  StorageVolume,
		PersistentVolumeClaim: &corev1.PersistentVolumeClaimVolumeSource{ClaimName: names.ConnectSharedStorageClaim(cluster)},
	}
}

func (m *Model) storageMount() (corev1.VolumeMount, bool) {
	if m.spec.Storage == nil {
		return corev1.VolumeMount{}, false
	}
	return corev1.VolumeMount{Name: StorageVolume, MountPath: StorageMountPath(m.spec.Storage)}, true
}
