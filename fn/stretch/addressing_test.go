package stretch

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/config"
)

func TestNodeAddressingFollowsTheProviderSettings(t *testing.T) {
	f := newFixture(t, config.ProviderNodePort, "static")
	before := f.net.Addressing(f.m.Nodes())
	assert.Len(t, before, len(f.m.Nodes()))
	assert.Equal(t, before, newFixture(t, config.ProviderNodePort, "static").net.Addressing(f.m.Nodes()), "stable across renders")

	f.net.Entry.Network.NodePort.PortBase = 32000
	f.net.Provider = newProvider(f.net)
	after := f.net.Addressing(f.m.Nodes())
	for pod := range before {
		assert.NotEqual(t, before[pod], after[pod], "a new portBase moves %s", pod)
	}
}

func TestAddressChanges(t *testing.T) {
	recorded := map[string]string{"c-a-0": "1", "c-a-1": "2"}
	assert.Empty(t, AddressChanges("c", recorded, map[string]string{"c-a-0": "1", "c-a-1": "2", "c-a-2": "3"}, ""), "a new node is no change")
	assert.Empty(t, AddressChanges("c", recorded, map[string]string{"c-a-0": "1"}, ""), "a removed node is no change")
	assert.Empty(t, AddressChanges("c", nil, map[string]string{"c-a-0": "9"}, ""), "a first render records")

	current := map[string]string{"c-a-0": "1", "c-a-1": "5"}
	probs := AddressChanges("c", recorded, current, "")
	require.Len(t, probs, 1)
	assert.Equal(t, "metadata.annotations["+AnnoAcceptAddressChange+"]", probs[0].Path)
	assert.Contains(t, probs[0].Message, "the addresses of c-a-1 change")
	assert.Contains(t, probs[0].Message, AddressingFingerprint(current))

	assert.Empty(t, AddressChanges("c", recorded, current, AddressingFingerprint(current)), "accepted explicitly")
	stale := AddressChanges("c", recorded, current, "0123456789abcdef")
	require.Len(t, stale, 1)
	assert.Contains(t, stale[0].Message, `it has "0123456789abcdef"`)
}
