package jvm

import (
	"strings"
	"unicode/utf16"
)

// ListString formats like Java's List.toString: [a, b].
func ListString(items []string) string {
	return "[" + strings.Join(items, ", ") + "]"
}

// StringHashCode is Java's String.hashCode over UTF-16 code units.
func StringHashCode(s string) int32 {
	var h int32
	for _, u := range utf16.Encode([]rune(s)) {
		h = 31*h + int32(u)
	}
	return h
}

// HashOrder returns keys (distinct, in insertion order) in the order a Java
// HashMap or HashSet built by inserting them would iterate: by bucket of the
// spread hash, then insertion order within a bucket. The table starts at 16
// buckets and doubles whenever the size passes three quarters of it. Tree
// bins, which only form with eight keys in one bucket of a 64-bucket table,
// are not modelled.
func HashOrder(keys []string) []string {
	capacity := 16
	for float64(len(keys)) > 0.75*float64(capacity) {
		capacity *= 2
	}
	buckets := make([][]string, capacity)
	for _, k := range keys {
		h := uint32(StringHashCode(k))
		b := (h ^ (h >> 16)) & uint32(capacity-1)
		buckets[b] = append(buckets[b], k)
	}
	out := make([]string, 0, len(keys))
	for _, b := range buckets {
		out = append(out, b...)
	}
	return out
}
