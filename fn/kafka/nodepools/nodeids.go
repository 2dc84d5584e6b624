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
	Pool     string
	Current  []int // status.nodeIds
	Desired  []int // the IDs the pool has after this reconciliation
	Added    []int
	Removed  []int
	Warnings []string // invalid annotations, which Strimzi only logs
}

// AssignNodeIDs gives every pool its node IDs (Strimzi: NodeIdAssignor).
// Pools are handled in name order, the order in which the API server lists
// them to the operator. An ID found in the status of two pools is an error.
// A pool growing takes IDs from its next-node-ids range that no pool uses,
// then the lowest unused ID; each new ID is used at once, so later pools see
// it. A pool shrinking drops the IDs of its remove-node-ids range that it
// has, then its highest IDs.
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

	out := make([]Assignment, 0, len(sorted))
	for _, p := range sorted {
		out = append(out, assignPool(p, used))
	}
	return out, nil
}

// assignPool works out one pool; used holds every ID in use so far and takes
// the pool's new IDs.
func assignPool(p NodePool, used *idSet) Assignment {
	a := Assignment{Pool: p.Name, Added: []int{}, Removed: []int{}}
	current := newIDSet()
	for _, id := range p.StatusNodeIDs {
		current.add(id)
	}
	desired := current.clone()

	switch {
	case p.StatusNodeIDs == nil || p.Replicas > current.len():
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

func (s *idSet) add(id int)      { s.ids[id] = struct{}{} }
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
