package brokerconfig

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

func TestCertificateNames(t *testing.T) {
	broker := nodepools.Node{ID: 1, Pool: "b", Pod: "c-b-1", Broker: true}
	listeners := []Listener{
		{Name: "plain", Port: 9092, Type: ListenerInternal, Config: ListenerConfig{AdvertisedHostTemplate: "plain-{nodeId}.example.com"}},
		{Name: "tls", Port: 9093, Type: ListenerInternal, TLS: true, Config: ListenerConfig{AdvertisedHostTemplate: "tls-{nodeId}.example.com"}},
		{Name: "mesh", Port: 9094, Type: ListenerClusterIP, TLS: true, Config: ListenerConfig{AlternativeNames: []string{"alt.example.com"}}},
		{Name: "lb", Port: 9095, Type: ListenerLoadBalancer, Config: ListenerConfig{
			BootstrapLoadBalancerIP: "10.0.0.1", Brokers: []ListenerBroker{{Broker: 1, LoadBalancerIP: "10.0.0.11"}},
		}},
		{Name: "np", Port: 9096, Type: ListenerNodePort, Config: ListenerConfig{Brokers: []ListenerBroker{{Broker: 1, AdvertisedHost: "np-1.example.com"}}}},
		{Name: "ing", Port: 9097, Type: ListenerIngress, TLS: true, Config: ListenerConfig{BootstrapHost: "bootstrap.example.com", HostTemplate: "broker-{nodeId}.example.com"}},
	}
	dns, ips := CertificateNames(listeners, broker, "c", "ns", "")
	assert.Equal(t, []string{
		"alt.example.com",
		"c-kafka-mesh-bootstrap", "c-kafka-mesh-bootstrap.ns", "c-kafka-mesh-bootstrap.ns.svc", "c-kafka-mesh-bootstrap.ns.svc.cluster.local",
		"bootstrap.example.com",
		"tls-1.example.com", "c-b-mesh-1.ns.svc", "np-1.example.com", "broker-1.example.com",
	}, dns, "the TLS-less internal listener's advertised host is left out")
	assert.Equal(t, []string{"10.0.0.1", "10.0.0.11"}, ips)

	dns, ips = CertificateNames(listeners, nodepools.Node{ID: 2, Pod: "c-c-2", Controller: true}, "c", "ns", "")
	assert.Empty(t, dns, "controllers get no listener names")
	assert.Empty(t, ips)
}
