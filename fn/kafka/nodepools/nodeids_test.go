package nodepools

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seq returns from, from+1, ..., to-1.
func seq(from, to int) []int {
	out := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// want is the expected assignment of one pool: current, desired, added, removed.
type want struct{ current, desired, added, removed []int }

// The cases of Strimzi's NodeIdAssignorTest, then the examples of
// Strimzi's NodeIdAssignorTest and our own edge cases.
func TestAssignNodeIDs(t *testing.T) {
	none := []int{}
	cases := map[string]struct {
		pools []NodePool
		want  map[string]want
	}{
		"new single pool": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3}},
			want:  map[string]want{"my-pool": {none, []int{0, 1, 2}, []int{0, 1, 2}, none}},
		},
		"new single pool with next ids": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3, NextNodeIDs: "[1000-1999]"}},
			want:  map[string]want{"my-pool": {none, []int{1000, 1001, 1002}, []int{1000, 1001, 1002}, none}},
		},
		"new single pool with next ids for some nodes": {
			pools: []NodePool{{Name: "my-pool", Replicas: 5, NextNodeIDs: "[1000-1002]"}},
			want:  map[string]want{"my-pool": {none, []int{0, 1, 1000, 1001, 1002}, []int{0, 1, 1000, 1001, 1002}, none}},
		},
		"existing single pool without change": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3, StatusNodeIDs: []int{0, 1, 2}}},
			want:  map[string]want{"my-pool": {[]int{0, 1, 2}, []int{0, 1, 2}, none, none}},
		},
		"existing single pool out of sequence without change": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3, StatusNodeIDs: []int{2, 3, 5}}},
			want:  map[string]want{"my-pool": {[]int{2, 3, 5}, []int{2, 3, 5}, none, none}},
		},
		"next ids without change": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3, NextNodeIDs: "[2000-2999]", StatusNodeIDs: []int{1000, 1001, 1002}}},
			want:  map[string]want{"my-pool": {[]int{1000, 1001, 1002}, []int{1000, 1001, 1002}, none, none}},
		},
		"remove ids without change": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3, RemoveNodeIDs: "[2000-2999]", StatusNodeIDs: []int{1000, 1001, 1002}}},
			want:  map[string]want{"my-pool": {[]int{1000, 1001, 1002}, []int{1000, 1001, 1002}, none, none}},
		},
		"scale down": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3, StatusNodeIDs: []int{0, 1, 2, 3, 4}}},
			want:  map[string]want{"my-pool": {[]int{0, 1, 2, 3, 4}, []int{0, 1, 2}, none, []int{3, 4}}},
		},
		"scale down with remove ids": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3, RemoveNodeIDs: "[1-3]", StatusNodeIDs: []int{0, 1, 2, 3, 4}}},
			want:  map[string]want{"my-pool": {[]int{0, 1, 2, 3, 4}, []int{0, 3, 4}, none, []int{1, 2}}},
		},
		"scale down with unused remove ids": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3, RemoveNodeIDs: "[1000-1999]", StatusNodeIDs: []int{0, 1, 2, 3, 4}}},
			want:  map[string]want{"my-pool": {[]int{0, 1, 2, 3, 4}, []int{0, 1, 2}, none, []int{3, 4}}},
		},
		"scale down big cluster with remove ids": {
			pools: []NodePool{{Name: "my-pool", Replicas: 5000, RemoveNodeIDs: "[10000-19999, 4613, 1919, 1874]", StatusNodeIDs: seq(0, 5002)}},
			want: map[string]want{"my-pool": {seq(0, 5002),
				append(append(seq(0, 1919), seq(1920, 4613)...), seq(4614, 5002)...), none, []int{1919, 4613}}},
		},
		"scale up with next ids": {
			pools: []NodePool{{Name: "my-pool", Replicas: 5, NextNodeIDs: "[1000-1999]", StatusNodeIDs: []int{0, 1, 2}}},
			want:  map[string]want{"my-pool": {[]int{0, 1, 2}, []int{0, 1, 2, 1000, 1001}, []int{1000, 1001}, none}},
		},
		"scale up": {
			pools: []NodePool{{Name: "my-pool", Replicas: 5, StatusNodeIDs: []int{0, 1, 2}}},
			want:  map[string]want{"my-pool": {[]int{0, 1, 2}, []int{0, 1, 2, 3, 4}, []int{3, 4}, none}},
		},
		"scale up big cluster with next ids": {
			pools: []NodePool{{Name: "my-pool", Replicas: 5003, NextNodeIDs: "[1000-1999, 6000, 7000, 8000]", StatusNodeIDs: seq(0, 5000)}},
			want: map[string]want{"my-pool": {seq(0, 5000),
				append(seq(0, 5000), 6000, 7000, 8000), []int{6000, 7000, 8000}, none}},
		},
		"new multi pool": {
			pools: []NodePool{{Name: "my-pool", Replicas: 3}, {Name: "my-pool2", Replicas: 3}},
			want: map[string]want{
				"my-pool":  {none, []int{0, 1, 2}, []int{0, 1, 2}, none},
				"my-pool2": {none, []int{3, 4, 5}, []int{3, 4, 5}, none},
			},
		},
		"new multi pool with next ids": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 3, NextNodeIDs: "[1000-1999]"},
				{Name: "my-pool2", Replicas: 3, NextNodeIDs: "[2000-2999]"},
			},
			want: map[string]want{
				"my-pool":  {none, []int{1000, 1001, 1002}, []int{1000, 1001, 1002}, none},
				"my-pool2": {none, []int{2000, 2001, 2002}, []int{2000, 2001, 2002}, none},
			},
		},
		"existing multi pool": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 3, StatusNodeIDs: []int{0, 1, 2}},
				{Name: "my-pool2", Replicas: 3, StatusNodeIDs: []int{3, 4, 5}},
			},
			want: map[string]want{
				"my-pool":  {[]int{0, 1, 2}, []int{0, 1, 2}, none, none},
				"my-pool2": {[]int{3, 4, 5}, []int{3, 4, 5}, none, none},
			},
		},
		"existing multi pool scale up": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 5, StatusNodeIDs: []int{0, 1, 2}},
				{Name: "my-pool2", Replicas: 5, StatusNodeIDs: []int{3, 4, 5}},
			},
			want: map[string]want{
				"my-pool":  {[]int{0, 1, 2}, []int{0, 1, 2, 6, 7}, []int{6, 7}, none},
				"my-pool2": {[]int{3, 4, 5}, []int{3, 4, 5, 8, 9}, []int{8, 9}, none},
			},
		},
		"existing multi pool scale up with next ids": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 5, NextNodeIDs: "[1000-1999]", StatusNodeIDs: []int{0, 1, 2}},
				{Name: "my-pool2", Replicas: 5, NextNodeIDs: "[2000-2999]", StatusNodeIDs: []int{3, 4, 5}},
			},
			want: map[string]want{
				"my-pool":  {[]int{0, 1, 2}, []int{0, 1, 2, 1000, 1001}, []int{1000, 1001}, none},
				"my-pool2": {[]int{3, 4, 5}, []int{3, 4, 5, 2000, 2001}, []int{2000, 2001}, none},
			},
		},
		"existing multi pool scale down": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 3, StatusNodeIDs: []int{0, 1, 2, 3, 4}},
				{Name: "my-pool2", Replicas: 3, StatusNodeIDs: []int{5, 6, 7, 8, 9}},
			},
			want: map[string]want{
				"my-pool":  {[]int{0, 1, 2, 3, 4}, []int{0, 1, 2}, none, []int{3, 4}},
				"my-pool2": {[]int{5, 6, 7, 8, 9}, []int{5, 6, 7}, none, []int{8, 9}},
			},
		},
		"existing multi pool scale down with remove ids": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 3, RemoveNodeIDs: "[3, 2, 1]", StatusNodeIDs: []int{0, 1, 2, 3, 4}},
				{Name: "my-pool2", Replicas: 3, RemoveNodeIDs: "[6-8]", StatusNodeIDs: []int{5, 6, 7, 8, 9}},
			},
			want: map[string]want{
				"my-pool":  {[]int{0, 1, 2, 3, 4}, []int{0, 1, 4}, none, []int{2, 3}},
				"my-pool2": {[]int{5, 6, 7, 8, 9}, []int{5, 8, 9}, none, []int{6, 7}},
			},
		},
		"existing multi pool scale down and up": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 3, StatusNodeIDs: []int{0, 1, 2, 3, 4}},
				{Name: "my-pool2", Replicas: 5, StatusNodeIDs: []int{5, 6, 7}},
			},
			want: map[string]want{
				"my-pool":  {[]int{0, 1, 2, 3, 4}, []int{0, 1, 2}, none, []int{3, 4}},
				"my-pool2": {[]int{5, 6, 7}, []int{5, 6, 7, 8, 9}, []int{8, 9}, none},
			},
		},
		"existing multi pool scale up and down": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 5, StatusNodeIDs: []int{0, 1, 2}},
				{Name: "my-pool2", Replicas: 3, StatusNodeIDs: []int{3, 4, 5, 6, 7}},
			},
			want: map[string]want{
				"my-pool":  {[]int{0, 1, 2}, []int{0, 1, 2, 8, 9}, []int{8, 9}, none},
				"my-pool2": {[]int{3, 4, 5, 6, 7}, []int{3, 4, 5}, none, []int{6, 7}},
			},
		},
		"existing multi pool scale up and down with node ids": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 5, NextNodeIDs: "[1000-1999]", StatusNodeIDs: []int{0, 1, 2}},
				{Name: "my-pool2", Replicas: 3, RemoveNodeIDs: "[5-8]", StatusNodeIDs: []int{3, 4, 5, 6, 7}},
			},
			want: map[string]want{
				"my-pool":  {[]int{0, 1, 2}, []int{0, 1, 2, 1000, 1001}, []int{1000, 1001}, none},
				"my-pool2": {[]int{3, 4, 5, 6, 7}, []int{3, 4, 7}, none, []int{5, 6}},
			},
		},
		"pools taken in name order": {
			pools: []NodePool{{Name: "zeta", Replicas: 2}, {Name: "alpha", Replicas: 2}},
			want: map[string]want{
				"alpha": {none, []int{0, 1}, []int{0, 1}, none},
				"zeta":  {none, []int{2, 3}, []int{2, 3}, none},
			},
		},
		"lowest free id fills gaps": {
			pools: []NodePool{
				{Name: "a", Replicas: 2, StatusNodeIDs: []int{0, 3}},
				{Name: "b", Replicas: 3, StatusNodeIDs: []int{5}},
			},
			want: map[string]want{
				"a": {[]int{0, 3}, []int{0, 3}, none, none},
				"b": {[]int{5}, []int{1, 2, 5}, []int{1, 2}, none},
			},
		},
		"next ids skip ids in use": {
			pools: []NodePool{
				{Name: "a", Replicas: 2, StatusNodeIDs: []int{10, 11}},
				{Name: "b", Replicas: 3, NextNodeIDs: "[10-13]"},
			},
			want: map[string]want{
				"a": {[]int{10, 11}, []int{10, 11}, none, none},
				"b": {none, []int{0, 12, 13}, []int{0, 12, 13}, none},
			},
		},
		"counting down range": {
			pools: []NodePool{{Name: "a", Replicas: 2, NextNodeIDs: "[99-90]"}},
			want:  map[string]want{"a": {none, []int{98, 99}, []int{98, 99}, none}},
		},
		"empty status scales up": {
			pools: []NodePool{{Name: "a", Replicas: 2, StatusNodeIDs: []int{}}},
			want:  map[string]want{"a": {none, []int{0, 1}, []int{0, 1}, none}},
		},
		"zero replicas": {
			pools: []NodePool{{Name: "a", Replicas: 0}, {Name: "b", Replicas: 1}},
			want: map[string]want{
				"a": {none, none, none, none},
				"b": {none, []int{0}, []int{0}, none},
			},
		},
		"scale to zero": {
			pools: []NodePool{{Name: "a", Replicas: 0, StatusNodeIDs: []int{4, 2}}},
			want:  map[string]want{"a": {[]int{2, 4}, none, none, []int{2, 4}}},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := AssignNodeIDs(tc.pools)
			require.NoError(t, err)
			require.Len(t, got, len(tc.want))
			for _, a := range got {
				w, ok := tc.want[a.Pool]
				require.True(t, ok, "unexpected pool %s", a.Pool)
				assert.Equal(t, w.current, a.Current, "current of %s", a.Pool)
				assert.Equal(t, w.desired, a.Desired, "desired of %s", a.Pool)
				assert.Equal(t, w.added, a.Added, "added to %s", a.Pool)
				assert.Equal(t, w.removed, a.Removed, "removed from %s", a.Pool)
				assert.Empty(t, a.Warnings)
			}
		})
	}
}

func TestAssignNodeIDsDuplicate(t *testing.T) {
	cases := map[string]struct {
		pools []NodePool
		err   string
	}{
		"across pools (NodeIdAssignorTest)": {
			pools: []NodePool{
				{Name: "my-pool", Replicas: 3, StatusNodeIDs: []int{0, 1, 2}},
				{Name: "my-pool2", Replicas: 3, StatusNodeIDs: []int{2, 3, 4}},
			},
			err: "Found duplicate node ID 2 in node pool my-pool2",
		},
		"reported on the later pool by name": {
			pools: []NodePool{
				{Name: "b", Replicas: 1, StatusNodeIDs: []int{7}},
				{Name: "a", Replicas: 1, StatusNodeIDs: []int{7}},
			},
			err: "Found duplicate node ID 7 in node pool b",
		},
		"within one pool": {
			pools: []NodePool{{Name: "a", Replicas: 2, StatusNodeIDs: []int{1, 1}}},
			err:   "Found duplicate node ID 1 in node pool a",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := AssignNodeIDs(tc.pools)
			assert.EqualError(t, err, tc.err)
		})
	}
}

func TestAssignNodeIDsWarnings(t *testing.T) {
	cases := map[string]struct {
		pool     NodePool
		desired  []int
		warnings []string
	}{
		"invalid next ids on a new pool": {
			pool:     NodePool{Name: "a", Replicas: 2, NextNodeIDs: "1000"},
			desired:  []int{0, 1},
			warnings: []string{"Failed to use strimzi.io/next-node-ids 1000. New node IDs will be assigned sequentially."},
		},
		"invalid remove ids on scale down": {
			pool:     NodePool{Name: "a", Replicas: 1, RemoveNodeIDs: "[0,]", StatusNodeIDs: []int{0, 1}},
			desired:  []int{0},
			warnings: []string{"Failed to use strimzi.io/remove-node-ids [0,]. Nodes will be scaled down from the highest node ID."},
		},
		"invalid remove ids unused on scale up": {
			pool:    NodePool{Name: "a", Replicas: 3, RemoveNodeIDs: "[0,]", StatusNodeIDs: []int{0, 1}},
			desired: []int{0, 1, 2},
		},
		"invalid next ids unused without change": {
			pool:    NodePool{Name: "a", Replicas: 2, NextNodeIDs: "x", StatusNodeIDs: []int{0, 1}},
			desired: []int{0, 1},
		},
		"blank annotation is an empty range": {
			pool:    NodePool{Name: "a", Replicas: 1, NextNodeIDs: " [ ] "},
			desired: []int{0},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := AssignNodeIDs([]NodePool{tc.pool})
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, tc.desired, got[0].Desired)
			assert.Equal(t, tc.warnings, got[0].Warnings)
		})
	}
}

// NodeIdAssignorTest.testFindingIdsInGaps, through the set's nextUnused.
func TestNextUnusedID(t *testing.T) {
	cases := map[string]struct {
		ids  []int
		next int
	}{
		"empty":     {nil, 0},
		"no gaps":   {[]int{0, 1, 2}, 3},
		"0 2":       {[]int{0, 2}, 1},
		"0 2-5":     {[]int{0, 2, 3, 4, 5}, 1},
		"0 1 3-5":   {[]int{0, 1, 3, 4, 5}, 2},
		"0-2 4 5":   {[]int{0, 1, 2, 4, 5}, 3},
		"0-3 5":     {[]int{0, 1, 2, 3, 5}, 4},
		"0 3-5":     {[]int{0, 3, 4, 5}, 1},
		"0 4 5":     {[]int{0, 4, 5}, 1},
		"0 5":       {[]int{0, 5}, 1},
		"high only": {[]int{1000}, 0},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			s := newIDSet()
			for _, id := range tc.ids {
				s.add(id)
			}
			assert.Equal(t, tc.next, s.nextUnused())
		})
	}
}

func TestNodes(t *testing.T) {
	pools := []NodePool{
		{Name: "brokers", Replicas: 2, Roles: []string{RoleBroker}},
		{Name: "controllers", Replicas: 1, Roles: []string{RoleController}, NextNodeIDs: "[100]"},
		{Name: "mixed", Replicas: 1, Roles: []string{RoleBroker, RoleController}},
	}
	as, err := AssignNodeIDs(pools)
	require.NoError(t, err)
	got := Nodes("c", pools, as)
	want := []Node{
		{ID: 0, Pool: "brokers", Pod: "c-brokers-0", Broker: true},
		{ID: 1, Pool: "brokers", Pod: "c-brokers-1", Broker: true},
		{ID: 2, Pool: "mixed", Pod: "c-mixed-2", Broker: true, Controller: true},
		{ID: 100, Pool: "controllers", Pod: "c-controllers-100", Controller: true},
	}
	assert.Equal(t, want, got)
}

func TestAssignNodeIDsStableWithoutStatus(t *testing.T) {
	desired := func(t *testing.T, pools ...NodePool) map[string][]int {
		t.Helper()
		as, err := AssignNodeIDs(pools)
		require.NoError(t, err)
		out := map[string][]int{}
		for _, a := range as {
			out[a.Pool] = a.Desired
		}
		return out
	}
	t.Run("unpinned pools renumber when the first grows", func(t *testing.T) {
		before := desired(t, NodePool{Name: "a", Replicas: 3}, NodePool{Name: "b", Replicas: 3})
		after := desired(t, NodePool{Name: "a", Replicas: 4}, NodePool{Name: "b", Replicas: 3})
		assert.Equal(t, []int{3, 4, 5}, before["b"])
		assert.Equal(t, []int{4, 5, 6}, after["b"], "what the pins prevent")
	})
	t.Run("pinned pools keep their IDs when the first grows", func(t *testing.T) {
		after := desired(t, NodePool{Name: "a", Replicas: 4, NextNodeIDs: "[0-2]"}, NodePool{Name: "b", Replicas: 3, NextNodeIDs: "[3-5]"})
		assert.Equal(t, []int{0, 1, 2, 6}, after["a"])
		assert.Equal(t, []int{3, 4, 5}, after["b"])
	})
	t.Run("a pinned pool keeps its IDs when a pool sorting before it is added", func(t *testing.T) {
		after := desired(t, NodePool{Name: "a", Replicas: 2}, NodePool{Name: "b", Replicas: 3, NextNodeIDs: "[0-2]"})
		assert.Equal(t, []int{0, 1, 2}, after["b"])
		assert.Equal(t, []int{3, 4}, after["a"])
	})
	t.Run("an earlier render keeps the IDs", func(t *testing.T) {
		after := desired(t, NodePool{Name: "a", Replicas: 4, RenderedNodeIDs: []int{0, 1, 2}}, NodePool{Name: "b", Replicas: 3, RenderedNodeIDs: []int{3, 4, 5}})
		assert.Equal(t, []int{0, 1, 2, 6}, after["a"])
		assert.Equal(t, []int{3, 4, 5}, after["b"])
	})
	t.Run("status comes before the earlier render", func(t *testing.T) {
		after := desired(t, NodePool{Name: "a", Replicas: 2, StatusNodeIDs: []int{7, 8}, RenderedNodeIDs: []int{0, 1}})
		assert.Equal(t, []int{7, 8}, after["a"])
	})
	t.Run("a pinned pool scaled down without the removed IDs", func(t *testing.T) {
		after := desired(t, NodePool{Name: "a", Replicas: 2, NextNodeIDs: "[0-2]", RemoveNodeIDs: "[0]"}, NodePool{Name: "b", Replicas: 1, NextNodeIDs: "[3]"})
		assert.Equal(t, []int{1, 2}, after["a"])
		assert.Equal(t, []int{3}, after["b"])
	})
	t.Run("a pin another pool holds falls back to Strimzi's assignment", func(t *testing.T) {
		after := desired(t, NodePool{Name: "a", Replicas: 2, StatusNodeIDs: []int{0, 1}}, NodePool{Name: "b", Replicas: 2, NextNodeIDs: "[1-2]"})
		assert.Equal(t, []int{2, 3}, after["b"])
	})
}

func TestFormatNodeIDRange(t *testing.T) {
	assert.Equal(t, "[]", FormatNodeIDRange(nil))
	assert.Equal(t, "[3]", FormatNodeIDRange([]int{3}))
	assert.Equal(t, "[0-2, 5, 7-8]", FormatNodeIDRange([]int{8, 0, 1, 2, 5, 7, 1}))
	r, err := ParseNodeIDRange(FormatNodeIDRange([]int{0, 1, 2, 5}))
	require.NoError(t, err)
	var got []int
	for id, ok := r.Next(); ok; id, ok = r.Next() {
		got = append(got, id)
	}
	assert.Equal(t, []int{0, 1, 2, 5}, got)
}
