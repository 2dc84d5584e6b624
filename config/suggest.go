package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"k8s.io/kube-openapi/pkg/validation/spec"
)

// unknownField says, the same way for the StrimziRender and ConfigMap
// forms, that parent (a dotted path such as spec.images) has no field
// name, and which known field was probably meant.
func unknownField(parent string, name string) string {
	where := parent
	if where == "" {
		where = "the function config"
	}
	msg := fmt.Sprintf("unknown field %q in %s", name, where)
	known := fieldsAt(parent)
	if guess := closest(name, known); guess != "" {
		return msg + fmt.Sprintf(": did you mean %q?", guess)
	}
	if len(known) > 0 {
		msg += ": known fields are " + strings.Join(known, ", ")
	}
	return msg
}

// fieldsAt are the field names the schema knows at a dotted path, sorted.
func fieldsAt(path string) []string {
	s, err := schemaOnce()
	if err != nil {
		return nil
	}
	for seg := range strings.SplitSeq(path, ".") {
		if seg == "" {
			continue // the top level
		}
		name, indexed := strings.CutSuffix(seg, "]")
		if indexed {
			name = name[:strings.LastIndexByte(name, '[')]
		}
		if name != "" && strings.Trim(name, "0123456789") == "" {
			indexed, name = true, "" // a list index as its own segment
		}
		if name != "" {
			p, ok := s.Properties[name]
			if !ok {
				return nil
			}
			s = &p
		}
		if indexed {
			if s.Items == nil || s.Items.Schema == nil {
				return nil
			}
			s = s.Items.Schema
		}
	}
	return propertyNames(s)
}

func propertyNames(s *spec.Schema) []string {
	return slices.Sorted(maps.Keys(s.Properties))
}

// closest is the known name a typo of name most likely meant: the same name
// in another case, or the nearest within a few edits; "" when none is near.
func closest(name string, known []string) string {
	best, bestDistance := "", len(name)/3+1
	for _, k := range known {
		if strings.EqualFold(k, name) {
			return k
		}
		if d := editDistance(strings.ToLower(name), strings.ToLower(k)); d <= bestDistance && (best == "" || d < bestDistance) {
			best, bestDistance = k, d
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps
// of neighbours that turn a into b (optimal string alignment): a swap is
// the commonest typo, and counts once.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
