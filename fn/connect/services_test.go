package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"
)

var (
	restServicePort = corev1.ServicePort{Name: "rest-api", Port: 8083, TargetPort: intstr.FromString("rest-api"), Protocol: corev1.ProtocolTCP}
	jmxServicePort  = corev1.ServicePort{Name: "jmx", Port: 9999, TargetPort: intstr.FromString("jmx"), Protocol: corev1.ProtocolTCP}
)

func TestAPIService(t *testing.T) {
	svc := connectModel(t).APIService()
	assert.Equal(t, metav1.TypeMeta{APIVersion: "v1", Kind: "Service"}, svc.TypeMeta)
	assert.Equal(t, "my-connect-connect-api", svc.Name)
	assert.Equal(t, "my-namespace", svc.Namespace)
	assert.Equal(t, resourceLabels(nil), svc.Labels)
	assert.Nil(t, svc.Annotations)
	assert.Nil(t, svc.OwnerReferences)
	assert.Equal(t, corev1.ServiceTypeClusterIP, svc.Spec.Type)
	assert.Empty(t, svc.Spec.ClusterIP)
	assert.Equal(t, workerSelector, svc.Spec.Selector)
	assert.Equal(t, []corev1.ServicePort{restServicePort}, svc.Spec.Ports)
	assert.Nil(t, svc.Spec.IPFamilyPolicy)
	assert.Nil(t, svc.Spec.IPFamilies)
}

func TestAPIServiceWithJMXAndTemplate(t *testing.T) {
	svc := connectModel(t,
		"jmxOptions: {}",
		"template: {apiService: {metadata: {labels: {team: a, app.kubernetes.io/name: dropped}, "+
			"annotations: {note: b, app.kubernetes.io/note: dropped}}, ipFamilyPolicy: PreferDualStack, ipFamilies: [IPv6, IPv4]}}",
	).APIService()
	assert.Equal(t, []corev1.ServicePort{restServicePort, jmxServicePort}, svc.Spec.Ports, "JMX is reachable through the API Service")
	assert.Equal(t, resourceLabels(map[string]string{"team": "a"}), svc.Labels, "app.kubernetes.io labels of the template are dropped")
	assert.Equal(t, map[string]string{"note": "b"}, svc.Annotations)
	assert.Equal(t, ptr.To(corev1.IPFamilyPolicyPreferDualStack), svc.Spec.IPFamilyPolicy)
	assert.Equal(t, []corev1.IPFamily{corev1.IPv6Protocol, corev1.IPv4Protocol}, svc.Spec.IPFamilies)
}

func TestHeadlessService(t *testing.T) {
	svc := connectModel(t, "jmxOptions: {}").HeadlessService()
	assert.Equal(t, metav1.TypeMeta{APIVersion: "v1", Kind: "Service"}, svc.TypeMeta)
	assert.Equal(t, "my-connect-connect", svc.Name)
	assert.Equal(t, "my-namespace", svc.Namespace)
	assert.Equal(t, resourceLabels(nil), svc.Labels)
	assert.Nil(t, svc.Annotations)
	assert.Equal(t, corev1.ServiceTypeClusterIP, svc.Spec.Type)
	assert.Equal(t, corev1.ClusterIPNone, svc.Spec.ClusterIP)
	assert.True(t, svc.Spec.PublishNotReadyAddresses, "workers find each other before they are ready")
	assert.Equal(t, workerSelector, svc.Spec.Selector)
	assert.Equal(t, []corev1.ServicePort{restServicePort}, svc.Spec.Ports, "never the JMX port")
}

func TestHeadlessServiceTemplate(t *testing.T) {
	svc := connectModel(t,
		"template: {headlessService: {metadata: {labels: {team: a}, annotations: {note: b}}, ipFamilyPolicy: SingleStack, ipFamilies: [IPv4]}}",
	).HeadlessService()
	assert.Equal(t, resourceLabels(map[string]string{"team": "a"}), svc.Labels)
	assert.Equal(t, map[string]string{"note": "b"}, svc.Annotations)
	assert.Equal(t, ptr.To(corev1.IPFamilyPolicySingleStack), svc.Spec.IPFamilyPolicy)
	assert.Equal(t, []corev1.IPFamily{corev1.IPv4Protocol}, svc.Spec.IPFamilies)
}
