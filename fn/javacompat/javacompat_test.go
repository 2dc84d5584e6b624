package javacompat

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStringHashCode(t *testing.T) {
	cases := map[string]struct {
		in   string
		want int32
	}{
		"empty":                            {"", 0},
		"hello":                            {"hello", 99162322},
		"wraps around":                     {"polygenelubricants", -2147483648},
		"surrogate pair, 31*0xD83D+0xDE00": {"😀", 1772899},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, c.want, StringHashCode(c.in)) })
	}
}

// Verified against a JDK: a HashMap of these keys iterates in this order
// (Strimzi's role and Maven rules depend on it).
func TestHashOrder(t *testing.T) {
	assert.Equal(t,
		[]string{"camel-timer", "zeta", "debezium-postgres", "alpha", "kafka-connect-file"},
		HashOrder([]string{"kafka-connect-file", "camel-timer", "debezium-postgres", "zeta", "alpha"}))
}

func TestListString(t *testing.T) {
	cases := map[string]struct {
		in   []string
		want string
	}{
		"nil":             {nil, "[]"},
		"empty":           {[]string{}, "[]"},
		"one":             {[]string{"a"}, "[a]"},
		"comma and space": {[]string{"a", "b", "c"}, "[a, b, c]"},
		"no quoting":      {[]string{"", "x, y"}, "[, x, y]"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, c.want, ListString(c.in)) })
	}
}
