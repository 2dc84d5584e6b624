package brokerconfig

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

func ptrTo[T any](v T) *T { return &v }

func TestListenerIdentifiers(t *testing.T) {
	l := Listener{Name: "tls", Port: 9093}
	assert.Equal(t, "tls-9093", l.Identifier())
	assert.Equal(t, "TLS_9093", l.EnvVarIdentifier())
	assert.Equal(t, "TLS-9093", l.configName())
}

func TestInClusterEndpoints(t *testing.T) {
	node := nodepools.Node{ID: 4, Pool: "pool-a", Pod: "my-cluster-pool-a-4", Broker: true}
	cases := map[string]struct {
		provider InCluster
		listener Listener
		want     Endpoint
		err      string
	}{
		"internal": {
			listener: Listener{Name: "plain", Port: 9092, Type: ListenerInternal},
			want:     Endpoint{"my-cluster-pool-a-4.my-cluster-kafka-brokers.my-ns.svc", 9092},
		},
		"internal with the service DNS domain": {
			listener: Listener{Name: "plain", Port: 9092, Type: ListenerInternal, Config: ListenerConfig{UseServiceDNSDomain: true}},
			want:     Endpoint{"my-cluster-pool-a-4.my-cluster-kafka-brokers.my-ns.svc.cluster.local", 9092},
		},
		"internal with a custom domain": {
			provider: InCluster{ClusterDomain: "corp.example"},
			listener: Listener{Name: "plain", Port: 9092, Type: ListenerInternal, Config: ListenerConfig{UseServiceDNSDomain: true}},
			want:     Endpoint{"my-cluster-pool-a-4.my-cluster-kafka-brokers.my-ns.svc.corp.example", 9092},
		},
		"cluster-ip": {
			listener: Listener{Name: "ext", Port: 9095, Type: ListenerClusterIP},
			want:     Endpoint{"my-cluster-pool-a-ext-4.my-ns.svc", 9095},
		},
		"cluster-ip named external on 9094 keeps the old service name": {
			listener: Listener{Name: "external", Port: 9094, Type: ListenerClusterIP, Config: ListenerConfig{UseServiceDNSDomain: true}},
			want:     Endpoint{"my-cluster-pool-a-4.my-ns.svc.cluster.local", 9094},
		},
		"cluster-ip named external on another port": {
			listener: Listener{Name: "external", Port: 9096, Type: ListenerClusterIP},
			want:     Endpoint{"my-cluster-pool-a-external-4.my-ns.svc", 9096},
		},
		"loadbalancer without an address": {
			listener: Listener{Name: "lb", Port: 9095, Type: ListenerLoadBalancer},
			want:     Endpoint{"", 9095},
		},
		"loadbalancer with the requested IP": {
			listener: Listener{Name: "lb", Port: 9095, Type: ListenerLoadBalancer, Config: ListenerConfig{Brokers: []ListenerBroker{{Broker: 4, LoadBalancerIP: "10.0.0.4"}}}},
			want:     Endpoint{"10.0.0.4", 9095},
		},
		"nodeport": {
			listener: Listener{Name: "np", Port: 9095, Type: ListenerNodePort, Config: ListenerConfig{Brokers: []ListenerBroker{{Broker: 4, NodePort: ptrTo(32004)}}}},
			want:     Endpoint{"${strimzifile:/opt/kafka/init/external.address:nodeport.default.address}", 32004},
		},
		"nodeport with a preferred address type": {
			listener: Listener{Name: "np", Port: 9095, Type: ListenerNodePort, Config: ListenerConfig{PreferredNodePortAddressType: "InternalDNS"}},
			want:     Endpoint{"${strimzifile:/opt/kafka/init/external.address:nodeport.internaldns.address}", 0},
		},
		"ingress from the host template": {
			listener: Listener{Name: "ing", Port: 9095, Type: ListenerIngress, Config: ListenerConfig{HostTemplate: "b-{nodeId}.{nodePodName}.example.com"}},
			want:     Endpoint{"b-4.my-cluster-pool-a-4.example.com", 443},
		},
		"route: a broker's host wins over the template": {
			listener: Listener{Name: "rt", Port: 9095, Type: ListenerRoute, Config: ListenerConfig{HostTemplate: "t-{nodeId}", Brokers: []ListenerBroker{{Broker: 4, Host: "four.example.com"}}}},
			want:     Endpoint{"four.example.com", 443},
		},
		"tlsroute": {
			listener: Listener{Name: "gw", Port: 9095, Type: ListenerTLSRoute, Config: ListenerConfig{Brokers: []ListenerBroker{{Broker: 4, Host: "four.example.com"}}}},
			want:     Endpoint{"four.example.com", 443},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			p := tc.provider
			p.Cluster, p.Namespace = "my-cluster", "my-ns"
			got, err := p.Endpoint(node, tc.listener)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestAdvertisedOverride(t *testing.T) {
	l := Listener{Name: "plain", Port: 9092, Config: ListenerConfig{Brokers: []ListenerBroker{
		{Broker: 1, AdvertisedHost: "one.example.com"},
		{Broker: 1, AdvertisedHost: "ignored.example.com", AdvertisedPort: ptrTo(1111)},
		{Broker: 2, AdvertisedPort: ptrTo(2222)},
	}}}
	base := Endpoint{"pod", 9092}
	assert.Equal(t, Endpoint{"one.example.com", 1111}, l.advertisedOverride(1, base))
	assert.Equal(t, Endpoint{"pod", 2222}, l.advertisedOverride(2, base))
	assert.Equal(t, base, l.advertisedOverride(3, base))
}

func TestAdvertisedHostTemplate(t *testing.T) {
	l := Listener{Name: "mesh", Port: 9095, Type: ListenerClusterIP, Config: ListenerConfig{
		AdvertisedHostTemplate: "{nodePodName}.{nodeId}.example.com",
		Brokers:                []ListenerBroker{{Broker: 1, AdvertisedHost: "one.example.com"}},
	}}
	base := Endpoint{"svc", 9095}
	assert.Equal(t, Endpoint{"c-p-0.0.example.com", 9095}, l.advertised(nodepools.Node{ID: 0, Pod: "c-p-0"}, base))
	assert.Equal(t, Endpoint{"one.example.com", 9095}, l.advertised(nodepools.Node{ID: 1, Pod: "c-p-1"}, base), "brokers[] wins")
}

func TestPortTemplate(t *testing.T) {
	cases := map[string]struct {
		template string
		want     int
		err      bool
	}{
		"sum":         {template: "32000 + {nodeId}", want: 32007},
		"product":     {template: "(9000 + {nodeId}) * 2 - 1", want: 18013},
		"negative":    {template: "-{nodeId} + 10", want: 3},
		"decimal":     {template: "100.9", want: 100},
		"not a sum":   {template: "{nodeId} / 2", err: true},
		"unbalanced":  {template: "(1 + 2", err: true},
		"placeholder": {template: "{nodePodName}", err: true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := PortTemplate(tc.template, 7)
			if tc.err {
				require.EqualError(t, err, "Invalid advertised port template: "+tc.template)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestMissingAddress(t *testing.T) {
	n := nodepools.Node{ID: 3, Pod: "c-p-3", Broker: true}
	np := Listener{Name: "np", Port: 9095, Type: ListenerNodePort}
	assert.True(t, np.MissingAddress(n))
	assert.Contains(t, np.AddressHint("broker 3"), "pin it with configuration.brokers[].nodePort for broker 3")
	np.Config.AdvertisedPortTemplate = "32000 + {nodeId}"
	assert.False(t, np.MissingAddress(n))
	lb := Listener{Name: "lb", Port: 9095, Type: ListenerLoadBalancer, Config: ListenerConfig{AdvertisedHostTemplate: "lb-{nodeId}.example.com"}}
	assert.False(t, lb.MissingAddress(n))
	assert.False(t, Listener{Name: "i", Port: 9092, Type: ListenerInternal}.MissingAddress(n))
}
