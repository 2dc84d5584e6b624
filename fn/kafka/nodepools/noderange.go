package nodepools

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Annotations on a KafkaNodePool that steer node ID assignment.
const (
	AnnoNextNodeIDs   = "strimzi.io/next-node-ids"
	AnnoRemoveNodeIDs = "strimzi.io/remove-node-ids"
)

// jws is Java's \s, which also matches the vertical tab that Go's \s leaves out.
const jws = `[ \t\n\x0B\f\r]`

var (
	singleNodeID  = `([0-9]+)`
	rangeOfIDs    = `([0-9]+` + jws + `*-` + jws + `*[0-9]+)`
	singleOrRange = `(` + singleNodeID + `|` + rangeOfIDs + `)`

	nodeIDRangePattern = regexp.MustCompile(`^` + jws + `*\[(` + jws + `*` + singleOrRange + jws + `*,)*` +
		jws + `*` + singleOrRange + jws + `*]` + jws + `*$`)
	emptyRangePattern = regexp.MustCompile(`^` + jws + `*\[` + jws + `*]` + jws + `*$`)
	singleItemPattern = regexp.MustCompile(`^` + singleNodeID + `$`)
	rangeItemPattern  = regexp.MustCompile(`^` + rangeOfIDs + `$`)
	openingBracket    = regexp.MustCompile(`^` + jws + `*\[` + jws + `*`)
	closingBracket    = regexp.MustCompile(jws + `*]` + jws + `*$`)
	itemSeparator     = regexp.MustCompile(jws + `*,` + jws + `*`)
	startEndSeparator = regexp.MustCompile(jws + `*-` + jws + `*`)
)

// NodeIDRange is a parsed strimzi.io/next-node-ids or strimzi.io/remove-node-ids
// value such as "[0, 1, 10-15, 200-100]": single IDs and ranges, handed out in
// order, a range counting down when its start is above its end
// (Strimzi: nodepools.NodeIdRange).
type NodeIDRange struct {
	items []idRange
}

// idRange is one item of the list: a single ID when end is nil.
type idRange struct {
	start, end int
	single     bool
	done       bool
}

// ParseNodeIDRange parses an annotation value. A blank value and "[]" give an
// empty range. An invalid value gives an error carrying Strimzi's message; the
// operator only logs it, so callers report it as a warning.
func ParseNodeIDRange(s string) (*NodeIDRange, error) {
	if javaIsBlank(s) || emptyRangePattern.MatchString(s) {
		return &NodeIDRange{}, nil
	}
	if !nodeIDRangePattern.MatchString(s) {
		return nil, rangeError("Invalid Node ID range: " + s)
	}
	body := openingBracket.ReplaceAllString(s, "")
	body = closingBracket.ReplaceAllString(body, "")
	var r NodeIDRange
	for _, item := range itemSeparator.Split(body, -1) {
		ir, err := parseIDRange(item)
		if err != nil {
			return nil, err
		}
		r.items = append(r.items, ir)
	}
	return &r, nil
}

// parseIDRange parses one item (Strimzi: NodeIdRange.IdRange). IDs are Java
// ints, so anything past 2^31-1 is not an integer.
func parseIDRange(item string) (idRange, error) {
	switch {
	case singleItemPattern.MatchString(item):
		n, err := strconv.ParseInt(item, 10, 32)
		if err != nil {
			return idRange{}, rangeError("Invalid Node ID (not an integer): " + item)
		}
		return idRange{start: int(n), single: true}, nil
	case rangeItemPattern.MatchString(item):
		parts := startEndSeparator.Split(item, -1)
		if len(parts) != 2 {
			return idRange{}, rangeError("Invalid Node ID range (exactly 2 items must be found): " + item)
		}
		start, err1 := strconv.ParseInt(parts[0], 10, 32)
		end, err2 := strconv.ParseInt(parts[1], 10, 32)
		if err1 != nil || err2 != nil {
			return idRange{}, rangeError("Invalid Node ID (not an integer): " + item)
		}
		return idRange{start: int(start), end: int(end)}, nil
	default:
		return idRange{}, rangeError("Invalid Node ID range (does not match a single node ID or node ID range): " + item)
	}
}

// Next returns the next ID, or false once the range is used up
// (Strimzi: NodeIdRange.getNextNodeId).
func (r *NodeIDRange) Next() (int, bool) {
	for len(r.items) > 0 {
		if id, ok := r.items[0].next(); ok {
			return id, true
		}
		r.items = r.items[1:]
	}
	return 0, false
}

// NextAccepted hands out the next ID that accept takes, as calling Next
// until it returns one would, without handing out the others one by one:
// accept gets the IDs left in the current item, from the next to hand out
// to the last (from > to when the item counts down), and returns the first
// of them it takes. The IDs before it are used up.
func (r *NodeIDRange) NextAccepted(accept func(from, to int) (int, bool)) (int, bool) {
	for len(r.items) > 0 {
		ir := &r.items[0]
		if !ir.done {
			from, to := ir.start, ir.end
			if ir.single {
				to = from
			}
			if id, ok := accept(from, to); ok {
				switch {
				case id == to:
					ir.done = true
				case from > to:
					ir.start = id - 1
				default:
					ir.start = id + 1
				}
				return id, true
			}
			ir.done = true
		}
		r.items = r.items[1:]
	}
	return 0, false
}

// Contains reports whether the range, as it is left, holds id.
func (r *NodeIDRange) Contains(id int) bool {
	for _, ir := range r.items {
		lo, hi := min(ir.start, ir.end), max(ir.start, ir.end)
		if ir.single {
			lo, hi = ir.start, ir.start
		}
		if !ir.done && lo <= id && id <= hi {
			return true
		}
	}
	return false
}

func (ir *idRange) next() (int, bool) {
	switch {
	case ir.done:
		return 0, false
	case ir.single || ir.start == ir.end:
		ir.done = true
		return ir.start, true
	case ir.start > ir.end:
		ir.start--
		return ir.start + 1, true
	default:
		ir.start++
		return ir.start - 1, true
	}
}

// rangeError is Strimzi's NodeIdRange.InvalidNodeIdRangeException.
type rangeError string

func (e rangeError) Error() string { return string(e) }

// javaIsBlank is String.isBlank: empty or only Character.isWhitespace runes.
func javaIsBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !javaIsWhitespace(r) }) < 0
}

// javaIsWhitespace is Character.isWhitespace: Unicode space separators except
// the non-breaking ones, plus the ASCII controls \t \n \v \f \r and \x1C-\x1F.
func javaIsWhitespace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r >= 0x1C && r <= 0x1F:
		return true
	case r == 0x00A0 || r == 0x2007 || r == 0x202F:
		return false
	}
	return unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp)
}

// FormatNodeIDRange writes ids as an annotation value that hands out
// exactly those IDs in ascending order: "[0-2, 5]"; "[]" for none.
func FormatNodeIDRange(ids []int) string {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	var items []string
	for i := 0; i < len(sorted); {
		j := i
		for j+1 < len(sorted) && sorted[j+1] == sorted[j]+1 {
			j++
		}
		if j == i {
			items = append(items, strconv.Itoa(sorted[i]))
		} else {
			items = append(items, strconv.Itoa(sorted[i])+"-"+strconv.Itoa(sorted[j]))
		}
		i = j + 1
	}
	return "[" + strings.Join(items, ", ") + "]"
}
