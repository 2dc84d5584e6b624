package nodepools

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// naiveAssign is NodeIdAssignor step by step, as Strimzi writes it: ranges
// hand out one ID at a time and sets are searched from the start. It is the
// reference for AssignNodeIDs, whose searches jump.
func naiveAssign(pools []NodePool) []Assignment {
	sorted := slices.Clone(pools)
	slices.SortStableFunc(sorted, func(a, b NodePool) int { return cmpString(a.Name, b.Name) })
	used := map[int]bool{}
	for _, p := range sorted {
		for _, id := range p.StatusNodeIDs {
			used[id] = true
		}
	}
	var out []Assignment
	for _, p := range sorted {
		a := Assignment{Pool: p.Name, Added: []int{}, Removed: []int{}}
		current := map[int]bool{}
		for _, id := range p.StatusNodeIDs {
			current[id] = true
		}
		desired := map[int]bool{}
		for id := range current {
			desired[id] = true
		}
		switch {
		case p.StatusNodeIDs == nil || p.Replicas > len(current):
			next := a.rangeOf(AnnoNextNodeIDs, p.NextNodeIDs, "New node IDs will be assigned sequentially.")
			for i := len(current); i < p.Replicas; i++ {
				id, found := 0, false
				for next != nil && !found {
					var ok bool
					if id, ok = next.Next(); !ok {
						break
					}
					found = !used[id]
				}
				if !found {
					id = naiveNextUnused(used)
				}
				used[id], desired[id] = true, true
				a.Added = append(a.Added, id)
			}
		case p.Replicas < len(current):
			remove := a.rangeOf(AnnoRemoveNodeIDs, p.RemoveNodeIDs, "Nodes will be scaled down from the highest node ID.")
			for i := p.Replicas; i < len(current); i++ {
				id, found := 0, false
				for remove != nil && !found {
					var ok bool
					if id, ok = remove.Next(); !ok {
						break
					}
					found = desired[id]
				}
				if !found {
					id = slices.Max(keys(desired))
				}
				delete(desired, id)
				a.Removed = append(a.Removed, id)
			}
		}
		a.Current, a.Desired = keys(current), keys(desired)
		slices.Sort(a.Added)
		slices.Sort(a.Removed)
		out = append(out, a)
	}
	return out
}

func naiveNextUnused(used map[int]bool) int {
	if len(used) == 0 {
		return 0
	}
	if m := slices.Max(keys(used)); len(used) == m+1 {
		return m + 1
	}
	for i := 0; ; i++ {
		if !used[i] {
			return i
		}
	}
}

func keys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestAssignNodeIDsMatchesNaive compares AssignNodeIDs with the step-by-step
// reference on random pools: random status IDs, replicas, and next and
// remove ranges counting up and down.
func TestAssignNodeIDsMatchesNaive(t *testing.T) {
	for _, size := range []struct{ ids, replicas, status int }{{40, 12, 10}, {400, 80, 120}} {
		compareWithNaive(t, rand.New(rand.NewPCG(1, uint64(size.ids))), size.ids, size.replicas, size.status)
	}
}

func compareWithNaive(t *testing.T, r *rand.Rand, maxID, maxReplicas, maxStatus int) {
	randomRange := func() string {
		if r.IntN(3) == 0 {
			return ""
		}
		s := "["
		for i := range 1 + r.IntN(4) {
			if i > 0 {
				s += ","
			}
			if r.IntN(2) == 0 {
				s += fmt.Sprint(r.IntN(maxID))
			} else {
				s += fmt.Sprintf("%d-%d", r.IntN(maxID), r.IntN(maxID))
			}
		}
		return s + "]"
	}
	for run := range 1500 {
		var pools []NodePool
		seen := map[int]bool{}
		for i := range 1 + r.IntN(4) {
			p := NodePool{Name: fmt.Sprint("pool-", i), Replicas: r.IntN(maxReplicas), NextNodeIDs: randomRange(), RemoveNodeIDs: randomRange()}
			// Every pool has a status, as the operator's do: a pool without
			// one runs the IDs of an earlier render or of its pin first,
			// which Strimzi's algorithm knows nothing of (AssignNodeIDs).
			p.StatusNodeIDs = []int{}
			for range r.IntN(maxStatus) {
				id := r.IntN(maxID * 3 / 4)
				if !seen[id] {
					seen[id] = true
					p.StatusNodeIDs = append(p.StatusNodeIDs, id)
				}
			}
			pools = append(pools, p)
		}
		got, err := AssignNodeIDs(pools)
		require.NoError(t, err, "run %d", run)
		for i := range got {
			require.Equal(t, FromStatus, got[i].CurrentFrom)
			got[i].CurrentFrom = 0
		}
		require.Equal(t, naiveAssign(pools), got, "run %d: %+v", run, pools)
	}
}
