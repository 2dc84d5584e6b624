package jaas

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuote(t *testing.T) {
	cases := map[string]struct{ value, want string }{
		"as Strimzi writes it": {"my-user", `"my-user"`},
		"config provider":      {"${strimzisecrets:ns/s:password}", `"${strimzisecrets:ns/s:password}"`},
		"quote escaped":        {`a" evil="x`, `"a\" evil=\"x"`},
		"backslash escaped":    {`a\`, `"a\\"`},
		"line break escaped":   {"a\nb\rc\td", `"a\nb\rc\td"`},
		"control as octal":     {"a\x01\x7f", `"a\001\177"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, c.want, Quote(c.value)) })
	}
}

func TestCheckQuotable(t *testing.T) {
	assert.NoError(t, CheckQuotable("my-user@example.com"))
	for _, bad := range []string{`a"b`, `a\b`, "a\nb", "a\x00"} {
		assert.ErrorIs(t, CheckQuotable(bad), ErrUnquotable, bad)
	}
}
