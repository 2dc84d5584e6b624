package entityoperator

import (
	"maps"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Pod annotations the operator sets from its cluster CA; a new CA starts at
// generation 0 (EntityOperatorReconciler.deployment).
const (
	annoClusterCACertGeneration = "strimzi.io/cluster-ca-cert-generation"
	annoClusterCAKeyGeneration  = "strimzi.io/cluster-ca-key-generation"
	initialCAGeneration         = "0"
)

// Deployment is <cluster>-entity-operator: one replica of the configured
// operators, replaced rather than rolled, as the template's strategy is
// ignored (EntityOperator.generateDeployment).
func (m *Model) Deployment() *appsv1.Deployment {
	var meta strimzi.MetadataTemplate
	if m.tmpl.Deployment != nil {
		meta = m.tmpl.Deployment.Metadata
	}
	pod := m.pod()
	spec := pods.Spec(m.tmpl.Pod, m.cfg, pods.Settings{
		ServiceAccountName: names.EntityOperator(m.cluster.Name),
		Volumes:            m.volumes(),
		Containers:         m.containers(),
		Affinity:           pod.Affinity,
	})
	// A Deployment's pod template leaves the restart policy to the API server.
	spec.RestartPolicy = ""
	return &appsv1.Deployment{
		TypeMeta: metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: m.objectMeta(names.EntityOperator(m.cluster.Name),
			labels.Merge(m.resourceLabels, meta.Labels), labels.UserMerged(meta.Annotations)),
		Spec: appsv1.DeploymentSpec{
			Replicas: ptr.To[int32](1),
			Selector: &metav1.LabelSelector{MatchLabels: m.selectorLabels()},
			Strategy: appsv1.DeploymentStrategy{Type: appsv1.RecreateDeploymentStrategyType},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: m.podLabels(pod), Annotations: m.podAnnotations(pod)},
				Spec:       spec,
			},
		},
	}
}

func (m *Model) pod() *strimzi.PodTemplate {
	if m.tmpl.Pod == nil {
		return &strimzi.PodTemplate{}
	}
	return m.tmpl.Pod
}

// podLabels are the Entity Operator's labels, the operator's custom labels
// and the template's (WorkloadUtils.createPodTemplateSpec).
func (m *Model) podLabels(pod *strimzi.PodTemplate) map[string]string {
	out := maps.Clone(m.resourceLabels)
	maps.Copy(out, m.cfg.CustomLabels.EntityOperator)
	maps.Copy(out, labels.UserMerged(pod.Metadata.Labels))
	return out
}

// podAnnotations are the CA generations, without the hash of the
// operators' certificates, which needs the certificates.
func (m *Model) podAnnotations(pod *strimzi.PodTemplate) map[string]string {
	out := map[string]string{
		annoClusterCACertGeneration: initialCAGeneration,
		annoClusterCAKeyGeneration:  initialCAGeneration,
	}
	maps.Copy(out, labels.UserMerged(pod.Metadata.Annotations))
	return out
}

// containers are the Topic Operator's, then the User Operator's
// (EntityOperator.createContainers).
func (m *Model) containers() []corev1.Container {
	var out []corev1.Container
	if m.Topic != nil {
		out = append(out, m.Topic.Container())
	}
	if m.User != nil {
		out = append(out, m.User.Container())
	}
	return out
}

// volumes are the service account token, each operator's volumes and the
// template's (EntityOperator.getVolumes).
func (m *Model) volumes() []corev1.Volume {
	token, _ := volumes.ServiceAccountToken()
	vols := []corev1.Volume{token}
	if m.Topic != nil {
		vols = append(vols, m.Topic.Volumes()...)
	}
	if m.User != nil {
		vols = append(vols, m.User.Volumes()...)
	}
	for _, v := range m.pod().Volumes {
		vols = append(vols, volumes.Additional(v))
	}
	return vols
}

// GeneratedVolumes are the names of the pod's own volumes, in the pod's
// order, which template volumes must not reuse. Validation calls it before
// sizes are checked, so it builds no volume.
func (m *Model) GeneratedVolumes() []string {
	out := []string{volumes.KubeAPIAccess}
	if m.Topic != nil {
		out = append(out, topicTmpVolume, topicConfigVolume)
		if m.Topic.cruiseControl {
			out = append(out, clusterCACertsVolume, cruiseControlAPIVolume)
		}
	}
	if m.User != nil {
		out = append(out, userConfigVolume, userTmpVolume)
	}
	return out
}

func (m *Model) objectMeta(name string, l, annotations map[string]string) metav1.ObjectMeta {
	return specs.ObjectMeta(name, m.cluster.Namespace, l, annotations)
}

// selectorLabels select the Entity Operator's pod (Labels.strimziSelectorLabels).
func (m *Model) selectorLabels() map[string]string { return labels.Selector(m.component) }
