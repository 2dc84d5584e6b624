package javacompat

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
