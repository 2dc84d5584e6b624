package stretch

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// ServiceExport is a multicluster.x-k8s.io/v1alpha1 ServiceExport: it has
// no spec, its name is that of the Service it exports.
type ServiceExport struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
}

// mcs uses the Multi-Cluster Services API (KEP-1645): every cluster exports
// its headless Service under one name, so each node has the cluster set
// name <pod>.<alias>.<service>.<namespace>.svc.<domain>. The namespace is
// the same everywhere; the MCS controller creates the ServiceImports.
type mcs struct {
	cluster, namespace, domain string
	exportBootstrap            bool
}

func (p mcs) Name() string { return config.ProviderMCS }

func (p mcs) host(n Node) string {
	return n.Pod + "." + n.Alias + "." + p.serviceHost(names.KafkaBrokersService(p.cluster))
}

// serviceHost is a ClusterSetIP or headless Service's cluster set name.
func (p mcs) serviceHost(service string) string {
	return service + "." + p.namespace + ".svc." + p.domain
}

func (p mcs) Endpoint(n Node, port Port) brokerconfig.Endpoint {
	return brokerconfig.Endpoint{Host: p.host(n), Port: port.Number}
}

// ClusterObjects export the headless Service, and the bootstrap Service
// when asked, which gives clients of every cluster one bootstrap name.
func (p mcs) ClusterObjects(m *kafka.Model, _ string) []specs.Object {
	out := []specs.Object{p.export(m, names.KafkaBrokersService(p.cluster))}
	if p.exportBootstrap {
		out = append(out, p.export(m, names.KafkaBootstrapService(p.cluster)))
	}
	return out
}

func (p mcs) export(m *kafka.Model, service string) *ServiceExport {
	return &ServiceExport{
		TypeMeta:   metav1.TypeMeta{APIVersion: "multicluster.x-k8s.io/v1alpha1", Kind: "ServiceExport"},
		ObjectMeta: metav1.ObjectMeta{Name: service, Namespace: m.Namespace, Labels: m.Labels()},
	}
}

func (p mcs) NodeObjects(*kafka.Model, *kafka.Pool, Node, []Port) []specs.Object { return nil }

func (p mcs) SANs(n Node) (dns, ips []string) {
	return []string{
		p.host(n),
		p.serviceHost(names.KafkaBrokersService(p.cluster)),
		p.serviceHost(names.KafkaBootstrapService(p.cluster)),
	}, nil
}

func (p mcs) Check(*Network, []Node) []results.Problem { return nil }

func (p mcs) Note() string {
	return "MCS: each alias must be its cluster's MCS cluster ID (ClusterProperty cluster.clusterset.k8s.io, Submariner --clusterid, Cilium cluster name); " +
		"the MCS implementation must export headless Services with per-pod records (Cilium needs EndpointSlice synchronization) and honour publishNotReadyAddresses, which KRaft needs to form the quorum"
}
