package brokerconfig

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

// Cases of Strimzi's KafkaBrokerConfigurationBuilderTest that apply to 1.2.0,
// with the expected lines copied from it. Like its isEquivalent matcher they
// compare lines without order, comments or blank lines, and each renders one
// builder step. Strimzi's tests use the namespace "namespace" for Secrets and
// "my-namespace" in host names, so the endpoints come from a provider.

// strimziNode is the test's NODE_REF: broker my-cluster-kafka-2.
var strimziNode = nodepools.Node{ID: 2, Pool: "kafka", Pod: "my-cluster-kafka-2", Broker: true}

// dummyEndpoints answers every user listener with one fixed address.
type dummyEndpoints struct {
	InCluster
	host string
	port int
}

func (d dummyEndpoints) Endpoint(nodepools.Node, Listener) (Endpoint, error) {
	return Endpoint{d.host, d.port}, nil
}

func strimziCluster() *Cluster {
	return &Cluster{
		Name:      "my-cluster",
		Namespace: "namespace",
		Endpoints: dummyEndpoints{InCluster{Cluster: "my-cluster", Namespace: "my-namespace"}, "dummy-advertised-address", 1919},
	}
}

// internalListenerLines are the lines every listener test expects for the
// control-plane and, on brokers, the replication listener of a pod.
func internalListenerLines(pod string, broker bool) []string {
	names := []string{"controlplane-9090"}
	if broker {
		names = append(names, "replication-9091")
	}
	var out []string
	for _, l := range names {
		out = append(out,
			"listener.name."+l+".ssl.keystore.certificate.chain=${strimzisecrets:namespace/"+pod+":"+pod+".crt}",
			"listener.name."+l+".ssl.keystore.key=${strimzisecrets:namespace/"+pod+":"+pod+".key}",
			"listener.name."+l+".ssl.keystore.type=PEM",
			"listener.name."+l+".ssl.truststore.certificates=${strimzisecrets:namespace/my-cluster-trustbundle:cluster-ca.crt}",
			"listener.name."+l+".ssl.truststore.type=PEM",
			"listener.name."+l+".ssl.client.auth=required",
		)
	}
	return out
}

// commonLines are the closing lines of the common listener section of
// NODE_REF with one listener.
func commonLines(listener, protocol, advertised string) []string {
	return []string{
		"listeners=REPLICATION-9091://0.0.0.0:9091," + listener,
		"advertised.listeners=REPLICATION-9091://my-cluster-kafka-2.my-cluster-kafka-brokers.my-namespace.svc:9091," + advertised,
		"listener.security.protocol.map=CONTROLPLANE-9090:SSL,REPLICATION-9091:SSL," + protocol,
		"inter.broker.listener.name=REPLICATION-9091",
		"sasl.enabled.mechanisms=",
		"ssl.endpoint.identification.algorithm=HTTPS",
	}
}

func keystoreLines(listener, pod, crt string) []string {
	return []string{
		"listener.name." + listener + ".ssl.keystore.certificate.chain=${strimzisecrets:namespace/" + pod + ":" + crt + ".crt}",
		"listener.name." + listener + ".ssl.keystore.key=${strimzisecrets:namespace/" + pod + ":" + crt + ".key}",
		"listener.name." + listener + ".ssl.keystore.type=PEM",
	}
}

func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestBuilderListeners(t *testing.T) {
	internal := func(name string, port int, tls bool) Listener {
		return Listener{Name: name, Port: port, Type: ListenerInternal, TLS: tls}
	}
	external := func(typ string, tls bool) Listener {
		return Listener{Name: "external", Port: 9094, Type: typ, TLS: tls}
	}
	broker := internalListenerLines("my-cluster-kafka-2", true)
	cases := map[string]struct {
		listeners []Listener
		endpoints EndpointProvider
		want      []string
	}{
		"testWithNoListeners": {
			want: concat(broker, []string{
				"listeners=REPLICATION-9091://0.0.0.0:9091",
				"advertised.listeners=REPLICATION-9091://my-cluster-kafka-2.my-cluster-kafka-brokers.my-namespace.svc:9091",
				"listener.security.protocol.map=CONTROLPLANE-9090:SSL,REPLICATION-9091:SSL",
				"inter.broker.listener.name=REPLICATION-9091",
				"sasl.enabled.mechanisms=",
				"ssl.endpoint.identification.algorithm=HTTPS",
			}),
		},
		"testConnectionLimits": {
			listeners: []Listener{
				{Name: "listener1", Port: 9100, Type: ListenerInternal, Config: ListenerConfig{MaxConnections: ptrTo(100), MaxConnectionCreationRate: ptrTo(10)}},
				{Name: "listener2", Port: 9101, Type: ListenerInternal, Config: ListenerConfig{MaxConnections: ptrTo(1000), MaxConnectionCreationRate: ptrTo(50)}},
				internal("listener3", 9102, false),
				internal("listener4", 9103, false),
			},
			want: concat(broker, []string{
				"listener.name.listener1-9100.max.connections=100",
				"listener.name.listener1-9100.max.connection.creation.rate=10",
				"listener.name.listener2-9101.max.connections=1000",
				"listener.name.listener2-9101.max.connection.creation.rate=50",
				"listeners=REPLICATION-9091://0.0.0.0:9091,LISTENER1-9100://0.0.0.0:9100,LISTENER2-9101://0.0.0.0:9101,LISTENER3-9102://0.0.0.0:9102,LISTENER4-9103://0.0.0.0:9103",
				"advertised.listeners=REPLICATION-9091://my-cluster-kafka-2.my-cluster-kafka-brokers.my-namespace.svc:9091,LISTENER1-9100://dummy-advertised-address:1919,LISTENER2-9101://dummy-advertised-address:1919,LISTENER3-9102://dummy-advertised-address:1919,LISTENER4-9103://dummy-advertised-address:1919",
				"listener.security.protocol.map=CONTROLPLANE-9090:SSL,REPLICATION-9091:SSL,LISTENER1-9100:PLAINTEXT,LISTENER2-9101:PLAINTEXT,LISTENER3-9102:PLAINTEXT,LISTENER4-9103:PLAINTEXT",
				"inter.broker.listener.name=REPLICATION-9091",
				"sasl.enabled.mechanisms=",
				"ssl.endpoint.identification.algorithm=HTTPS",
			}),
		},
		"testWithPlainListenersWithoutAuth (in-cluster endpoints)": {
			listeners: []Listener{internal("plain", 9092, false)},
			endpoints: InCluster{Cluster: "my-cluster", Namespace: "my-namespace"},
			want: concat(broker, commonLines("PLAIN-9092://0.0.0.0:9092", "PLAIN-9092:PLAINTEXT",
				"PLAIN-9092://my-cluster-kafka-2.my-cluster-kafka-brokers.my-namespace.svc:9092")),
		},
		"testWithPlainListenersWithSaslAuth": {
			listeners: []Listener{{Name: "plain", Port: 9092, Type: ListenerInternal, Auth: &ListenerAuth{Type: AuthScramSha512}}},
			want: concat(broker, commonLines("PLAIN-9092://0.0.0.0:9092", "PLAIN-9092:SASL_PLAINTEXT", "PLAIN-9092://dummy-advertised-address:1919"), []string{
				"listener.name.plain-9092.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required ;",
				"listener.name.plain-9092.sasl.enabled.mechanisms=SCRAM-SHA-512",
			}),
		},
		"testWithTlsListenersWithoutAuth": {
			listeners: []Listener{internal("tls", 9093, true)},
			want: concat(broker, commonLines("TLS-9093://0.0.0.0:9093", "TLS-9093:SSL", "TLS-9093://dummy-advertised-address:1919"),
				keystoreLines("tls-9093", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		"testWithTlsListenersWithTlsAuth": {
			listeners: []Listener{{Name: "tls", Port: 9093, Type: ListenerInternal, TLS: true, Auth: &ListenerAuth{Type: AuthTLS}}},
			want: concat(broker, commonLines("TLS-9093://0.0.0.0:9093", "TLS-9093:SSL", "TLS-9093://dummy-advertised-address:1919"), []string{
				"listener.name.tls-9093.ssl.client.auth=required",
				"listener.name.tls-9093.ssl.truststore.certificates=${strimzisecrets:namespace/my-cluster-trustbundle:clients-ca.crt}",
				"listener.name.tls-9093.ssl.truststore.type=PEM",
			}, keystoreLines("tls-9093", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		"testWithTlsListenersWithCustomCerts": {
			listeners: []Listener{{Name: "tls", Port: 9093, Type: ListenerInternal, TLS: true, Config: ListenerConfig{CustomCert: true}}},
			want: concat(broker, commonLines("TLS-9093://0.0.0.0:9093", "TLS-9093:SSL", "TLS-9093://dummy-advertised-address:1919"),
				keystoreLines("tls-9093", "my-cluster-kafka-2", "tls-9093")),
		},
		"testWithExternalRouteListenersWithoutAuth": {
			listeners: []Listener{external(ListenerRoute, true)},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:SSL", "EXTERNAL-9094://dummy-advertised-address:1919"),
				keystoreLines("external-9094", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		"testWithExternalRouteListenersWithSaslAuth": {
			listeners: []Listener{{Name: "external", Port: 9094, Type: ListenerRoute, TLS: true, Auth: &ListenerAuth{Type: AuthScramSha512}}},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:SASL_SSL", "EXTERNAL-9094://dummy-advertised-address:1919"), []string{
				"listener.name.external-9094.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required ;",
				"listener.name.external-9094.sasl.enabled.mechanisms=SCRAM-SHA-512",
			}, keystoreLines("external-9094", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		"testWithExternalRouteListenersWithCustomCerts": {
			listeners: []Listener{{Name: "external", Port: 9094, Type: ListenerRoute, TLS: true, Config: ListenerConfig{CustomCert: true}}},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:SSL", "EXTERNAL-9094://dummy-advertised-address:1919"),
				keystoreLines("external-9094", "my-cluster-kafka-2", "external-9094")),
		},
		"testWithExternalRouteListenersWithTlsAuth": {
			listeners: []Listener{{Name: "external", Port: 9094, Type: ListenerRoute, TLS: true, Auth: &ListenerAuth{Type: AuthTLS}}},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:SSL", "EXTERNAL-9094://dummy-advertised-address:1919"), []string{
				"listener.name.external-9094.ssl.client.auth=required",
				"listener.name.external-9094.ssl.truststore.certificates=${strimzisecrets:namespace/my-cluster-trustbundle:clients-ca.crt}",
				"listener.name.external-9094.ssl.truststore.type=PEM",
			}, keystoreLines("external-9094", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		"testWithExternalListenersLoadBalancerWithTls": {
			listeners: []Listener{external(ListenerLoadBalancer, true)},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:SSL", "EXTERNAL-9094://dummy-advertised-address:1919"),
				keystoreLines("external-9094", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		"testWithExternalListenersNodePortWithTls": {
			listeners: []Listener{external(ListenerNodePort, true)},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:SSL", "EXTERNAL-9094://dummy-advertised-address:1919"),
				keystoreLines("external-9094", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		"testWithExternalListenersNodePortWithoutTls": {
			listeners: []Listener{external(ListenerNodePort, false)},
			want:      concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:PLAINTEXT", "EXTERNAL-9094://dummy-advertised-address:1919")),
		},
		"testWithExternalListenersIngress": {
			listeners: []Listener{{Name: "external", Port: 9094, Type: ListenerIngress, TLS: true, Config: ListenerConfig{
				BootstrapHost: "bootstrap.mytld.com", Brokers: []ListenerBroker{{Broker: 0, Host: "broker-0.mytld.com"}},
			}}},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:SSL", "EXTERNAL-9094://dummy-advertised-address:1919"),
				keystoreLines("external-9094", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		// With the in-cluster provider, the addresses KafkaListenersReconciler
		// would register: the node address kafka-init writes and the pinned
		// node port, the requested load balancer IP, the ingress host on 443.
		"nodeport listener, in-cluster endpoints": {
			listeners: []Listener{{Name: "external", Port: 9094, Type: ListenerNodePort, Config: ListenerConfig{
				PreferredNodePortAddressType: "ExternalDNS", Brokers: []ListenerBroker{{Broker: 2, NodePort: ptrTo(31234)}},
			}}},
			endpoints: InCluster{Cluster: "my-cluster", Namespace: "my-namespace"},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:PLAINTEXT",
				"EXTERNAL-9094://${strimzifile:/opt/kafka/init/external.address:nodeport.externaldns.address}:31234")),
		},
		"loadbalancer listener, in-cluster endpoints": {
			listeners: []Listener{{Name: "external", Port: 9094, Type: ListenerLoadBalancer, Config: ListenerConfig{
				Brokers: []ListenerBroker{{Broker: 2, LoadBalancerIP: "203.0.113.2"}},
			}}},
			endpoints: InCluster{Cluster: "my-cluster", Namespace: "my-namespace"},
			want:      concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:PLAINTEXT", "EXTERNAL-9094://203.0.113.2:9094")),
		},
		"ingress listener, in-cluster endpoints, advertised port template": {
			listeners: []Listener{{Name: "external", Port: 9094, Type: ListenerIngress, TLS: true, Config: ListenerConfig{
				HostTemplate: "broker-{nodeId}.mytld.com", AdvertisedPortTemplate: "8000 + {nodeId}",
			}}},
			endpoints: InCluster{Cluster: "my-cluster", Namespace: "my-namespace"},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:SSL", "EXTERNAL-9094://broker-2.mytld.com:8002"),
				keystoreLines("external-9094", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		"testWithExternalListenersLoadBalancerWithoutTls": {
			listeners: []Listener{external(ListenerLoadBalancer, false)},
			want:      concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:PLAINTEXT", "EXTERNAL-9094://dummy-advertised-address:1919")),
		},
		"testPerBrokerWithExternalListeners": {
			listeners: []Listener{external(ListenerLoadBalancer, true)},
			endpoints: dummyEndpoints{InCluster{Cluster: "my-cluster", Namespace: "my-namespace"}, "my-lb.com", 9094},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:SSL", "EXTERNAL-9094://my-lb.com:9094"),
				keystoreLines("external-9094", "my-cluster-kafka-2", "my-cluster-kafka-2")),
		},
		"testPerBrokerWithExternalListenersNodePortWithoutTls": {
			listeners: []Listener{external(ListenerNodePort, false)},
			endpoints: dummyEndpoints{InCluster{Cluster: "my-cluster", Namespace: "my-namespace"}, "${strimzienv:STRIMZI_NODEPORT_DEFAULT_ADDRESS}", 31234},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:PLAINTEXT",
				"EXTERNAL-9094://${strimzienv:STRIMZI_NODEPORT_DEFAULT_ADDRESS}:31234")),
		},
		"testWithExternalListenersClusterIPWithoutTLS": {
			listeners: []Listener{{Name: "external", Port: 9094, Type: ListenerClusterIP,
				Config: ListenerConfig{Brokers: []ListenerBroker{{Broker: 0, AdvertisedHost: "ingress.mytld.com", AdvertisedPort: ptrTo(12345)}}}}},
			want: concat(broker, commonLines("EXTERNAL-9094://0.0.0.0:9094", "EXTERNAL-9094:PLAINTEXT", "EXTERNAL-9094://dummy-advertised-address:1919")),
		},
		"testCustomAuthConfigPrefixesUserProvidedConfig": {
			listeners: []Listener{{Name: "CUSTOM-LISTENER", Port: 9092, Type: ListenerInternal, TLS: true, Auth: &ListenerAuth{
				Type: AuthCustom, SASL: true, ListenerConfig: map[string]any{
					"oauthbearer.sasl.client.callback.handler.class": "client.class",
					"oauthbearer.sasl.server.callback.handler.class": "server.class",
					"oauthbearer.sasl.login.callback.handler.class":  "login.class",
					"oauthbearer.connections.max.reauth.ms":          999999999,
					"sasl.enabled.mechanisms":                        "oauthbearer",
					"oauthbearer.sasl.jaas.config":                   "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;",
				}}}},
			want: concat(broker, keystoreLines("custom-listener-9092", "my-cluster-kafka-2", "my-cluster-kafka-2"),
				commonLines("CUSTOM-LISTENER-9092://0.0.0.0:9092", "CUSTOM-LISTENER-9092:SASL_SSL", "CUSTOM-LISTENER-9092://dummy-advertised-address:1919"), []string{
					"listener.name.custom-listener-9092.sasl.enabled.mechanisms=oauthbearer",
					"listener.name.custom-listener-9092.oauthbearer.sasl.client.callback.handler.class=client.class",
					"listener.name.custom-listener-9092.oauthbearer.sasl.server.callback.handler.class=server.class",
					"listener.name.custom-listener-9092.oauthbearer.sasl.login.callback.handler.class=login.class",
					"listener.name.custom-listener-9092.oauthbearer.connections.max.reauth.ms=999999999",
					"listener.name.custom-listener-9092.oauthbearer.sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;",
				}),
		},
		"testCustomTlsAuth": {
			listeners: []Listener{{Name: "CUSTOM-LISTENER", Port: 9092, Type: ListenerInternal, TLS: true, Auth: &ListenerAuth{
				Type: AuthCustom, ListenerConfig: map[string]any{
					"ssl.client.auth":             "required",
					"ssl.principal.mapping.rules": "RULE:^CN=(.*?),(.*)$/CN=$1/",
					"ssl.truststore.location":     "/opt/kafka/custom-authn-secrets/custom-listener-external-9094/custom-truststore/ca.crt",
					"ssl.truststore.type":         "PEM",
				}}}},
			want: concat(broker, keystoreLines("custom-listener-9092", "my-cluster-kafka-2", "my-cluster-kafka-2"), []string{
				"listener.name.custom-listener-9092.ssl.truststore.location=/opt/kafka/custom-authn-secrets/custom-listener-external-9094/custom-truststore/ca.crt",
				"listener.name.custom-listener-9092.ssl.truststore.type=PEM",
				"listener.name.custom-listener-9092.ssl.client.auth=required",
				"listener.name.custom-listener-9092.ssl.principal.mapping.rules=RULE:^CN=(.*?),(.*)$/CN=$1/",
			}, commonLines("CUSTOM-LISTENER-9092://0.0.0.0:9092", "CUSTOM-LISTENER-9092:SSL", "CUSTOM-LISTENER-9092://dummy-advertised-address:1919")),
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := strimziCluster()
			c.Listeners = tc.listeners
			if tc.endpoints != nil {
				c.Endpoints = tc.endpoints
			}
			w := &configWriter{}
			require.NoError(t, c.writeListeners(w, strimziNode))
			assert.ElementsMatch(t, tc.want, lines(w.String()))
		})
	}
}

// The protocol map cases of custom authentication and its dropped key store option.
func TestBuilderCustomAuthProtocol(t *testing.T) {
	cases := map[string]struct {
		tls, sasl bool
		config    map[string]any
		protocol  string
	}{
		"testCustomAuthConfigSetProtocolMapCorrectlyForsSslSasl":   {tls: true, sasl: true, protocol: "SASL_SSL"},
		"testCustomAuthConfigSetProtocolMapCorrectlyForPlainSasl":  {sasl: true, protocol: "SASL_PLAINTEXT"},
		"testCustomAuthConfigSetProtocolMapCorrectlyForPlain":      {protocol: "PLAINTEXT"},
		"testCustomAuthConfigRemovesForbiddenPrefixes":             {config: map[string]any{"ssl.keystore.path": "foo"}, protocol: "PLAINTEXT"},
		"key store options dropped whatever their case (our case)": {config: map[string]any{"SSL.Keystore.Type": "JKS"}, protocol: "PLAINTEXT"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := strimziCluster()
			c.Listeners = []Listener{{Name: "CUSTOM-LISTENER", Port: 9092, Type: ListenerInternal, TLS: tc.tls,
				Auth: &ListenerAuth{Type: AuthCustom, SASL: tc.sasl, ListenerConfig: tc.config}}}
			w := &configWriter{}
			require.NoError(t, c.writeListeners(w, strimziNode))
			assert.Contains(t, w.String(), "listener.security.protocol.map=CONTROLPLANE-9090:SSL,REPLICATION-9091:SSL,CUSTOM-LISTENER-9092:"+tc.protocol+"\n")
			assert.NotContains(t, w.String(), "keystore.path")
			assert.NotContains(t, w.String(), "JKS")
		})
	}
}

func TestBuilderKRaftListeners(t *testing.T) {
	plain := []Listener{{Name: "plain", Port: 9092, Type: ListenerInternal}}
	mixed := []nodepools.Node{
		{ID: 0, Pod: "my-cluster-kafka-0", Controller: true, Broker: true},
		{ID: 1, Pod: "my-cluster-kafka-1", Controller: true, Broker: true},
		{ID: 2, Pod: "my-cluster-kafka-2", Controller: true, Broker: true},
	}
	split := []nodepools.Node{
		{ID: 12, Pod: "my-cluster-brokers-12", Broker: true},
		{ID: 2, Pod: "my-cluster-controllers-2", Controller: true},
		{ID: 0, Pod: "my-cluster-controllers-0", Controller: true},
		{ID: 10, Pod: "my-cluster-brokers-10", Broker: true},
		{ID: 1, Pod: "my-cluster-controllers-1", Controller: true},
		{ID: 11, Pod: "my-cluster-brokers-11", Broker: true},
	}
	mixedVoters := "controller.quorum.voters=0@my-cluster-kafka-0.my-cluster-kafka-brokers.my-namespace.svc:9090,1@my-cluster-kafka-1.my-cluster-kafka-brokers.my-namespace.svc:9090,2@my-cluster-kafka-2.my-cluster-kafka-brokers.my-namespace.svc:9090"
	splitVoters := "controller.quorum.voters=0@my-cluster-controllers-0.my-cluster-kafka-brokers.my-namespace.svc:9090,1@my-cluster-controllers-1.my-cluster-kafka-brokers.my-namespace.svc:9090,2@my-cluster-controllers-2.my-cluster-kafka-brokers.my-namespace.svc:9090"
	cases := map[string]struct {
		nodes []nodepools.Node
		node  nodepools.Node
		want  []string
	}{
		"testKraftListenersMixedNodes": {
			nodes: mixed, node: mixed[2],
			want: concat([]string{"process.roles=broker,controller", "controller.listener.names=CONTROLPLANE-9090", mixedVoters},
				internalListenerLines("my-cluster-kafka-2", true), []string{
					"listeners=CONTROLPLANE-9090://0.0.0.0:9090,REPLICATION-9091://0.0.0.0:9091,PLAIN-9092://0.0.0.0:9092",
					"advertised.listeners=CONTROLPLANE-9090://my-cluster-kafka-2.my-cluster-kafka-brokers.my-namespace.svc:9090,REPLICATION-9091://my-cluster-kafka-2.my-cluster-kafka-brokers.my-namespace.svc:9091,PLAIN-9092://my-cluster-kafka-2.my-cluster-kafka-brokers.my-namespace.svc:9092",
					"listener.security.protocol.map=CONTROLPLANE-9090:SSL,REPLICATION-9091:SSL,PLAIN-9092:PLAINTEXT",
					"inter.broker.listener.name=REPLICATION-9091",
					"sasl.enabled.mechanisms=",
					"ssl.endpoint.identification.algorithm=HTTPS",
				}),
		},
		"testKraftListenersBrokerAndControllerNodes controller": {
			nodes: split, node: split[1],
			want: concat([]string{"process.roles=controller", "controller.listener.names=CONTROLPLANE-9090", splitVoters,
				"advertised.listeners=CONTROLPLANE-9090://my-cluster-controllers-2.my-cluster-kafka-brokers.my-namespace.svc:9090"},
				internalListenerLines("my-cluster-controllers-2", false), []string{
					"listeners=CONTROLPLANE-9090://0.0.0.0:9090",
					"listener.security.protocol.map=CONTROLPLANE-9090:SSL",
					"sasl.enabled.mechanisms=",
					"ssl.endpoint.identification.algorithm=HTTPS",
				}),
		},
		"testKraftListenersBrokerAndControllerNodes broker": {
			nodes: split, node: split[5],
			want: concat([]string{"process.roles=broker", "controller.listener.names=CONTROLPLANE-9090", splitVoters},
				internalListenerLines("my-cluster-brokers-11", true), []string{
					"listeners=REPLICATION-9091://0.0.0.0:9091,PLAIN-9092://0.0.0.0:9092",
					"advertised.listeners=REPLICATION-9091://my-cluster-brokers-11.my-cluster-kafka-brokers.my-namespace.svc:9091,PLAIN-9092://my-cluster-brokers-11.my-cluster-kafka-brokers.my-namespace.svc:9092",
					"listener.security.protocol.map=CONTROLPLANE-9090:SSL,REPLICATION-9091:SSL,PLAIN-9092:PLAINTEXT",
					"inter.broker.listener.name=REPLICATION-9091",
					"sasl.enabled.mechanisms=",
					"ssl.endpoint.identification.algorithm=HTTPS",
				}),
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := strimziCluster()
			c.Endpoints = InCluster{Cluster: "my-cluster", Namespace: "my-namespace"}
			c.Nodes, c.Listeners = tc.nodes, plain
			w := &configWriter{}
			c.writeKRaft(w, tc.node)
			require.NoError(t, c.writeListeners(w, tc.node))
			assert.ElementsMatch(t, tc.want, lines(w.String()))
		})
	}
}

func TestBuilderRackAndAuthorization(t *testing.T) {
	controller := nodepools.Node{ID: 1, Pod: "my-cluster-controllers-1", Controller: true}
	mixed := nodepools.Node{ID: 1, Pod: "my-cluster-kafka-1", Controller: true, Broker: true}
	supers := "super.users=User:CN=my-cluster-kafka,O=io.strimzi;User:CN=my-cluster-entity-topic-operator,O=io.strimzi;User:CN=my-cluster-entity-user-operator,O=io.strimzi;User:CN=my-cluster-kafka-exporter,O=io.strimzi;User:CN=my-cluster-cruise-control,O=io.strimzi;User:CN=cluster-operator,O=io.strimzi"
	topology := &Rack{Type: RackTopologyLabel, TopologyKey: "failure-domain.kubernetes.io/zone"}
	env := &Rack{Type: RackEnvironmentVariable, EnvVarName: "MY_RACK_ID"}
	cases := map[string]struct {
		rack  *Rack
		authz *Authorization
		node  nodepools.Node
		want  []string
	}{
		"testNoRackAwareness":                             {node: strimziNode},
		"testTopologyLabelRackIdInKRaftBrokers":           {rack: topology, node: strimziNode, want: []string{"broker.rack=${strimzidir:/opt/kafka/init:rack.id}"}},
		"testTopologyLabelRackIdInKRaftMixedNode":         {rack: topology, node: mixed, want: []string{"broker.rack=${strimzidir:/opt/kafka/init:rack.id}"}},
		"testTopologyLabelRackIdInKRaftControllers":       {rack: topology, node: controller},
		"testEnvironmentVariableRackIdInKRaftBrokers":     {rack: env, node: strimziNode, want: []string{"broker.rack=${strimzienv:MY_RACK_ID}"}},
		"testEnvironmentVariableRackIdInKRaftMixedNode":   {rack: env, node: mixed, want: []string{"broker.rack=${strimzienv:MY_RACK_ID}"}},
		"testEnvironmentVariableRackIdInKRaftControllers": {rack: env, node: controller},
		"testNullAuthorization":                           {node: strimziNode},
		"testSimpleAuthorizationWithSuperUsers": {
			authz: &Authorization{Type: AuthorizationSimple, SuperUsers: []string{"jakub", "CN=kuba"}}, node: strimziNode,
			want: []string{"authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer", supers + ";User:jakub;User:CN=kuba"},
		},
		"testSimpleAuthorizationOnMigration controller": {
			authz: &Authorization{Type: AuthorizationSimple}, node: controller,
			want: []string{"authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer", supers},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := strimziCluster()
			c.Rack, c.Authorization = tc.rack, tc.authz
			w := &configWriter{}
			c.writeRack(w, tc.node)
			c.writeAuthorization(w)
			assert.ElementsMatch(t, tc.want, lines(w.String()))
		})
	}
}

func TestBuilderTieredStorageAndQuotas(t *testing.T) {
	cases := map[string]struct {
		cluster string
		tiered  *TieredStorage
		quotas  *Quotas
		want    []string
	}{
		"testWithTieredStorage": {
			cluster: "test-cluster-1",
			tiered: &TieredStorage{
				ClassName: "com.example.kafka.tiered.storage.s3.S3RemoteStorageManager",
				ClassPath: ptrTo("/opt/kafka/plugins/tiered-storage-s3/*"),
				Config:    map[string]string{"storage.bucket.name": "my-bucket"},
			},
			want: []string{
				"remote.log.storage.system.enable=true",
				"remote.log.metadata.manager.impl.prefix=rlmm.config.",
				"remote.log.metadata.manager.class.name=org.apache.kafka.server.log.remote.metadata.storage.TopicBasedRemoteLogMetadataManager",
				"remote.log.metadata.manager.listener.name=REPLICATION-9091",
				"rlmm.config.remote.log.metadata.common.client.bootstrap.servers=test-cluster-1-kafka-brokers:9091",
				"rlmm.config.remote.log.metadata.common.client.security.protocol=SSL",
				"rlmm.config.remote.log.metadata.common.client.ssl.keystore.certificate.chain=${strimzisecrets:namespace/my-cluster-kafka-2:my-cluster-kafka-2.crt}",
				"rlmm.config.remote.log.metadata.common.client.ssl.keystore.key=${strimzisecrets:namespace/my-cluster-kafka-2:my-cluster-kafka-2.key}",
				"rlmm.config.remote.log.metadata.common.client.ssl.keystore.type=PEM",
				"rlmm.config.remote.log.metadata.common.client.ssl.truststore.certificates=${strimzisecrets:namespace/test-cluster-1-trustbundle:cluster-ca.crt}",
				"rlmm.config.remote.log.metadata.common.client.ssl.truststore.type=PEM",
				"remote.log.storage.manager.class.name=com.example.kafka.tiered.storage.s3.S3RemoteStorageManager",
				"remote.log.storage.manager.class.path=/opt/kafka/plugins/tiered-storage-s3/*",
				"remote.log.storage.manager.impl.prefix=rsm.config.",
				"rsm.config.storage.bucket.name=my-bucket",
			},
		},
		"testWithStrimziQuotas": {
			cluster: "my-personal-cluster",
			quotas: &Quotas{Type: QuotasStrimzi, ConsumerByteRate: ptrTo(int64(1000)), ProducerByteRate: ptrTo(int64(1000)),
				ExcludedPrincipals: []string{"User:my-user1", "User:my-user2"}, MinAvailableBytesPerVolume: ptrTo(int64(200000))},
			want: []string{
				"client.quota.callback.class=io.strimzi.kafka.quotas.StaticQuotaCallback",
				"client.quota.callback.static.kafka.admin.bootstrap.servers=my-personal-cluster-kafka-brokers:9091",
				"client.quota.callback.static.kafka.admin.security.protocol=SSL",
				"client.quota.callback.static.kafka.admin.ssl.keystore.certificate.chain=${strimzisecrets:namespace/my-cluster-kafka-2:my-cluster-kafka-2.crt}",
				"client.quota.callback.static.kafka.admin.ssl.keystore.key=${strimzisecrets:namespace/my-cluster-kafka-2:my-cluster-kafka-2.key}",
				"client.quota.callback.static.kafka.admin.ssl.keystore.type=PEM",
				"client.quota.callback.static.kafka.admin.ssl.truststore.certificates=${strimzisecrets:namespace/my-personal-cluster-trustbundle:cluster-ca.crt}",
				"client.quota.callback.static.kafka.admin.ssl.truststore.type=PEM",
				"client.quota.callback.static.produce=1000",
				"client.quota.callback.static.fetch=1000",
				"client.quota.callback.static.storage.per.volume.limit.min.available.bytes=200000",
				"client.quota.callback.static.excluded.principal.name.list=User:CN=my-personal-cluster-kafka,O=io.strimzi;User:CN=my-personal-cluster-cruise-control,O=io.strimzi;User:my-user1;User:my-user2",
			},
		},
		"testWithNullQuotas": {cluster: "my-personal-cluster"},
		"testWithKafkaQuotas": {cluster: "my-personal-cluster",
			quotas: &Quotas{Type: QuotasKafka, ConsumerByteRate: ptrTo(int64(1000)), ProducerByteRate: ptrTo(int64(1000))}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := strimziCluster()
			c.Name, c.TieredStorage, c.Quotas = tc.cluster, tc.tiered, tc.quotas
			w := &configWriter{}
			c.writeTieredStorage(w, strimziNode)
			c.writeQuotas(w, strimziNode)
			assert.ElementsMatch(t, tc.want, lines(w.String()))
		})
	}
}

func TestBuilderStorageSections(t *testing.T) {
	c := strimziCluster()
	n := strimziNode
	n.Storage = nodepools.Storage{Volume: nodepools.Volume{Type: nodepools.StorageEphemeral}}
	got, err := c.ServerConfig(n)
	require.NoError(t, err)
	// testWithKRaftMetadataLogDir and testEphemeralStorageLogDirs, through the whole file.
	assert.Contains(t, got, "\nmetadata.log.dir=/var/lib/kafka/data/kafka-log2\n")
	assert.Contains(t, got, "\nlog.dirs=/var/lib/kafka/data/kafka-log2\n")
	assert.Contains(t, got, "\nnode.id=2\n")
	assert.NotContains(t, got, "broker.id")
}
