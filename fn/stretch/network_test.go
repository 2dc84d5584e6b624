package stretch

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// providers configures every provider for the pools of fixture: central
// runs controllers (node 0-2 are in pool a-controllers, sorted first),
// east and west run brokers and a dual-role node each.
var providers = map[string]string{
	config.ProviderMCS: "provider: mcs",
	config.ProviderNodePort: `provider: nodeport
    nodePort: {portBase: 31000}`,
	config.ProviderLoadBalancer: "provider: loadbalancer",
	config.ProviderDNSTemplate:  "provider: dnsTemplate\n    dnsTemplate: {host: '{nodeId}.{alias}.{namespace}.example.com'}",
}

const fixtureClusters = `
  - alias: central
    nodePort: {address: 10.0.1.10}
    loadBalancer: {addresses: {"0": 10.1.0.0, "1": 10.1.0.1, "2": 10.1.0.2}}
  - alias: east
    nodePort: {address: east.example.com}
    loadBalancer: {addresses: {"3": 10.1.0.3, "4": 10.1.0.4, "5": 10.1.0.5}}
  - alias: west
    nodePort: {address: 10.0.3.10}
    loadBalancer: {addresses: {"6": 10.1.0.6, "7": 10.1.0.7}}
`

func pool(name, alias string, replicas int, roles ...string) string {
	return fmt.Sprintf(`apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: %s
  namespace: kafka
  labels: {strimzi.io/cluster: my-cluster}
  annotations: {strimzi.io/stretch-cluster-alias: %s}
spec:
  replicas: %d
  roles: [%s]
  storage: {type: persistent-claim, size: 10Gi}
`, name, alias, replicas, strings.Join(roles, ", "))
}

const kafkaCR = `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: my-cluster
  namespace: kafka
  annotations: {strimzi.io/enable-stretch-cluster: "true"}
spec:
  kafka:
    listeners:
    - {name: plain, port: 9092, type: internal, tls: false}
    - {name: tls, port: 9093, type: internal, tls: true, authentication: {type: tls}}
`

type fixture struct {
	cfg   *config.StrimziRender
	k     *strimzi.Kafka
	pools []*strimzi.KafkaNodePool
	net   *Network
	m     *kafka.Model
}

func newFixture(t *testing.T, provider, quorum string) *fixture {
	t.Helper()
	network := providers[provider]
	if provider == config.ProviderLoadBalancer {
		network += "\n    loadBalancer: {annotationKey: metallb.universe.tf/loadBalancerIPs}"
	}
	clusters := fixtureClusters
	if provider != config.ProviderNodePort {
		clusters = strings.ReplaceAll(clusters, "    nodePort:", "    #")
	}
	if provider != config.ProviderLoadBalancer {
		clusters = strings.ReplaceAll(clusters, "    loadBalancer:", "    #")
	}
	fc := fmt.Sprintf(`apiVersion: fn.strimzi-render.dev/v1alpha1
kind: StrimziRender
metadata: {name: render}
spec:
  workload: Pod
  stretch:
  - kafka: my-cluster
    centralAlias: central
    quorum: %s
    clusters:%s
    network:
      %s
`, quorum, strings.ReplaceAll(clusters, "\n", "\n  "), strings.ReplaceAll(network, "\n    ", "\n      "))
	cfg, errs := config.Load(yaml.MustParse(fc))
	require.Empty(t, errs)
	f := &fixture{cfg: cfg}
	var err error
	f.k, err = strimzi.DecodeKafka(yaml.MustParse(kafkaCR))
	require.NoError(t, err)
	for _, p := range []string{
		pool("a-controllers", "central", 3, "controller"),
		pool("east", "east", 3, "broker", "controller"),
		pool("west", "west", 2, "broker"),
	} {
		cr, err := strimzi.DecodeKafkaNodePool(yaml.MustParse(p))
		require.NoError(t, err)
		f.pools = append(f.pools, cr)
	}
	in := Validate(f.k, f.pools, cfg.Spec.Stretch)
	require.Empty(t, in.Problems)
	require.True(t, in.Stretched)
	f.net = New(f.k, f.pools, cfg.Spec.Stretch, in.Index, cfg.Spec.ClusterDomain)
	f.m, err = kafka.New(f.k, f.pools, cfg, kafka.Inputs{}, f.net)
	require.NoError(t, err)
	require.Empty(t, f.net.Check(f.m))
	return f
}

func configLine(t *testing.T, text, key string) string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(l, key+"="); ok {
			return v
		}
	}
	return ""
}

// TestQuorumProperties holds for every provider and quorum form: voters are
// sorted by node ID and on port 9090 or its node port, and every
// controller's advertised CONTROLPLANE-9090 address is its voter entry.
func TestQuorumProperties(t *testing.T) {
	for provider := range providers {
		for _, quorum := range []string{config.QuorumStatic, config.QuorumDynamic} {
			t.Run(provider+"/"+quorum, func(t *testing.T) {
				f := newFixture(t, provider, quorum)
				c := f.m.Cluster
				voters := strings.Split(c.Voters(), ",")
				require.Len(t, voters, 6, "controllers 0-2 in central, 3-5 in east")
				prev := -1
				entry := map[int]string{}
				for _, v := range voters {
					id, addr, ok := strings.Cut(v, "@")
					require.True(t, ok, v)
					n, err := strconv.Atoi(id)
					require.NoError(t, err)
					assert.Greater(t, n, prev, "voters sorted by node ID")
					prev = n
					entry[n] = addr
				}
				for _, n := range c.Nodes {
					text := f.m.ServerConfig(n.ID)
					if quorum == config.QuorumStatic {
						assert.Equal(t, c.Voters(), configLine(t, text, "controller.quorum.voters"))
					} else {
						assert.Equal(t, c.BootstrapServers(), configLine(t, text, "controller.quorum.bootstrap.servers"))
					}
					var cp string
					for _, a := range strings.Split(configLine(t, text, "advertised.listeners"), ",") {
						if v, ok := strings.CutPrefix(a, "CONTROLPLANE-9090://"); ok {
							cp = v
						}
					}
					if n.Controller {
						assert.Equal(t, entry[n.ID], cp, "node %d advertises its voter entry", n.ID)
						port := f.net.ControlPlane(n).Port
						if provider != config.ProviderNodePort {
							assert.Equal(t, brokerconfig.ControlPlanePort, port)
						}
					} else {
						assert.Empty(t, cp, "broker %d has no control plane", n.ID)
					}
					if n.Broker {
						assert.Equal(t, f.net.Alias(n.Pool), configLine(t, text, "broker.rack"))
					}
				}
			})
		}
	}
}

// TestEndpoints pins each provider's address of node 4 (pool east).
func TestEndpoints(t *testing.T) {
	cases := map[string]struct{ controlPlane, replication, tls string }{
		config.ProviderMCS: {
			"my-cluster-east-4.east.my-cluster-kafka-brokers.kafka.svc.clusterset.local:9090",
			"my-cluster-east-4.east.my-cluster-kafka-brokers.kafka.svc.clusterset.local:9091",
			"my-cluster-east-4.east.my-cluster-kafka-brokers.kafka.svc.clusterset.local:9093",
		},
		config.ProviderNodePort:     {"east.example.com:31040", "east.example.com:31041", "east.example.com:31043"},
		config.ProviderLoadBalancer: {"10.1.0.4:9090", "10.1.0.4:9091", "10.1.0.4:9093"},
		config.ProviderDNSTemplate:  {"4.east.kafka.example.com:9090", "4.east.kafka.example.com:9091", "4.east.kafka.example.com:9093"},
	}
	for provider, want := range cases {
		t.Run(provider, func(t *testing.T) {
			f := newFixture(t, provider, config.QuorumStatic)
			n := nodeOf(t, f, 4)
			assert.Equal(t, want.controlPlane, f.net.ControlPlane(n).String())
			assert.Equal(t, want.replication, f.net.Replication(n).String())
			e, err := f.net.Endpoint(n, brokerconfig.Listener{Name: "tls", Port: 9093, Type: brokerconfig.ListenerInternal})
			require.NoError(t, err)
			assert.Equal(t, want.tls, e.String())
		})
	}
}

func nodeOf(t *testing.T, f *fixture, id int) nodepools.Node {
	t.Helper()
	for _, n := range f.m.Cluster.Nodes {
		if n.ID == id {
			return n
		}
	}
	t.Fatalf("no node %d", id)
	return nodepools.Node{}
}

// TestBundles checks placement: node-bound objects only in their pool's
// bundle, shared ones in every bundle with local counts, provider objects
// where they belong, and never a CA key or an owner reference.
func TestBundles(t *testing.T) {
	for provider := range providers {
		t.Run(provider, func(t *testing.T) {
			f := newFixture(t, provider, config.QuorumStatic)
			r := f.net.Render(f.m)
			require.Len(t, r.Bundles, 3)
			local := map[string]int{"central": 3, "east": 3, "west": 2}
			for _, b := range r.Bundles {
				gc, ok := b.Objects[0].(*corev1.ConfigMap)
				require.True(t, ok, "the inventory ConfigMap comes first")
				assert.Equal(t, "my-cluster-kafka-gc", gc.Name)
				assert.Equal(t, b.Alias, gc.Data["cluster-id"])
				exports := 0
				for _, o := range b.Objects {
					meta := o.(metav1.Object)
					assert.Equal(t, b.Alias, meta.GetAnnotations()[AnnoCluster])
					assert.Equal(t, provider, meta.GetAnnotations()[AnnoProvider])
					assert.Empty(t, meta.GetOwnerReferences())
					switch o := o.(type) {
					case *policyv1.PodDisruptionBudget:
						assert.Equal(t, int32(local[b.Alias]-1), o.Spec.MinAvailable.IntVal, "PDB over local pods")
					case *rbacv1.Role:
						for _, name := range o.Rules[0].ResourceNames {
							assert.NotContains(t, []string{"my-cluster-cluster-ca", "my-cluster-clients-ca"}, name, "no CA key")
							if strings.HasPrefix(name, "my-cluster-") && strings.Count(name, "-") == 3 && !strings.HasSuffix(name, "-cert") {
								assert.Equal(t, b.Alias, f.net.Alias(poolOfPod(name)), "only local node Secrets: %s", name)
							}
						}
					case *ServiceExport:
						exports++
					}
				}
				if provider == config.ProviderMCS {
					assert.Equal(t, 1, exports)
				} else {
					assert.Zero(t, exports)
				}
			}
			for _, p := range f.m.Pools {
				perNode := 0
				for _, o := range r.Pools[p.Name] {
					meta := o.(metav1.Object)
					assert.Equal(t, f.net.Alias(p.Name), meta.GetAnnotations()[AnnoCluster], "%s", meta.GetName())
					if s, ok := o.(*corev1.Service); ok {
						perNode++
						assert.Equal(t, corev1.ServiceExternalTrafficPolicyCluster, s.Spec.ExternalTrafficPolicy)
						assert.Contains(t, s.Spec.Selector, "strimzi.io/pod-name")
					}
				}
				switch provider {
				case config.ProviderNodePort, config.ProviderLoadBalancer:
					assert.Equal(t, len(p.Nodes), perNode, "one Service per node of %s", p.Name)
				default:
					assert.Zero(t, perNode)
				}
			}
		})
	}
}

// poolOfPod reads the pool of my-cluster-<pool>-<id>.
func poolOfPod(pod string) string {
	s := strings.TrimPrefix(pod, "my-cluster-")
	return s[:strings.LastIndexByte(s, '-')]
}

func TestSANs(t *testing.T) {
	cases := map[string]struct{ dns, ips []string }{
		config.ProviderMCS: {dns: []string{
			"my-cluster-east-4.east.my-cluster-kafka-brokers.kafka.svc.clusterset.local",
			"my-cluster-kafka-brokers.kafka.svc.clusterset.local",
			"my-cluster-kafka-bootstrap.kafka.svc.clusterset.local",
		}},
		config.ProviderNodePort:     {dns: []string{"east.example.com"}},
		config.ProviderLoadBalancer: {ips: []string{"10.1.0.4"}},
		config.ProviderDNSTemplate:  {dns: []string{"4.east.kafka.example.com"}},
	}
	for provider, want := range cases {
		t.Run(provider, func(t *testing.T) {
			f := newFixture(t, provider, config.QuorumStatic)
			dns, ips := f.m.CertificateNames(nodeOf(t, f, 4))
			assert.Equal(t, "my-cluster-kafka-bootstrap", dns[0], "Strimzi's names first")
			assert.Contains(t, dns, "my-cluster-east-4.my-cluster-kafka-brokers.kafka.svc.cluster.local")
			assert.Equal(t, len(want.dns), len(dns)-10)
			if len(want.dns) > 0 {
				assert.Equal(t, want.dns, dns[10:], "then the provider's")
			}
			assert.Equal(t, want.ips, ips)
		})
	}
}

func TestNodePortPorts(t *testing.T) {
	f := newFixture(t, config.ProviderNodePort, config.QuorumStatic)
	ports := func(id int) []string {
		var out []string
		for _, o := range f.net.Render(f.m).Pools[nodeOf(t, f, id).Pool] {
			if s, ok := o.(*corev1.Service); ok && s.Name == nodeOf(t, f, id).Pod+"-nodeport" {
				for _, p := range s.Spec.Ports {
					out = append(out, fmt.Sprintf("%s:%d>%d", p.Name, p.Port, p.NodePort))
				}
			}
		}
		return out
	}
	assert.Equal(t, []string{"tcp-ctrlplane:9090>31000"}, ports(0), "a controller exposes the control plane only")
	assert.Equal(t, []string{"tcp-ctrlplane:9090>31040", "tcp-replication:9091>31041", "tcp-clients:9092>31042", "tcp-clientstls:9093>31043"}, ports(4))
	assert.Equal(t, []string{"tcp-replication:9091>31061", "tcp-clients:9092>31062", "tcp-clientstls:9093>31063"}, ports(6), "a broker has no control plane")
}
