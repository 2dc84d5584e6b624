package volumes

import (
	"path"
	"regexp"
	"unicode/utf8"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/digest"
)

// Names and paths of the volumes Strimzi generates.
const (
	KubeAPIAccess          = "kube-api-access"
	KubeAPIAccessMountPath = "/var/run/secrets/kubernetes.io/serviceaccount"
	Tmp                    = "strimzi-tmp"
	TmpMountPath           = "/tmp"
	DefaultTmpSizeLimit    = "5Mi"
	Rack                   = "rack-volume"
	RackMountPath          = "/opt/kafka/init"
	PluginDir              = "/opt/kafka/plugins"
	AllowedMountPrefix     = "/mnt"
)

// ServiceAccountToken is the projected token volume Strimzi 1.2.0 mounts
// itself, because pods set automountServiceAccountToken: false.
func ServiceAccountToken() (corev1.Volume, corev1.VolumeMount) {
	return corev1.Volume{
			Name: KubeAPIAccess,
			VolumeSource: corev1.VolumeSource{Projected: &corev1.ProjectedVolumeSource{
				DefaultMode: ptr.To[int32](420),
				Sources: []corev1.VolumeProjection{
					{ServiceAccountToken: &corev1.ServiceAccountTokenProjection{Path: "token"}},
					{ConfigMap: &corev1.ConfigMapProjection{
						LocalObjectReference: corev1.LocalObjectReference{Name: "kube-root-ca.crt"},
						Items:                []corev1.KeyToPath{{Key: "ca.crt", Path: "ca.crt"}},
					}},
					{DownwardAPI: &corev1.DownwardAPIProjection{Items: []corev1.DownwardAPIVolumeFile{{
						Path:     "namespace",
						FieldRef: &corev1.ObjectFieldSelector{APIVersion: "v1", FieldPath: "metadata.namespace"},
					}}}},
				},
			}},
		}, corev1.VolumeMount{
			Name: KubeAPIAccess, MountPath: KubeAPIAccessMountPath, ReadOnly: true,
		}
}

// EmptyDirMemory is a memory-backed emptyDir (VolumeUtils.createEmptyDirVolume).
func EmptyDirMemory(name, sizeLimit string) corev1.Volume {
	var limit *resource.Quantity
	if sizeLimit != "" {
		q := resource.MustParse(sizeLimit) // callers pass validated sizes
		limit = &q
	}
	return corev1.Volume{Name: ValidName(name), VolumeSource: corev1.VolumeSource{
		EmptyDir: &corev1.EmptyDirVolumeSource{Medium: corev1.StorageMediumMemory, SizeLimit: limit},
	}}
}

// ConfigMap is a volume of a whole ConfigMap (VolumeUtils.createConfigMapVolume).
func ConfigMap(name, configMap string) corev1.Volume {
	return corev1.Volume{Name: ValidName(name), VolumeSource: corev1.VolumeSource{
		ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: configMap}},
	}}
}

// Mount is a mount of a Strimzi volume (VolumeUtils.createVolumeMount).
func Mount(name, mountPath string) corev1.VolumeMount {
	return corev1.VolumeMount{Name: ValidName(name), MountPath: mountPath}
}

// PluginVolumeName is plugin-<plugin>-<hashStub(reference)>.
func PluginVolumeName(plugin, reference string) string {
	return "plugin-" + plugin + "-" + digest.HashStub(reference)
}

// Plugin returns the image volume for one plugin artifact and its mount
// (KafkaConnectCluster.getMountedPluginVolumes and ...VolumeMounts). Both
// take their name from one call; validation rejects the names Strimzi would
// rewrite on the mount side only, so the two never differ.
func Plugin(plugin, reference string, pullPolicy corev1.PullPolicy) (corev1.Volume, corev1.VolumeMount) {
	name := PluginVolumeName(plugin, reference)
	return corev1.Volume{Name: name, VolumeSource: corev1.VolumeSource{
			Image: &corev1.ImageVolumeSource{Reference: reference, PullPolicy: pullPolicy},
		}}, corev1.VolumeMount{
			Name: name, MountPath: path.Join(PluginDir, plugin, digest.HashStub(reference)),
		}
}

var validVolumeName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$`)

// ValidName returns name unchanged when it is a valid volume name, else a
// shortened name with a hash suffix (VolumeUtils.getValidVolumeName).
func ValidName(name string) string {
	if validVolumeName.MatchString(name) {
		return name
	}
	stub := digest.HashStub(name)
	b := []byte(name)
	for i, c := range b {
		if c == '.' || c == '_' {
			b[i] = '-'
		}
	}
	if len(b) > 54 {
		// Java cuts 54 UTF-16 units; at a byte limit, a rune across the
		// cut would leave invalid UTF-8, so it goes whole.
		cut := 54
		for i := 0; i < utf8.UTFMax && cut > 0 && !utf8.RuneStart(b[cut]); i++ {
			cut--
		}
		b = b[:cut]
	}
	for len(b) > 0 && b[len(b)-1] == '-' {
		b = b[:len(b)-1]
	}
	return string(b) + "-" + stub
}

// EmptyDir is an emptyDir on the node's disk with an optional size limit
// (VolumeUtils.createEmptyDirVolume without a medium).
func EmptyDir(name, sizeLimit string) corev1.Volume {
	v := EmptyDirMemory(name, sizeLimit)
	v.EmptyDir.Medium = ""
	return v
}

// PersistentVolumeClaim is a volume of a claim (VolumeUtils.createPvcVolume).
func PersistentVolumeClaim(name, claim string) corev1.Volume {
	return corev1.Volume{Name: ValidName(name), VolumeSource: corev1.VolumeSource{
		PersistentVolumeClaim: &corev1.PersistentVolumeClaimVolumeSource{ClaimName: claim},
	}}
}
