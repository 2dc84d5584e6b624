package nodepools

import (
	"fmt"
	"slices"
	"sort"

	"github.com/strimzi-render/strimzi-render/fn/names"
)

// Node roles, as written in KafkaNodePool.spec.roles.
const (
	RoleController = "controller"
	RoleBroker     = "broker"
)

// NodePool is what the model needs from one KafkaNodePool.
type NodePool struct {
	Name     string
	Replicas int
	Roles    []string // RoleController and/or RoleBroker
	// StatusNodeIDs is status.nodeIds; nil when the pool has no status yet.
	StatusNodeIDs []int
	// RenderedNodeIDs are the IDs an earlier render in the input gave the
	// pool's nodes; nil when the input holds none.
	RenderedNodeIDs []int
	// NextNodeIDs and RemoveNodeIDs hold the strimzi.io/next-node-ids and
	// strimzi.io/remove-node-ids annotations, "" when absent.
	NextNodeIDs   string
	RemoveNodeIDs string
	Storage       Storage
}

// HasRole reports whether spec.roles lists role.
func (p NodePool) HasRole(role string) bool { return slices.Contains(p.Roles, role) }

// Assignment is the outcome of node ID assignment for one pool
// (Strimzi: nodepools.NodeIdAssignment). Every list is sorted.
type Assignment struct {
	Pool string
	// Current are the IDs the pool runs: status.nodeIds, else those read
	// back from an earlier render. A pinned pool is new to Strimzi: none.
	Current []int
	// CurrentFrom tells where Current comes from.
	CurrentFrom CurrentSource
	// Pinned are the IDs the next-node-ids annotation pins (FromPin), or
	// would pin (FromRender).
	Pinned   []int
	Desired  []int // the IDs the pool has after this reconciliation
	Added    []int
	Removed  []int
	Warnings []string // invalid annotations, which Strimzi only logs
}

// CurrentSource is where a pool's current node IDs come from.
type CurrentSource int

const (
	// FromNothing: the pool's nodes are all new, as Strimzi sees a pool
	// without status.
	FromNothing CurrentSource = iota
	FromStatus
	// FromRender: an earlier render in the input named the nodes.
	FromRender
	// FromPin: the strimzi.io/next-node-ids annotation pins them.
	FromPin
)

// AssignNodeIDs gives every pool its node IDs (Strimzi: NodeIdAssignor).
// Pools are handled in name order, the order in which the API server lists
// them to the operator. An ID found in the status of two pools is an error.
// A pool growing takes IDs from its next-node-ids range that no pool uses,
// then the lowest unused ID; each new ID is used at once, so later pools see
// it. A pool shrinking drops the IDs of its remove-node-ids range that it
// has, then its highest IDs.
//
// Without state, Strimzi would hand a pool without status IDs that depend
// on the other pools, so a pool growing or a new pool could renumber
// another. A pool without status therefore runs, in this order, the IDs an
// earlier render in the input gave it, or the IDs its next-node-ids range
// pins (pinnedIDs), as long as no other pool holds any of them.
func AssignNodeIDs(pools []NodePool) ([]Assignment, error) {
	sorted := slices.Clone(pools)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })

	used := newIDSet()
	for _, p := range sorted {
		for _, id := range p.StatusNodeIDs {
			if used.has(id) {
				//lint:ignore ST1005 Strimzi's message, kept verbatim
				return nil, fmt.Errorf("Found duplicate node ID %d in node pool %s", id, p.Name)
			}
			used.add(id)
		}
	}

	currents := make([][]int, len(sorted))
	sources := make([]CurrentSource, len(sorted))
	for i, p := range sorted {
		if p.StatusNodeIDs != nil {
			currents[i], sources[i] = p.StatusNodeIDs, FromStatus
		}
	}
	claim := func(source CurrentSource, idsOf func(NodePool) []int) {
		for i, p := range sorted {
			if ids := idsOf(p); currents[i] == nil && ids != nil && !used.hasAny(ids) {
				currents[i], sources[i] = ids, source
				used.addAll(ids)
			}
		}
	}
	claim(FromRender, func(p NodePool) []int { return p.RenderedNodeIDs })
	claim(FromPin, pinnedIDs)

	out := make([]Assignment, 0, len(sorted))
	for i, p := range sorted {
		a := assignPool(p, currents[i], used)
		a.CurrentFrom = sources[i]
		if a.CurrentFrom == FromRender {
			// What the annotation would pin without the earlier render,
			// so that a pinned pool is not reported as unpinned.
			a.Pinned = pinnedIDs(p)
		}
		if a.CurrentFrom == FromPin {
			// The pin only keeps other pools off the IDs Strimzi gives
			// the pool from its range: every node is new to Strimzi.
			a.Pinned = currents[i]
			a.Current, a.Added, a.Removed = []int{}, slices.Clone(a.Desired), []int{}
		}
		out = append(out, a)
	}
	return out, nil
}

// pinnedIDs are the IDs a pool without status runs when its next-node-ids
// range is valid: the first replicas IDs of the range that its
// remove-node-ids range does not name, the IDs Strimzi gives a new pool
// whose range no other pool uses, and those left after a scale-down that
// removed the named ones. nil without a usable range.
func pinnedIDs(p NodePool) []int {
	next, err := ParseNodeIDRange(p.NextNodeIDs)
	if p.NextNodeIDs == "" || err != nil {
		return nil
	}
	remove, err := ParseNodeIDRange(p.RemoveNodeIDs)
	if err != nil {
		remove = &NodeIDRange{}
	}
	seen := map[int]bool{}
	var ids []int
	// Bounded, so a remove range that covers most of a huge next range
	// cannot keep the loop going: such a pin is not used.
	for steps := 0; len(ids) < p.Replicas && steps < p.Replicas+maxPinSkips; steps++ {
		id, ok := next.Next()
		if !ok {
			break
		}
		if !remove.Contains(id) && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	return ids
}

// maxPinSkips bounds the IDs of a next-node-ids range that pinnedIDs skips.
const maxPinSkips = 10000

// assignPool works out one pool from the IDs it runs (nil when it runs
// none yet); used holds every ID in use so far and takes the pool's new IDs.
// Each step is close to constant time, so a pool costs time linear in its
// replicas, its current IDs and the part of its annotation ranges it uses,
// however large the IDs.
func assignPool(p NodePool, running []int, used *idSet) Assignment {
	a := Assignment{Pool: p.Name, Added: []int{}, Removed: []int{}}
	current := append([]int{}, running...)
	slices.Sort(current)
	current = slices.Compact(current)

	switch {
	case running == nil || p.Replicas > len(current):
		next := a.rangeOf(AnnoNextNodeIDs, p.NextNodeIDs, "New node IDs will be assigned sequentially.")
		for i := len(current); i < p.Replicas; i++ {
			id := nextFreeID(used, next)
			used.add(id)
			a.Added = append(a.Added, id)
		}
		a.Desired = append(slices.Clone(current), a.Added...)
	case p.Replicas < len(current):
		remove := a.rangeOf(AnnoRemoveNodeIDs, p.RemoveNodeIDs, "Nodes will be scaled down from the highest node ID.")
		desired := newSortedIDs(current)
		for i := p.Replicas; i < len(current); i++ {
			a.Removed = append(a.Removed, nextRemovedID(desired, remove))
		}
		a.Desired = desired.remaining()
	default:
		a.Desired = slices.Clone(current)
	}

	a.Current = current
	slices.Sort(a.Desired)
	slices.Sort(a.Added)
	slices.Sort(a.Removed)
	return a
}

// rangeOf parses an annotation, turning an invalid value into a warning with
// the fall-back Strimzi logs. An absent annotation gives nil.
func (a *Assignment) rangeOf(anno, value, fallback string) *NodeIDRange {
	if value == "" {
		return nil
	}
	r, err := ParseNodeIDRange(value)
	if err != nil {
		a.Warnings = append(a.Warnings, fmt.Sprintf("Failed to use %s %s. %s", anno, value, fallback))
		return nil
	}
	return r
}

// nextFreeID takes the first unused ID left in the range, else the lowest
// unused one (Strimzi: NodeIdAssignor.provideNextId).
func nextFreeID(used *idSet, next *NodeIDRange) int {
	if next != nil {
		id, ok := next.NextAccepted(func(from, to int) (int, bool) {
			if from <= to {
				id := used.freeAbove(from)
				return id, id <= to
			}
			id := used.freeBelow(from)
			return id, id >= to
		})
		if ok {
			return id
		}
	}
	return used.nextUnused()
}

// nextRemovedID removes and returns the first ID of the range the pool still
// has, else its highest ID (Strimzi: NodeIdAssignor.nextRemoveId).
func nextRemovedID(desired *sortedIDs, remove *NodeIDRange) int {
	if remove != nil {
		id, ok := remove.NextAccepted(desired.firstBetween)
		if ok {
			desired.remove(id)
			return id
		}
	}
	id := desired.max()
	desired.remove(id)
	return id
}

// Node is one Kafka node: a pod of a pool with a node ID (Strimzi: NodeRef).
type Node struct {
	ID         int
	Pool       string
	Pod        string
	Controller bool
	Broker     bool
	Storage    Storage // the pool's storage
	// Cordoned marks a node whose log dirs are cordoned while Kafka 4.3 or
	// later moves its data away before a scale-down.
	Cordoned bool
}

// Nodes lists the desired nodes of all pools, sorted by node ID. The pools
// and assignments are matched by pool name.
func Nodes(cluster string, pools []NodePool, assignments []Assignment) []Node {
	byName := make(map[string]NodePool, len(pools))
	for _, p := range pools {
		byName[p.Name] = p
	}
	var nodes []Node
	for _, a := range assignments {
		p := byName[a.Pool]
		for _, id := range a.Desired {
			nodes = append(nodes, Node{
				ID:         id,
				Pool:       p.Name,
				Pod:        names.KafkaPod(cluster, p.Name, id),
				Controller: p.HasRole(RoleController),
				Broker:     p.HasRole(RoleBroker),
				Storage:    p.Storage,
			})
		}
	}
	slices.SortFunc(nodes, func(a, b Node) int { return a.ID - b.ID })
	return nodes
}

// idSet is the set of node IDs in use (Strimzi: a TreeSet<Integer>). It
// finds the nearest free ID above or below any ID with a union-find over the
// IDs in use: each member points toward a free ID, and every search shortens
// the paths it walks, so a search costs close to constant time.
type idSet struct {
	up, down map[int]int
	max      int
}

func newIDSet() *idSet { return &idSet{up: map[int]int{}, down: map[int]int{}} }

func (s *idSet) has(id int) bool { _, ok := s.up[id]; return ok }

func (s *idSet) hasAny(ids []int) bool { return slices.ContainsFunc(ids, s.has) }

func (s *idSet) addAll(ids []int) {
	for _, id := range ids {
		s.add(id)
	}
}

func (s *idSet) add(id int) {
	if s.has(id) {
		return
	}
	if len(s.up) == 0 || id > s.max {
		s.max = id
	}
	s.up[id], s.down[id] = id+1, id-1
}

// freeAbove is the lowest free ID at or above id; freeBelow the highest at
// or below it.
func (s *idSet) freeAbove(id int) int { return find(s.up, id) }
func (s *idSet) freeBelow(id int) int { return find(s.down, id) }

// find follows next from x to the first ID that is not a member, and points
// every member on the way straight at it.
func find(next map[int]int, x int) int {
	root := x
	for {
		n, ok := next[root]
		if !ok {
			break
		}
		root = n
	}
	for x != root {
		n := next[x]
		next[x] = root
		x = n
	}
	return root
}

// nextUnused is NodeIdAssignor.nextUnusedId: 0 for an empty set, max+1 when
// the set has no gaps, else the lowest gap counting from 0.
func (s *idSet) nextUnused() int {
	switch {
	case len(s.up) == 0:
		return 0
	case len(s.up) == s.max+1:
		return s.max + 1
	}
	return s.freeAbove(0)
}

// sortedIDs is a pool's node IDs while it shrinks: sorted, with removed
// ones marked, and union-find links over positions to skip removed ones.
type sortedIDs struct {
	ids      []int
	up, down []int // for a removed position, a hint toward a kept one
	removed  []bool
}

func newSortedIDs(sorted []int) *sortedIDs {
	n := len(sorted)
	s := &sortedIDs{ids: sorted, up: make([]int, n), down: make([]int, n), removed: make([]bool, n)}
	for i := range n {
		s.up[i], s.down[i] = i, i
	}
	return s
}

// keptAbove is the first kept position at or after i, or len(ids);
// keptBelow the last at or before i, or -1.
func (s *sortedIDs) keptAbove(i int) int { return findKept(s.up, s.removed, i) }
func (s *sortedIDs) keptBelow(i int) int { return findKept(s.down, s.removed, i) }

// findKept follows next from i to the first kept position (or past either
// end), and points every removed position on the way straight at it.
func findKept(next []int, removed []bool, i int) int {
	root := i
	for root >= 0 && root < len(next) && removed[root] {
		root = next[root]
	}
	for i >= 0 && i < len(next) && removed[i] && i != root {
		n := next[i]
		next[i] = root
		i = n
	}
	return root
}

// firstBetween is the first ID the set still has from from to to, counting
// down when from > to.
func (s *sortedIDs) firstBetween(from, to int) (int, bool) {
	if from <= to {
		i := s.keptAbove(sort.SearchInts(s.ids, from))
		return s.idAt(i), i < len(s.ids) && s.ids[i] <= to
	}
	i := s.keptBelow(sort.SearchInts(s.ids, from+1) - 1)
	return s.idAt(i), i >= 0 && s.ids[i] >= to
}

func (s *sortedIDs) idAt(i int) int {
	if i < 0 || i >= len(s.ids) {
		return 0
	}
	return s.ids[i]
}

func (s *sortedIDs) max() int { return s.idAt(s.keptBelow(len(s.ids) - 1)) }

func (s *sortedIDs) remove(id int) {
	i := sort.SearchInts(s.ids, id)
	if i < len(s.ids) && s.ids[i] == id && !s.removed[i] {
		s.removed[i] = true
		s.up[i], s.down[i] = i+1, i-1
	}
}

// remaining lists the IDs not removed, in order.
func (s *sortedIDs) remaining() []int {
	out := make([]int, 0, len(s.ids))
	for i, id := range s.ids {
		if !s.removed[i] {
			out = append(out, id)
		}
	}
	return out
}
