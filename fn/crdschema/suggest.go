package crdschema

import (
	"strings"
)

// nearest is the known field a misspelt key most likely meant: one a
// small number of edits away, ignoring case; "" if none.
func nearest(key string, known map[string]*schema) string {
	best, bestDistance := "", maxEdits(key)+1
	for name := range known {
		// Case is a frequent slip: it costs nothing.
		d := editDistance(strings.ToLower(key), strings.ToLower(name))
		if d < bestDistance || d == bestDistance && name < best {
			best, bestDistance = name, d
		}
	}
	return best
}

// maxEdits grows with the key, so that short keys are not matched to
// unrelated short names.
func maxEdits(key string) int {
	switch n := len(key); {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	default:
		return 2
	}
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
