package stretch

import (
	"net"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// Provider is one way for nodes in different Kubernetes clusters to reach
// each other. It answers questions only; the brokerconfig package turns
// its endpoints into advertised.listeners and the quorum, so those strings
// have one format whatever the provider.
type Provider interface {
	// Name is spec.stretch[].network.provider, recorded on rendered objects.
	Name() string
	// Endpoint is where other clusters reach port p of node n.
	Endpoint(n Node, p Port) brokerconfig.Endpoint
	// ClusterObjects are the provider's objects in one cluster's bundle.
	ClusterObjects(m *kafka.Model, alias string) []specs.Object
	// NodeObjects are its objects for one node, in the node's own bundle.
	NodeObjects(m *kafka.Model, pool *kafka.Pool, n Node, ports []Port) []specs.Object
	// SANs are the names and addresses the node's certificate needs besides
	// Strimzi's own.
	SANs(n Node) (dns, ips []string)
	// Check reports configuration the nodes cannot work with, at field
	// paths of the function config.
	Check(net *Network, nodes []Node) []results.Problem
	// Note is a caveat of the provider the user must know, or "".
	Note() string
}

// addressSANs puts an address among the IP or the DNS SANs.
func addressSANs(addr string) (dns, ips []string) {
	if net.ParseIP(addr) != nil {
		return nil, []string{addr}
	}
	return []string{addr}, nil
}

// nodeService is a Service of type typ in front of one node, selected by its
// pod name, as Strimzi's per-pod Services are. Traffic policy Cluster: the
// advertised address need not be the node that runs the pod. It publishes
// not-ready addresses: a dual-role node is Ready only once its broker runs,
// which needs the quorum, which reaches the node's controller through this
// Service.
func nodeService(m *kafka.Model, pool *kafka.Pool, n Node, name string, typ corev1.ServiceType,
	ports []Port, nodePort func(Port) int32, annotations map[string]string) *corev1.Service {
	sp := make([]corev1.ServicePort, 0, len(ports))
	for _, p := range ports {
		sp = append(sp, corev1.ServicePort{
			Name: p.Name, Port: int32(p.Number), TargetPort: intstr.FromInt32(int32(p.Number)),
			Protocol: corev1.ProtocolTCP, NodePort: nodePort(p),
		})
	}
	if len(annotations) == 0 {
		annotations = nil
	}
	return &corev1.Service{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: m.Namespace, Labels: pool.Labels(), Annotations: annotations},
		Spec: corev1.ServiceSpec{
			Type:                     typ,
			Selector:                 m.PodSelector(pool, n.Node),
			Ports:                    sp,
			ExternalTrafficPolicy:    corev1.ServiceExternalTrafficPolicyCluster,
			PublishNotReadyAddresses: true,
		},
	}
}

func noNodePort(Port) int32 { return 0 }
