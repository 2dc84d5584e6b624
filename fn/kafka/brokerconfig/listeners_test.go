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
		"loadbalancer": {
			listener: Listener{Name: "lb", Port: 9095, Type: ListenerLoadBalancer},
			err:      "listener lb of type loadbalancer: the advertised address of node 4 is not known before its Service exists",
		},
		"ingress": {
			listener: Listener{Name: "ing", Port: 9095, Type: ListenerIngress},
			err:      "listener ing of type ingress: the advertised address of node 4 is not known before its Ingress exists",
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
