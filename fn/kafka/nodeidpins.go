package kafka

import (
	"slices"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// unpinnedPools warns on each pool of a Kafka with several pools whose node
// IDs neither status.nodeIds nor strimzi.io/next-node-ids fixes (all of
// them: a pinned pool that grew past its range has new IDs): without
// them, a pool sorting before it that grows or is added takes its IDs,
// and its nodes are renumbered onto storage formatted for other IDs. An
// earlier render in the input only fixes them for this run. The warning
// gives the annotation that pins the IDs the pool has now.
func (m *Model) unpinnedPools() []results.Problem {
	if len(m.Pools) < 2 {
		return nil
	}
	var out []results.Problem
	for _, p := range m.Pools {
		a := p.Assignment
		why := "no " + nodepools.AnnoNextNodeIDs + " annotation"
		switch {
		case a.CurrentFrom == nodepools.FromStatus || len(a.Desired) == 0:
			continue
		case a.CurrentFrom == nodepools.FromRender && m.pinHolds(p):
			continue
		case a.CurrentFrom == nodepools.FromRender && len(a.Pinned) > 0 && !slices.ContainsFunc(a.Pinned, func(id int) bool { return !slices.Contains(a.Desired, id) }):
			why = "a " + nodepools.AnnoNextNodeIDs + " annotation that pins only " + nodepools.FormatNodeIDRange(a.Pinned)
		case a.CurrentFrom == nodepools.FromPin:
			if !slices.ContainsFunc(a.Desired, func(id int) bool { return !slices.Contains(a.Pinned, id) }) {
				continue
			}
			why = "a " + nodepools.AnnoNextNodeIDs + " annotation that pins only " + nodepools.FormatNodeIDRange(a.Pinned)
		case p.cr.Annotations[nodepools.AnnoNextNodeIDs] != "":
			why = "a " + nodepools.AnnoNextNodeIDs + " annotation that cannot pin them (invalid, or naming IDs another pool has)"
		}
		pin := nodepools.FormatNodeIDRange(a.Desired)
		out = append(out, OnPool(results.Warningf("metadata.annotations",
			"the node IDs of KafkaNodePool %s (%s) are not pinned: it has no status.nodeIds and %s, so a KafkaNodePool that sorts before it and grows, or is added, would take them and renumber its nodes; "+
				"pin them with the annotation %s: %q",
			p.Name, pin[1:len(pin)-1], why, nodepools.AnnoNextNodeIDs, pin), m.Namespace, p.Name))
	}
	return out
}

// pinHolds reports whether the next-node-ids annotation of a pool whose
// IDs an earlier render gave would pin the same IDs on its own: it names
// every one of them, and none another pool has.
func (m *Model) pinHolds(p *Pool) bool {
	a := p.Assignment
	if len(a.Pinned) == 0 || !slices.Equal(a.Pinned, slices.Sorted(slices.Values(a.Desired))) {
		return false
	}
	for _, o := range m.Pools {
		if o != p && slices.ContainsFunc(o.Assignment.Desired, func(id int) bool { return slices.Contains(a.Pinned, id) }) {
			return false
		}
	}
	return true
}
