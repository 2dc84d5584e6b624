package brokerconfig

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

var update = flag.Bool("update", false, "rewrite golden files")

func id(n int) *int { return &n }

func jbod(vs ...nodepools.Volume) nodepools.Storage {
	return nodepools.Storage{Volume: nodepools.Volume{Type: nodepools.StorageJBOD}, Volumes: vs}
}

// dualRole is Strimzi's dual-role example cluster: examples/kafka/
// kafka-with-dual-role-nodes.yaml in namespace my-namespace.
func dualRole(t testing.TB) *Cluster {
	storage := jbod(nodepools.Volume{Type: nodepools.StoragePersistentClaim, ID: id(0), Size: "100Gi", KRaftMetadata: nodepools.KRaftMetadataShared})
	pools := []nodepools.NodePool{{Name: "dual-role", Replicas: 3, Roles: []string{nodepools.RoleController, nodepools.RoleBroker}, Storage: storage}}
	as, err := nodepools.AssignNodeIDs(pools)
	require.NoError(t, err)
	listeners := []Listener{
		{Name: "plain", Port: 9092, Type: ListenerInternal},
		{Name: "tls", Port: 9093, Type: ListenerInternal, TLS: true},
	}
	cfg, probs := NewConfig(map[string]any{
		"offsets.topic.replication.factor":         3,
		"transaction.state.log.replication.factor": 3,
		"transaction.state.log.min.isr":            2,
		"default.replication.factor":               3,
		"min.insync.replicas":                      2,
	}, listeners)
	require.Empty(t, probs)
	return &Cluster{
		Name:      "my-cluster",
		Namespace: "my-namespace",
		Nodes:     nodepools.Nodes("my-cluster", pools, as),
		Listeners: listeners,
		Config:    cfg,
	}
}

// The server.config the operator writes for node 0 of that cluster, written by hand
// from the spec; -update never touches it.
func TestServerConfigDualRoleExample(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "dual-role-node-0.server.config"))
	require.NoError(t, err)
	c := dualRole(t)
	got, err := c.ServerConfig(c.Nodes[0])
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

// splitRoles turns the dual-role example into three controllers and three
// brokers with their own pools and storage.
func splitRoles(t testing.TB) *Cluster {
	c := dualRole(t)
	pools := []nodepools.NodePool{
		{Name: "controllers", Replicas: 3, Roles: []string{nodepools.RoleController},
			Storage: nodepools.Storage{Volume: nodepools.Volume{Type: nodepools.StoragePersistentClaim, Size: "10Gi"}}},
		{Name: "brokers", Replicas: 3, Roles: []string{nodepools.RoleBroker}, NextNodeIDs: "[10-19]",
			Storage: jbod(
				nodepools.Volume{Type: nodepools.StoragePersistentClaim, ID: id(0), Size: "1Ti"},
				nodepools.Volume{Type: nodepools.StoragePersistentClaim, ID: id(1), Size: "1Ti", KRaftMetadata: nodepools.KRaftMetadataShared},
				nodepools.Volume{Type: nodepools.StorageEphemeral, ID: id(2), SizeLimit: "1Gi"},
			)},
	}
	as, err := nodepools.AssignNodeIDs(pools)
	require.NoError(t, err)
	c.Nodes = nodepools.Nodes(c.Name, pools, as)
	return c
}

// nodeByID finds a node of the cluster.
func nodeByID(t testing.TB, c *Cluster, id int) nodepools.Node {
	for _, n := range c.Nodes {
		if n.ID == id {
			return n
		}
	}
	t.Fatalf("no node %d", id)
	return nodepools.Node{}
}

// Our own golden files, rewritten with -update and reviewed in the commit.
func TestServerConfigGolden(t *testing.T) {
	cases := map[string]struct {
		cluster func(testing.TB) *Cluster
		node    int
	}{
		"controller-only":  {cluster: splitRoles, node: 0},
		"broker-only-jbod": {cluster: splitRoles, node: 11},
		"tiered-storage": {cluster: func(t testing.TB) *Cluster {
			c := dualRole(t)
			c.TieredStorage = &TieredStorage{
				ClassName: "com.example.kafka.tiered.storage.s3.S3RemoteStorageManager",
				ClassPath: ptrTo("/mnt/tiered-storage/*"),
				Config:    map[string]string{"storage.bucket.name": "my-bucket", "chunk.size": "4194304"},
			}
			return c
		}, node: 1},
		"tiered-storage-controller": {cluster: func(t testing.TB) *Cluster {
			c := splitRoles(t)
			c.TieredStorage = &TieredStorage{ClassName: "com.example.RSM"}
			return c
		}, node: 2},
		"authentication": {cluster: func(t testing.TB) *Cluster {
			c := dualRole(t)
			c.Listeners = []Listener{
				{Name: "scram", Port: 9092, Type: ListenerInternal, Auth: &ListenerAuth{Type: AuthScramSha512},
					Config: ListenerConfig{MaxConnections: ptrTo(100), MaxConnectionCreationRate: ptrTo(10)}},
				{Name: "mtls", Port: 9093, Type: ListenerInternal, TLS: true, Auth: &ListenerAuth{Type: AuthTLS},
					Config: ListenerConfig{UseServiceDNSDomain: true}},
				{Name: "custom", Port: 9094, Type: ListenerClusterIP, TLS: true, Auth: &ListenerAuth{
					Type: AuthCustom, SASL: true, ListenerConfig: map[string]any{
						"sasl.enabled.mechanisms":                        "OAUTHBEARER",
						"oauthbearer.sasl.jaas.config":                   "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;",
						"ssl.keystore.location":                          "/tmp/ignored",
						"connections.max.reauth.ms":                      3600000,
						"oauthbearer.sasl.server.callback.handler.class": "io.strimzi.kafka.oauth.server.JaasServerOauthValidatorCallbackHandler",
					}},
					Config: ListenerConfig{CustomCert: true, Brokers: []ListenerBroker{{Broker: 1, AdvertisedHost: "broker-1.example.com", AdvertisedPort: ptrTo(443)}}}},
			}
			c.Authorization = &Authorization{Type: AuthorizationSimple, SuperUsers: []string{"CN=admin", "alice"}}
			c.Endpoints = InCluster{Cluster: c.Name, Namespace: c.Namespace, ClusterDomain: "example.local"}
			return c
		}, node: 1},
		"everything": {cluster: func(t testing.TB) *Cluster {
			c := splitRoles(t)
			c.Rack = &Rack{Type: RackTopologyLabel, TopologyKey: "topology.kubernetes.io/zone"}
			c.Authorization = &Authorization{Type: AuthorizationCustom, AuthorizerClass: "com.example.Authorizer", SuperUsers: []string{"bob"}}
			c.Quotas = &Quotas{Type: QuotasStrimzi, ProducerByteRate: ptrTo(int64(1000)), MinAvailableRatioPerVolume: ptrTo(0.1),
				ExcludedPrincipals: []string{"User:charlie"}}
			c.Metrics = Metrics{JMXExporter: true, StrimziReporter: &StrimziReporter{AllowList: []string{"kafka_log.*", "kafka_network.*"}}}
			cfg, probs := NewConfig(map[string]any{
				"config.providers":                                   "vault",
				"config.providers.vault.class":                       "com.example.VaultConfigProvider",
				"metric.reporters":                                   "com.example.Reporter",
				"log.retention.hours":                                168,
				"num.network.threads":                                3.0,
				"log.cleaner.min.cleanable.ratio":                    0.5,
				"auto.create.topics.enable":                          false,
				"listener.name.plain-9092.connections.max.reauth.ms": 60000,
				"listener.name.tls-9093.max.connections":             5,
				"ssl.cipher.suites":                                  "TLS_AES_256_GCM_SHA384",
				"ssl.keystore.type":                                  "JKS",
				"client.id":                                          " padded\\value",
			}, c.Listeners)
			require.Empty(t, probs)
			c.Config = cfg
			c.Nodes[3].Cordoned = true
			return c
		}, node: 10},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := tc.cluster(t)
			got, err := c.ServerConfig(nodeByID(t, c, tc.node))
			require.NoError(t, err)
			path := filepath.Join("testdata", "server-config", name+".golden")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), got)
		})
	}
}

func TestServerConfigErrors(t *testing.T) {
	cases := map[string]struct {
		change func(*Cluster)
		node   int
		err    string
	}{
		"reserved config provider on a broker": {
			change: func(c *Cluster) { c.Config, _ = NewConfig(map[string]any{"config.providers": "env,strimzienv"}, nil) },
			node:   10,
			err:    "config.provider strimzienv not permitted as it reserved for Strimzi. Not permitted aliases: [strimzienv, strimzisecrets, strimzifile, strimzidir]",
		},
		"reserved config provider on a controller": {
			change: func(c *Cluster) { c.Config, _ = NewConfig(map[string]any{"config.providers": "strimzisecrets"}, nil) },
			node:   0,
			err:    "config.provider strimzisecrets not permitted as it reserved for Strimzi. Not permitted aliases: [strimzienv, strimzisecrets]",
		},
		"file provider alias is free on a controller": {
			change: func(c *Cluster) { c.Config, _ = NewConfig(map[string]any{"config.providers": "strimzifile"}, nil) },
			node:   0,
		},
		"route listener without a provider that knows it": {
			change: func(c *Cluster) {
				c.Listeners = append(c.Listeners, Listener{Name: "external", Port: 9094, Type: ListenerRoute, TLS: true})
			},
			node: 10,
			err:  "listener external of type route: the advertised address of node 10 is not known: OpenShift gives each broker's Route a host only when it is created: set configuration.brokers[].host for broker 10, or configuration.hostTemplate (or advertisedHost, advertisedHostTemplate)",
		},
		"route listener on a controller needs no address": {
			change: func(c *Cluster) {
				c.Listeners = append(c.Listeners, Listener{Name: "external", Port: 9094, Type: ListenerRoute, TLS: true})
			},
			node: 0,
		},
		"custom authentication with a null option": {
			change: func(c *Cluster) {
				c.Listeners[0].Auth = &ListenerAuth{Type: AuthCustom, ListenerConfig: map[string]any{"x": nil}}
			},
			node: 10,
			err:  "listener plain: authentication.listenerConfig[x]: a null value is not allowed",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := splitRoles(t)
			tc.change(c)
			_, err := c.ServerConfig(nodeByID(t, c, tc.node))
			if tc.err == "" {
				assert.NoError(t, err)
			} else {
				assert.EqualError(t, err, tc.err)
			}
		})
	}
}

// lines is Strimzi's ModelUtils.getLinesWithoutCommentsAndEmptyLines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func BenchmarkServerConfig(b *testing.B) {
	pools := []nodepools.NodePool{
		{Name: "controllers", Replicas: 3, Roles: []string{nodepools.RoleController},
			Storage: nodepools.Storage{Volume: nodepools.Volume{Type: nodepools.StoragePersistentClaim, Size: "10Gi"}}},
		{Name: "brokers-a", Replicas: 14, Roles: []string{nodepools.RoleBroker},
			Storage: jbod(nodepools.Volume{Type: nodepools.StoragePersistentClaim, ID: id(0), Size: "1Ti"}, nodepools.Volume{Type: nodepools.StoragePersistentClaim, ID: id(1), Size: "1Ti"})},
		{Name: "brokers-b", Replicas: 13, Roles: []string{nodepools.RoleBroker}, NextNodeIDs: "[100-199]",
			Storage: jbod(nodepools.Volume{Type: nodepools.StoragePersistentClaim, ID: id(0), Size: "1Ti"})},
	}
	as, err := nodepools.AssignNodeIDs(pools)
	require.NoError(b, err)
	c := dualRole(b)
	c.Nodes = nodepools.Nodes(c.Name, pools, as)
	c.Authorization = &Authorization{Type: AuthorizationSimple}
	c.Listeners = append(c.Listeners, Listener{Name: "scram", Port: 9094, Type: ListenerInternal, TLS: true,
		Auth: &ListenerAuth{Type: AuthScramSha512}})
	require.Len(b, c.Nodes, 30)
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range c.Nodes {
			if _, err := c.ServerConfig(n); err != nil {
				b.Fatal(err)
			}
		}
	}
}
