package nodepools

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// idLimit bounds how many IDs a fuzzed range is drained of: [0-2147483647]
// is valid and holds 2^31 of them.
const idLimit = 1000

// FuzzParseNodeIDRange: any value parses or fails without panicking; a
// valid value never hands out a negative ID, and the canonical form of
// what it parsed to parses back to the same items and IDs.
func FuzzParseNodeIDRange(f *testing.F) {
	for _, s := range []string{"[0, 1, 10-15, 200-100]", "[]", " [ 5 - 10 ] ", "[2147483647]", "[-5]", "[0-999999999999]", "\v[\v7\v]", "1, 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseNodeIDRange(s)
		if err != nil {
			if r != nil {
				t.Fatalf("ParseNodeIDRange(%q) returned a range and an error", s)
			}
			return
		}
		items := append([]idRange(nil), r.items...)
		ids := take(r, idLimit)
		for _, id := range ids {
			if id < 0 {
				t.Fatalf("ParseNodeIDRange(%q) hands out %d", s, id)
			}
		}
		canonical := format(items)
		back, err := ParseNodeIDRange(canonical)
		if err != nil {
			t.Fatalf("%q, the canonical form of %q, does not parse: %v", canonical, s, err)
		}
		if got := format(back.items); got != canonical {
			t.Fatalf("%q parses to %q, not itself", canonical, got)
		}
		if got := take(back, idLimit); !slices.Equal(got, ids) {
			t.Fatalf("%q hands out %v, but %q hands out %v", canonical, got, s, ids)
		}
	})
}

// format writes items as Strimzi's annotation does: "[1, 2-5]".
func format(items []idRange) string {
	parts := make([]string, len(items))
	for i, ir := range items {
		parts[i] = strconv.Itoa(ir.start)
		if !ir.single {
			parts[i] += "-" + strconv.Itoa(ir.end)
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func take(r *NodeIDRange, n int) []int {
	var ids []int
	for range n {
		id, ok := r.Next()
		if !ok {
			break
		}
		ids = append(ids, id)
	}
	return ids
}
