package javacompat

import (
	"slices"
	"unicode/utf16"
)

// HashOrder returns the order in which a java.util.HashMap, filled
// with keys in list order (Collectors.toMap, that is putIfAbsent), iterates
// them. Strimzi's KafkaConnectDockerfile.connectorPluginsPreStage writes the
// Maven pre-stage in this order. Duplicate keys keep their first place.
//
// Usually the order is buckets ascending, keys within a bucket in insertion
// order, at the final capacity. Names that collide change that: a bucket
// reaching 9 keys doubles a table smaller than 64, and in a larger table
// becomes a red-black tree whose root moves to the front of the bucket and
// whose later keys are linked after their tree parent. Those steps are
// emulated as OpenJDK performs them; a test compares with a real JDK.
func HashOrder(keys []string) []string {
	m := newJavaMap()
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			m.put(k)
		}
	}
	out := make([]string, 0, len(seen))
	for _, head := range m.tab {
		for e := head; e != nil; e = e.next {
			out = append(out, e.key)
		}
	}
	return out
}

// Constants of java.util.HashMap.
const (
	javaInitialCapacity = 16 // DEFAULT_INITIAL_CAPACITY
	javaTreeifyAt       = 8  // TREEIFY_THRESHOLD: a longer bin is treeified
	javaUntreeifyAt     = 6  // UNTREEIFY_THRESHOLD: a split bin this short becomes a list
	javaMinTreeCapacity = 64 // MIN_TREEIFY_CAPACITY: below it, treeifyBin resizes instead
)

// javaNode is HashMap.Node and HashMap.TreeNode in one: next links a bin in
// iteration order; prev, parent, left, right and red are used in tree bins.
type javaNode struct {
	key                 string
	hash                int32
	next, prev          *javaNode
	parent, left, right *javaNode
	red                 bool
}

type javaMap struct {
	tab  []*javaNode
	tree []bool // tab[i] is a tree bin
	size int
}

func newJavaMap() *javaMap {
	return &javaMap{tab: make([]*javaNode, javaInitialCapacity), tree: make([]bool, javaInitialCapacity)}
}

func (m *javaMap) index(h int32) int { return int(h) & (len(m.tab) - 1) }

// put is HashMap.putVal for a key not yet in the map.
func (m *javaMap) put(key string) {
	x := &javaNode{key: key, hash: javaSpread(StringHashCode(key))}
	i := m.index(x.hash)
	switch p := m.tab[i]; {
	case p == nil:
		m.tab[i] = x
	case m.tree[i]:
		m.putTreeVal(i, x)
	default:
		for binCount := 0; ; binCount++ {
			if p.next == nil {
				p.next, x.prev = x, p
				if binCount >= javaTreeifyAt-1 {
					m.treeifyBin(x.hash)
				}
				break
			}
			p = p.next
		}
	}
	m.size++
	if m.size > len(m.tab)/4*3 {
		m.resize()
	}
}

func (m *javaMap) treeifyBin(h int32) {
	if len(m.tab) < javaMinTreeCapacity {
		m.resize()
		return
	}
	m.treeify(m.index(h))
}

// resize doubles the table; each bin splits into a low and a high bin that
// keep their order (HashMap.resize and TreeNode.split).
func (m *javaMap) resize() {
	oldCap := len(m.tab)
	oldTab, oldTree := m.tab, m.tree
	m.tab = make([]*javaNode, 2*oldCap)
	m.tree = make([]bool, 2*oldCap)
	for j, e := range oldTab {
		var lo, hi []*javaNode
		for ; e != nil; e = e.next {
			if int(e.hash)&oldCap == 0 {
				lo = append(lo, e)
			} else {
				hi = append(hi, e)
			}
		}
		m.setBin(j, lo, oldTree[j], len(hi) > 0)
		m.setBin(j+oldCap, hi, oldTree[j], len(lo) > 0)
	}
}

// setBin links nodes as bin i. A part of a split tree bin stays a tree only
// if it is long enough, and is rebuilt if the other part took nodes away.
func (m *javaMap) setBin(i int, nodes []*javaNode, wasTree, otherPart bool) {
	if len(nodes) == 0 {
		return
	}
	for k, n := range nodes {
		n.prev, n.next = nil, nil
		if k > 0 {
			n.prev, nodes[k-1].next = nodes[k-1], n
		}
	}
	m.tab[i] = nodes[0]
	switch {
	case !wasTree:
	case len(nodes) <= javaUntreeifyAt:
		for _, n := range nodes {
			n.parent, n.left, n.right, n.red = nil, nil, nil, false
		}
	case otherPart:
		m.treeify(i)
	default:
		m.tree[i] = true
	}
}

// treeify is TreeNode.treeify: insert the bin's nodes, in order, into a
// red-black tree, then move the root to the front of the bin.
func (m *javaMap) treeify(i int) {
	var root *javaNode
	for x := m.tab[i]; x != nil; x = x.next {
		x.parent, x.left, x.right = nil, nil, nil
		if root == nil {
			x.red = false
			root = x
			continue
		}
		p := root
		for {
			xp, dir := p, javaCompare(x, p)
			if p = child(xp, dir); p == nil {
				x.parent = xp
				setChild(xp, dir, x)
				root = balanceInsertion(root, x)
				break
			}
		}
	}
	m.tree[i] = true
	m.moveRootToFront(i, root)
}

// putTreeVal is TreeNode.putTreeVal: the new node is linked right after its
// tree parent in the bin's order.
func (m *javaMap) putTreeVal(i int, x *javaNode) {
	root := m.tab[i]
	for root.parent != nil {
		root = root.parent
	}
	for p := root; ; {
		xp, dir := p, javaCompare(x, p)
		if p = child(xp, dir); p == nil {
			xpn := xp.next
			setChild(xp, dir, x)
			xp.next, x.next = x, xpn
			x.parent, x.prev = xp, xp
			if xpn != nil {
				xpn.prev = x
			}
			m.moveRootToFront(i, balanceInsertion(root, x))
			return
		}
	}
}

func (m *javaMap) moveRootToFront(i int, root *javaNode) {
	first := m.tab[i]
	if root == first {
		return
	}
	if root.next != nil {
		root.next.prev = root.prev
	}
	if root.prev != nil {
		root.prev.next = root.next
	}
	first.prev = root
	root.next, root.prev = first, nil
	m.tab[i] = root
}

// javaCompare orders tree nodes as TreeNode does for String keys: by hash as
// a signed int, then by String.compareTo.
func javaCompare(x, p *javaNode) int {
	switch {
	case p.hash > x.hash:
		return -1
	case p.hash < x.hash:
		return 1
	}
	return slices.Compare(utf16.Encode([]rune(x.key)), utf16.Encode([]rune(p.key)))
}

func child(p *javaNode, dir int) *javaNode {
	if dir <= 0 {
		return p.left
	}
	return p.right
}

func setChild(p *javaNode, dir int, x *javaNode) {
	if dir <= 0 {
		p.left = x
	} else {
		p.right = x
	}
}

// balanceInsertion, rotateLeft and rotateRight are TreeNode's, step for
// step: the root they leave decides the bin's first key.
func balanceInsertion(root, x *javaNode) *javaNode {
	x.red = true
	for {
		xp := x.parent
		if xp == nil {
			x.red = false
			return x
		}
		xpp := xp.parent
		if !xp.red || xpp == nil {
			return root
		}
		if xppl := xpp.left; xp == xppl {
			if xppr := xpp.right; xppr != nil && xppr.red {
				xppr.red, xp.red, xpp.red = false, false, true
				x = xpp
				continue
			}
			if x == xp.right {
				x = xp
				root = rotateLeft(root, x)
				xp, xpp = x.parent, grandparent(x)
			}
			if xp != nil {
				xp.red = false
				if xpp != nil {
					xpp.red = true
					root = rotateRight(root, xpp)
				}
			}
		} else {
			if xppl != nil && xppl.red {
				xppl.red, xp.red, xpp.red = false, false, true
				x = xpp
				continue
			}
			if x == xp.left {
				x = xp
				root = rotateRight(root, x)
				xp, xpp = x.parent, grandparent(x)
			}
			if xp != nil {
				xp.red = false
				if xpp != nil {
					xpp.red = true
					root = rotateLeft(root, xpp)
				}
			}
		}
	}
}

func grandparent(x *javaNode) *javaNode {
	if x.parent == nil {
		return nil
	}
	return x.parent.parent
}

func rotateLeft(root, p *javaNode) *javaNode {
	if p == nil || p.right == nil {
		return root
	}
	r := p.right
	p.right = r.left
	if p.right != nil {
		p.right.parent = p
	}
	r.parent = p.parent
	switch pp := r.parent; {
	case pp == nil:
		root = r
		r.red = false
	case pp.left == p:
		pp.left = r
	default:
		pp.right = r
	}
	r.left, p.parent = p, r
	return root
}

func rotateRight(root, p *javaNode) *javaNode {
	if p == nil || p.left == nil {
		return root
	}
	l := p.left
	p.left = l.right
	if p.left != nil {
		p.left.parent = p
	}
	l.parent = p.parent
	switch pp := l.parent; {
	case pp == nil:
		root = l
		l.red = false
	case pp.right == p:
		pp.right = l
	default:
		pp.left = l
	}
	l.right, p.parent = p, l
	return root
}

func javaSpread(h int32) int32 {
	return h ^ int32(uint32(h)>>16)
}
