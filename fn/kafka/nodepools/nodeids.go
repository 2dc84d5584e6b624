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
	// Pinned are the IDs the next-node-ids annotation pins (FromPin).
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
	removed := newIDSet()
	if remove, err := ParseNodeIDRange(p.RemoveNodeIDs); p.RemoveNodeIDs != "" && err == nil {
		for id, ok := remove.Next(); ok; id, ok = remove.Next() {
			removed.add(id)
		}
	}
	ids := newIDSet()
	for id, ok := next.Next(); ok && ids.len() < p.Replicas; id, ok = next.Next() {
		if !removed.has(id) {
			ids.add(id)
		}
	}
	if ids.len() == 0 {
		return nil
	}
	return ids.sorted()
}

// assignPool works out one pool from the IDs it runs (nil when it runs
// none yet); used holds every ID in use so far and takes the pool's new IDs.
func assignPool(p NodePool, running []int, used *idSet) Assignment {
	a := Assignment{Pool: p.Name, Added: []int{}, Removed: []int{}}
	current := newIDSet()
	current.addAll(running)
	desired := current.clone()

	switch {
	case running == nil || p.Replicas > current.len():
		next := a.rangeOf(AnnoNextNodeIDs, p.NextNodeIDs, "New node IDs will be assigned sequentially.")
		for i := current.len(); i < p.Replicas; i++ {
			id := nextFreeID(used, next)
			used.add(id)
			desired.add(id)
			a.Added = append(a.Added, id)
		}
	case p.Replicas < current.len():
		remove := a.rangeOf(AnnoRemoveNodeIDs, p.RemoveNodeIDs, "Nodes will be scaled down from the highest node ID.")
		for i := p.Replicas; i < current.len(); i++ {
			a.Removed = append(a.Removed, nextRemovedID(desired, remove))
		}
	}

	a.Current = current.sorted()
	a.Desired = desired.sorted()
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
		for {
			id, ok := next.Next()
			if !ok {
				break
			}
			if !used.has(id) {
				return id
			}
		}
	}
	return used.nextUnused()
}

// nextRemovedID removes and returns the first ID of the range the pool still
// has, else its highest ID (Strimzi: NodeIdAssignor.nextRemoveId).
func nextRemovedID(desired *idSet, remove *NodeIDRange) int {
	if remove != nil {
		for {
			id, ok := remove.Next()
			if !ok {
				break
			}
			if desired.has(id) {
				desired.remove(id)
				return id
			}
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

// idSet is the subset of Java's TreeSet<Integer> the assignor needs.
type idSet struct {
	ids map[int]struct{}
}

func newIDSet() *idSet { return &idSet{ids: map[int]struct{}{}} }

func (s *idSet) add(id int) { s.ids[id] = struct{}{} }
func (s *idSet) addAll(ids []int) {
	for _, id := range ids {
		s.add(id)
	}
}

func (s *idSet) hasAny(ids []int) bool {
	return slices.ContainsFunc(ids, s.has)
}

func (s *idSet) remove(id int)   { delete(s.ids, id) }
func (s *idSet) len() int        { return len(s.ids) }
func (s *idSet) has(id int) bool { _, ok := s.ids[id]; return ok }

func (s *idSet) clone() *idSet {
	c := newIDSet()
	for id := range s.ids {
		c.add(id)
	}
	return c
}

func (s *idSet) sorted() []int {
	out := make([]int, 0, len(s.ids))
	for id := range s.ids {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func (s *idSet) max() int {
	first, m := true, 0
	for id := range s.ids {
		if first || id > m {
			first, m = false, id
		}
	}
	return m
}

// nextUnused is NodeIdAssignor.nextUnusedId: 0 for an empty set, max+1 when
// the set has no gaps, else the lowest gap counting from 0.
func (s *idSet) nextUnused() int {
	if s.len() == 0 {
		return 0
	}
	if m := s.max(); s.len() == m+1 {
		return m + 1
	}
	next := 0
	for s.has(next) {
		next++
	}
	return next
}
