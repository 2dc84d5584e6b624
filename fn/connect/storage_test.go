package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestNoSharedStorageClaimWithoutStorage(t *testing.T) {
	m := connectModel(t)
	assert.Nil(t, m.SharedStorageClaim())
	for _, v := range m.Pods()[0].Spec.Volumes {
		assert.NotEqual(t, StorageVolume, v.Name)
	}
}

func TestSharedStorageClaim(t *testing.T) {
	pvc := connectModel(t, "storage: {type: persistent-claim, size: 10Gi}").SharedStorageClaim()
	require.NotNil(t, pvc)
	assert.Equal(t, metav1.TypeMeta{APIVersion: "v1", Kind: "PersistentVolumeClaim"}, pvc.TypeMeta)
	assert.Equal(t, "data-my-connect-connect", pvc.Name)
	assert.Equal(t, "my-namespace", pvc.Namespace)
	assert.Equal(t, resourceLabels(nil), pvc.Labels)
	assert.Nil(t, pvc.OwnerReferences)
	assert.Equal(t, map[string]string{
		"strimzi.io/delete-claim":                 "false",
		"argocd.argoproj.io/sync-options":         "Prune=false,Delete=false",
		"cli-utils.sigs.k8s.io/on-remove":         "keep",
		"client.lifecycle.config.k8s.io/deletion": "detach",
		"kustomize.toolkit.fluxcd.io/prune":       "disabled",
	}, pvc.Annotations, "a claim that is not deleted is kept by every applier")
	assert.Equal(t, []corev1.PersistentVolumeAccessMode{corev1.ReadWriteMany}, pvc.Spec.AccessModes, "shared by every worker")
	assert.Equal(t, corev1.ResourceList{corev1.ResourceStorage: resource.MustParse("10Gi")}, pvc.Spec.Resources.Requests)
	assert.Equal(t, ptr.To(corev1.PersistentVolumeFilesystem), pvc.Spec.VolumeMode)
	assert.Nil(t, pvc.Spec.StorageClassName)
}

func TestSharedStorageClaimOptions(t *testing.T) {
	pvc := connectModel(t, "replicas: 1",
		"storage: {type: persistent-claim, size: 1Gi, class: fast, accessMode: ReadWriteOnce, deleteClaim: true}").SharedStorageClaim()
	require.NotNil(t, pvc)
	assert.Equal(t, []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce}, pvc.Spec.AccessModes)
	assert.Equal(t, ptr.To("fast"), pvc.Spec.StorageClassName)
	assert.Equal(t, map[string]string{"strimzi.io/delete-claim": "true"}, pvc.Annotations)
}

func TestSharedStorageMountedByEveryWorker(t *testing.T) {
	claimVolume := corev1.Volume{Name: "data", VolumeSource: corev1.VolumeSource{
		PersistentVolumeClaim: &corev1.PersistentVolumeClaimVolumeSource{ClaimName: "data-my-connect-connect"},
	}}
	cases := map[string]struct {
		storage, mountPath string
	}{
		"default path": {"storage: {type: persistent-claim, size: 1Gi}", "/var/lib/kafka/data"},
		"own path":     {"storage: {type: persistent-claim, size: 1Gi, mountPath: /mnt/shared}", "/mnt/shared"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			for _, p := range connectModel(t, "replicas: 2", c.storage).Pods() {
				assert.Contains(t, p.Spec.Volumes, claimVolume, p.Name)
				assert.Contains(t, p.Spec.Containers[0].VolumeMounts, corev1.VolumeMount{Name: "data", MountPath: c.mountPath}, p.Name)
			}
		})
	}
}

func TestStorageHelpers(t *testing.T) {
	assert.Equal(t, corev1.ReadWriteMany, StorageAccessMode(&strimzi.ConnectStorage{}))
	assert.Equal(t, corev1.ReadOnlyMany, StorageAccessMode(&strimzi.ConnectStorage{AccessMode: "ReadOnlyMany"}))
	assert.Equal(t, "/var/lib/kafka/data", StorageMountPath(&strimzi.ConnectStorage{}))
	assert.Equal(t, "/mnt/x", StorageMountPath(&strimzi.ConnectStorage{MountPath: "/mnt/x"}))
	v := StorageVolumeFor("other")
	assert.Equal(t, "data", v.Name)
	assert.Equal(t, "data-other-connect", v.PersistentVolumeClaim.ClaimName)
}
