package labels

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultFilter(t *testing.T) {
	f, err := NewFilter(nil)
	require.NoError(t, err)
	got := f.Apply(map[string]string{
		"app.kubernetes.io/name":          "dropped",
		"app.kubernetes.io/part-of":       "kept",
		"app.kubernetes.io/part-of-other": "kept: the look-ahead only sees the prefix",
		"kustomize.toolkit.fluxcd.io/x":   "dropped",
		"team":                            "kept",
	})
	assert.Equal(t, map[string]string{
		"app.kubernetes.io/part-of":       "kept",
		"app.kubernetes.io/part-of-other": "kept: the look-ahead only sees the prefix",
		"team":                            "kept",
	}, got)
}

func TestCustomFilterMatchesWholeKey(t *testing.T) {
	p := "team|env.*"
	f, err := NewFilter(&p)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"teams": "b"}, f.Apply(map[string]string{"team": "a", "teams": "b", "environment": "c"}))
}

func TestReservedKeys(t *testing.T) {
	f, _ := NewFilter(nil)
	cases := map[string]struct {
		in        map[string]string
		onCR      []string
		inUserMix []string
	}{
		"cluster label allowed on CR": {map[string]string{"strimzi.io/cluster": "c", "strimzi.io/cluster-x": "y"}, nil, []string{"strimzi.io/cluster", "strimzi.io/cluster-x"}},
		"other strimzi keys":          {map[string]string{"strimzi.io/kind": "x", "a": "b"}, []string{"strimzi.io/kind"}, []string{"strimzi.io/kind"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.onCR, f.ForbiddenOnCR(c.in))
			assert.Equal(t, c.onCR, ReservedLabels(c.in))
			assert.Equal(t, c.inUserMix, StrimziKeys(c.in))
		})
	}
	assert.Equal(t, "User provided labels or annotations includes a Strimzi annotation: [strimzi.io/a, strimzi.io/b]",
		MsgStrimziInUser([]string{"strimzi.io/a", "strimzi.io/b"}))
}

func TestResourceLabelsTruncateInstance(t *testing.T) {
	long := strings.Repeat("a", 62) + "-xyz" // cut at 63 leaves a trailing "-"
	got := Resource(Component{Cluster: long, Name: long + "-connect", Kind: "KafkaConnect", ComponentType: "kafka-connect", AppName: "kafka-connect"},
		map[string]string{"strimzi.io/kind": "user value loses", "team": "a"})
	assert.Equal(t, strings.Repeat("a", 62), got[AppInstance])
	assert.Equal(t, "strimzi-"+strings.Repeat("a", 55), got[AppPartOf])
	assert.Equal(t, "KafkaConnect", got[Kind])
	assert.Equal(t, "a", got["team"])
}
