package pods

import (
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"
)

// StatefulSetPodNameEnv holds the pod's name in containers of a StatefulSet
// pod template, for subPathExpr: the one value that differs between the
// pods of the set and that a volume mount can select by.
const StatefulSetPodNameEnv = "POD_NAME"

// PodNameEnv is StatefulSetPodNameEnv from the downward API.
func PodNameEnv() corev1.EnvVar {
	return corev1.EnvVar{Name: StatefulSetPodNameEnv, ValueFrom: &corev1.EnvVarSource{
		FieldRef: &corev1.ObjectFieldSelector{FieldPath: "metadata.name"},
	}}
}

// StatefulSetForm describes the StatefulSet of a group of pods named
// <name>-<ordinal>.
type StatefulSetForm struct {
	Replicas int32
	// FirstOrdinal numbers the pods from this ordinal up (spec.ordinals.start).
	FirstOrdinal int32
	// ServiceName is the headless Service that gives each pod its DNS name.
	ServiceName string
	Selector    map[string]string
	Template    corev1.PodTemplateSpec
	Claims      []corev1.PersistentVolumeClaim
	// DeleteClaims deletes the claims with the set and on scale-down.
	DeleteClaims bool
}

// NewStatefulSet returns an apps/v1 StatefulSet. Pods start and stop in
// parallel: a KRaft quorum needs its controllers up together, and with
// OrderedReady the first controller would wait for a readiness that needs
// the quorum. Changes still roll one pod at a time, from the highest
// ordinal down, each waiting for the replaced pod to be Ready.
func NewStatefulSet(meta metav1.ObjectMeta, f StatefulSetForm) *appsv1.StatefulSet {
	policy := appsv1.RetainPersistentVolumeClaimRetentionPolicyType
	if f.DeleteClaims {
		policy = appsv1.DeletePersistentVolumeClaimRetentionPolicyType
	}
	return &appsv1.StatefulSet{
		TypeMeta:   metav1.TypeMeta{APIVersion: "apps/v1", Kind: "StatefulSet"},
		ObjectMeta: meta,
		Spec: appsv1.StatefulSetSpec{
			Replicas:             ptr.To(f.Replicas),
			Ordinals:             &appsv1.StatefulSetOrdinals{Start: f.FirstOrdinal},
			Selector:             &metav1.LabelSelector{MatchLabels: f.Selector},
			Template:             f.Template,
			VolumeClaimTemplates: f.Claims,
			ServiceName:          f.ServiceName,
			PodManagementPolicy:  appsv1.ParallelPodManagement,
			UpdateStrategy:       appsv1.StatefulSetUpdateStrategy{Type: appsv1.RollingUpdateStatefulSetStrategyType},
			PersistentVolumeClaimRetentionPolicy: &appsv1.StatefulSetPersistentVolumeClaimRetentionPolicy{
				WhenDeleted: policy, WhenScaled: policy,
			},
		},
	}
}
