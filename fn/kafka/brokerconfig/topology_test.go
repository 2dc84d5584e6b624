package brokerconfig

import (
	"encoding/base64"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

// fakeTopology puts pods in cluster "k<id mod 2>" behind ports that depend
// on the node, as a NodePort provider would.
type fakeTopology struct {
	InCluster
	dynamic bool
}

func (f fakeTopology) ControlPlane(n nodepools.Node) Endpoint {
	return Endpoint{"10.0.0." + strconv.Itoa(n.ID%2), 31000 + 10*n.ID}
}
func (f fakeTopology) Replication(n nodepools.Node) Endpoint {
	return Endpoint{"10.0.0." + strconv.Itoa(n.ID%2), 31001 + 10*n.ID}
}
func (f fakeTopology) Rack(n nodepools.Node) string { return "k" + strconv.Itoa(n.ID%2) }
func (f fakeTopology) DynamicQuorum() bool          { return f.dynamic }

func withTopology(t *testing.T, dynamic bool) *Cluster {
	c := splitRoles(t)
	c.Endpoints = fakeTopology{InCluster: InCluster{Cluster: c.Name, Namespace: c.Namespace}, dynamic: dynamic}
	return c
}

func lineOf(t *testing.T, config, key string) string {
	t.Helper()
	for _, l := range strings.Split(config, "\n") {
		if v, ok := strings.CutPrefix(l, key+"="); ok {
			return v
		}
	}
	return ""
}

func TestTopologyStaticQuorum(t *testing.T) {
	c := withTopology(t, false)
	assert.Equal(t, "0@10.0.0.0:31000,1@10.0.0.1:31010,2@10.0.0.0:31020", c.Voters())
	for _, n := range c.Nodes {
		text, err := c.ServerConfig(n)
		require.NoError(t, err)
		assert.Equal(t, c.Voters(), lineOf(t, text, "controller.quorum.voters"), "node %d", n.ID)
		assert.Empty(t, lineOf(t, text, "controller.quorum.bootstrap.servers"))
		if n.Broker {
			assert.Contains(t, lineOf(t, text, "advertised.listeners"), "REPLICATION-9091://"+c.replication(n).String())
			assert.Equal(t, "k"+strconv.Itoa(n.ID%2), lineOf(t, text, "broker.rack"), "the Kubernetes cluster is the rack")
		}
	}
}

func TestTopologyDynamicQuorum(t *testing.T) {
	c := withTopology(t, true)
	assert.Equal(t, "10.0.0.0:31000,10.0.0.1:31010,10.0.0.0:31020", c.BootstrapServers())
	entries := strings.Split(c.InitialControllers(), ",")
	require.Len(t, entries, 3)
	for i, e := range entries {
		parts := strings.Split(e, ":")
		require.Len(t, parts, 3, e)
		assert.Equal(t, strings.Split(c.Voters(), ",")[i], parts[0]+":"+parts[1], "voter entry plus directory ID")
		raw, err := base64.RawURLEncoding.DecodeString(parts[2])
		require.NoError(t, err)
		assert.Len(t, raw, 16, "a Kafka Uuid")
		assert.Equal(t, byte(0x40), raw[6]&0xf0, "version 4")
	}
	text, err := c.ServerConfig(c.Nodes[0])
	require.NoError(t, err)
	assert.Equal(t, c.BootstrapServers(), lineOf(t, text, "controller.quorum.bootstrap.servers"))
	assert.Empty(t, lineOf(t, text, "controller.quorum.voters"))
}

func TestDirectoryIDStable(t *testing.T) {
	a, b := DirectoryID("kafka", "my-cluster", 1), DirectoryID("kafka", "my-cluster", 2)
	assert.Equal(t, a, DirectoryID("kafka", "my-cluster", 1))
	assert.NotEqual(t, a, b)
	assert.NotEqual(t, DerivedClusterID("kafka", "my-cluster"), DirectoryID("kafka", "my-cluster", 0))
	assert.Len(t, a, 22)
}

func TestTopologyRackPrefix(t *testing.T) {
	c := withTopology(t, false)
	c.Rack = &Rack{Type: RackTopologyLabel, TopologyKey: "topology.kubernetes.io/zone"}
	broker := c.Nodes[len(c.Nodes)-1]
	require.True(t, broker.Broker)
	text, err := c.ServerConfig(broker)
	require.NoError(t, err)
	assert.Equal(t, "k"+strconv.Itoa(broker.ID%2)+"-${strimzidir:/opt/kafka/init:rack.id}", lineOf(t, text, "broker.rack"))
}

// TestControlPlaneIsVoterEntry holds for every controller: what it
// advertises on CONTROLPLANE-9090 is its voter entry.
func TestControlPlaneIsVoterEntry(t *testing.T) {
	for _, dynamic := range []bool{false, true} {
		c := withTopology(t, dynamic)
		voters := map[string]string{}
		for _, v := range strings.Split(c.Voters(), ",") {
			id, addr, _ := strings.Cut(v, "@")
			voters[id] = addr
		}
		for _, n := range c.Nodes {
			text, err := c.ServerConfig(n)
			require.NoError(t, err)
			var cp string
			for _, a := range strings.Split(lineOf(t, text, "advertised.listeners"), ",") {
				if v, ok := strings.CutPrefix(a, "CONTROLPLANE-9090://"); ok {
					cp = v
				}
			}
			assert.Equal(t, voters[strconv.Itoa(n.ID)], cp, "node %d", n.ID)
		}
	}
}
