package brokerconfig

import (
	"encoding/base64"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDerivedClusterID(t *testing.T) {
	id := DerivedClusterID("my-namespace", "my-cluster")
	assert.Equal(t, id, DerivedClusterID("my-namespace", "my-cluster"), "stable")
	assert.NotEqual(t, id, DerivedClusterID("other", "my-cluster"))
	assert.Len(t, id, 22)
	b, err := base64.RawURLEncoding.DecodeString(id)
	require.NoError(t, err)
	assert.Equal(t, byte(0x40), b[6]&0xf0, "version 4")
	assert.Equal(t, byte(0x80), b[8]&0xc0, "variant")
	for _, ns := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		assert.NotEqual(t, byte('-'), DerivedClusterID(ns, "x")[0])
	}
}
