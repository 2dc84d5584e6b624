package digest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Cases worked out from Strimzi's hashing (Util.hashStub); several are confirmed by Strimzi's own tests.
func TestHashStub(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"image by digest (proposal 102)": {"ghcr.io/scholzj/echo-sink@sha256:7078b3ccbc0d6e76fefb832dd6e4bb6b704f83611428c9d5b060ab0b6c3e8712", "9e1cec06"},
		"image by tag":                   {"ghcr.io/scholzj/echo-sink:latest", "87c73872"},
		"first-artifact":                 {"first-artifact:latest", "0a4dc47f"},
		"second-artifact":                {"second-artifact:0.2.0", "73d69cbd"},
		"third-artifact":                 {"third-artifact:latest", "695ab9d6"},
		"artifact URL":                   {"https://mydomain.tld/my.jar", "51e5038c"},
		"maven coordinates":              {"g1/a1/v1", "64cebd9c"},
		"empty resources list":           {"[]", "97d170e1"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, HashStub(c.in))
		})
	}
}

func TestHashStubNonASCIIBecomesQuestionMark(t *testing.T) {
	// One '?' per code point, also for runes outside the BMP and invalid bytes.
	assert.Equal(t, HashStub("a?b"), HashStub("aéb"))
	assert.Equal(t, HashStub("a?b"), HashStub("a😀b"))
	assert.Equal(t, HashStub("a?b"), HashStub("a\xffb"))
}

func TestHashStubBytes(t *testing.T) {
	assert.Equal(t, "97d170e1", HashStubBytes([]byte("[]")))
	assert.Equal(t, "da39a3ee", HashStubBytes(nil), "SHA-1 of nothing")
	assert.Equal(t, HashStub("g1/a1/v1"), HashStubBytes([]byte("g1/a1/v1")), "ASCII: both overloads agree")
	assert.NotEqual(t, HashStub("é"), HashStubBytes([]byte("é")), "bytes are not re-encoded")
	assert.Len(t, HashStubBytes([]byte("x")), StubLength)
}

func TestUSASCII(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"ASCII unchanged":      {"my-plugin:1.0", "my-plugin:1.0"},
		"DEL is ASCII":         {"\x7f", "\x7f"},
		"two-byte rune":        {"é", "?"},
		"rune outside the BMP": {"😀", "?"},
		"each invalid byte":    {"a\xff\xfeb", "a??b"},
		"truncated rune":       {"a\xc3", "a?"},
		"NUL kept":             {"a\x00b", "a\x00b"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, c.want, string(usASCII(c.in))) })
	}
}
