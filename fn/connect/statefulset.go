package connect

import (
	"encoding/json"
	"maps"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/digest"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// StatefulSet returns the StatefulSet <cluster>-connect whose controller
// creates the workers <cluster>-connect-<i>, with the names and DNS names
// of the Pod form through the headless Service <cluster>-connect. Workers
// share one configuration, so the template is worker 0's pod without what
// the StatefulSet sets per pod. The configuration hash covers the whole
// worker ConfigMap: without an operator to change logging levels at run
// time, a logging change rolls the workers too.
func (m *Model) StatefulSet() *appsv1.StatefulSet {
	annotations := map[string]string{}
	if m.build != nil {
		annotations[AnnoBuildRevision] = m.build.Revision
	}
	var tmplMeta strimzi.MetadataTemplate
	if m.tmpl.PodSet != nil {
		tmplMeta = m.tmpl.PodSet.Metadata
	}
	maps.Copy(annotations, labels.UserMerged(tmplMeta.Annotations))
	return pods.NewStatefulSet(
		m.objectMeta(names.Connect(m.Name), labels.Merge(m.resourceLabels, tmplMeta.Labels), annotations),
		pods.StatefulSetForm{
			Replicas:    m.Replicas,
			ServiceName: names.Connect(m.Name),
			Selector:    m.selector(),
			Template:    m.podTemplateSpec(),
		})
}

func (m *Model) podTemplateSpec() corev1.PodTemplateSpec {
	pod := m.pod(0)
	podLabels := pod.Labels
	for _, perPod := range []string{labels.PodName, labels.StatefulSetPodName, labels.Controller, labels.ControllerName} {
		delete(podLabels, perPod)
	}
	annotations := pod.Annotations
	delete(annotations, pods.AnnoRevision)
	delete(annotations, pods.AnnoResourceRevision)
	data, _ := json.Marshal(m.ConfigMap().Data) // maps of strings always marshal
	annotations[pods.AnnoConfigurationHash] = digest.HashStubBytes(data)
	spec := pod.Spec
	spec.Hostname, spec.Subdomain = "", ""
	return corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: podLabels, Annotations: annotations}, Spec: spec}
}
