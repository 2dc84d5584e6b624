package stretch

import (
	"fmt"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// dnsTemplate gives each node a host from a template, for networks where
// pods of all clusters already reach each other (Istio multi-primary,
// Cilium global services, flat pod networks, custom DNS). It renders no
// objects: the names must resolve by other means.
type dnsTemplate struct {
	cluster, namespace, host string
}

func (p dnsTemplate) Name() string { return config.ProviderDNSTemplate }

func (p dnsTemplate) hostOf(n Node) string {
	return strings.NewReplacer(
		"{pod}", n.Pod, "{alias}", n.Alias, "{service}", names.KafkaBrokersService(p.cluster),
		"{namespace}", p.namespace, "{nodeId}", strconv.Itoa(n.ID),
	).Replace(p.host)
}

func (p dnsTemplate) Endpoint(n Node, port Port) brokerconfig.Endpoint {
	return brokerconfig.Endpoint{Host: p.hostOf(n), Port: port.Number}
}

func (p dnsTemplate) ClusterObjects(*kafka.Model, string) []specs.Object { return nil }

func (p dnsTemplate) NodeObjects(*kafka.Model, *kafka.Pool, Node, []Port) []specs.Object { return nil }

func (p dnsTemplate) SANs(n Node) (dns, ips []string) { return []string{p.hostOf(n)}, nil }

// Check makes every node's host a distinct DNS name.
func (p dnsTemplate) Check(net *Network, nodes []Node) []results.Problem {
	var out []results.Problem
	path := net.path("network.dnsTemplate.host")
	seen := map[string]int{}
	for _, n := range nodes {
		h := p.hostOf(n)
		if msgs := validation.IsDNS1123Subdomain(h); len(msgs) > 0 {
			out = append(out, results.Problem{Path: path, Message: fmt.Sprintf("Kafka %s: host %q of node %d is not a DNS name: %s", net.Cluster, h, n.ID, msgs[0])})
		}
		if prev, ok := seen[h]; ok {
			out = append(out, results.Problem{Path: path, Message: fmt.Sprintf("Kafka %s: nodes %d and %d would both be %s", net.Cluster, prev, n.ID, h)})
		}
		seen[h] = n.ID
	}
	return out
}

func (p dnsTemplate) Note() string {
	return "DNS template: strimzi-render renders no objects for these names; they must resolve in every cluster to the node's pod, on its container ports, before the pods start"
}
