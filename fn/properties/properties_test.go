package properties

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLine(t *testing.T) {
	cases := map[string]struct{ key, value, want string }{
		"plain":                     {"a.b", "c", "a.b=c"},
		"separators in key":         {"a=b:c d", "v", `a\=b\:c\ d=v`},
		"separators in value stay":  {"k", "http://h:1/#x!=y", "k=http://h:1/#x!=y"},
		"leading blank in value":    {"k", " v w", `k=\ v w`},
		"backslash and line breaks": {"k", "a\\b\r\nc", `k=a\\b\r\nc`},
		"newline in key":            {"a\nb", "v", `a\nb=v`},
		"non-ASCII verbatim":        {"k", "zürich", "k=zürich"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, c.want, Line(c.key, c.value)) })
	}
}
