package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"
)

var useConnectorResources = fixture{metadata: []string{"annotations: {strimzi.io/use-connector-resources: \"true\"}"}}

func tcpPort(p int) []networkingv1.NetworkPolicyPort {
	return []networkingv1.NetworkPolicyPort{{Port: ptr.To(intstr.FromInt(p)), Protocol: ptr.To(corev1.ProtocolTCP)}}
}

func TestNetworkPolicyOnlyWithConnectorResources(t *testing.T) {
	assert.Nil(t, connectModel(t).NetworkPolicy(), "without the annotation")
	assert.Nil(t, fixture{metadata: []string{"annotations: {strimzi.io/use-connector-resources: \"false\"}"}}.model(t).NetworkPolicy())
	assert.NotNil(t, fixture{metadata: []string{"annotations: {strimzi.io/use-connector-resources: \"TRUE\"}"}}.model(t).NetworkPolicy(),
		"the value is read case-insensitively")

	off := baselineConfig()
	off.Spec.NetworkPolicies = ptr.To(false)
	f := useConnectorResources
	f.cfg = off
	assert.Nil(t, f.model(t).NetworkPolicy(), "network policies switched off")
	assert.NotNil(t, useConnectorResources.model(t).NetworkPolicy())
}

func TestNetworkPolicyRules(t *testing.T) {
	np := useConnectorResources.model(t).NetworkPolicy()
	require.NotNil(t, np)
	assert.Equal(t, metav1.TypeMeta{APIVersion: "networking.k8s.io/v1", Kind: "NetworkPolicy"}, np.TypeMeta)
	assert.Equal(t, "my-connect-connect", np.Name)
	assert.Equal(t, "my-namespace", np.Namespace)
	assert.Equal(t, resourceLabels(nil), np.Labels)
	assert.Nil(t, np.Annotations, "the CR's annotations are not copied")
	assert.Equal(t, metav1.LabelSelector{MatchLabels: workerSelector}, np.Spec.PodSelector)
	assert.Equal(t, []networkingv1.NetworkPolicyIngressRule{{
		Ports: tcpPort(8083),
		From: []networkingv1.NetworkPolicyPeer{
			{PodSelector: &metav1.LabelSelector{MatchLabels: workerSelector}},
			{PodSelector: &metav1.LabelSelector{MatchLabels: map[string]string{"strimzi.io/kind": "cluster-operator"}},
				NamespaceSelector: &metav1.LabelSelector{}},
		},
	}}, np.Spec.Ingress, "the REST API is open to the workers and the operator only")
}

func TestNetworkPolicyOpensMetricsAndJMXToAll(t *testing.T) {
	np := useConnectorResources.model(t, "metricsConfig: {type: strimziMetricsReporter}", "jmxOptions: {}").NetworkPolicy()
	require.NotNil(t, np)
	require.Len(t, np.Spec.Ingress, 3)
	assert.Equal(t, tcpPort(8083), np.Spec.Ingress[0].Ports)
	assert.Equal(t, networkingv1.NetworkPolicyIngressRule{Ports: tcpPort(9404)}, np.Spec.Ingress[1])
	assert.Equal(t, networkingv1.NetworkPolicyIngressRule{Ports: tcpPort(9999)}, np.Spec.Ingress[2])

	jmxOnly := useConnectorResources.model(t, "jmxOptions: {}").NetworkPolicy()
	require.Len(t, jmxOnly.Spec.Ingress, 2)
	assert.Equal(t, networkingv1.NetworkPolicyIngressRule{Ports: tcpPort(9999)}, jmxOnly.Spec.Ingress[1])
}
