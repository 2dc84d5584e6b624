package connect

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// APIService returns the REST API Service <cluster>-connect-api
// (KafkaConnectCluster.generateService).
func (m *Model) APIService() *corev1.Service {
	ports := append([]corev1.ServicePort{specs.ServicePort(RESTPortName, RESTPort)}, m.jmx().ServicePorts()...)
	t := m.tmpl.APIService
	if t == nil {
		t = &strimzi.ServiceTemplate{}
	}
	svc := &corev1.Service{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: m.objectMeta(names.ConnectAPIService(m.Name),
			labels.Merge(m.resourceLabels, labels.UserMerged(t.Metadata.Labels)),
			labels.UserMerged(t.Metadata.Annotations)),
		Spec: corev1.ServiceSpec{
			Type:           corev1.ServiceTypeClusterIP,
			Selector:       m.selector(),
			Ports:          ports,
			IPFamilyPolicy: t.IPFamilyPolicy,
			IPFamilies:     t.IPFamilies,
		},
	}
	return svc
}

// HeadlessService returns <cluster>-connect, which gives each worker its
// DNS name (KafkaConnectCluster.generateHeadlessService).
func (m *Model) HeadlessService() *corev1.Service {
	t := m.tmpl.HeadlessService
	if t == nil {
		t = &strimzi.ServiceTemplate{}
	}
	return &corev1.Service{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: m.objectMeta(names.Connect(m.Name),
			labels.Merge(m.resourceLabels, t.Metadata.Labels), t.Metadata.Annotations),
		Spec: corev1.ServiceSpec{
			Type:                     corev1.ServiceTypeClusterIP,
			ClusterIP:                corev1.ClusterIPNone,
			Selector:                 m.selector(),
			Ports:                    []corev1.ServicePort{specs.ServicePort(RESTPortName, RESTPort)},
			PublishNotReadyAddresses: true,
			IPFamilyPolicy:           t.IPFamilyPolicy,
			IPFamilies:               t.IPFamilies,
		},
	}
}
