package digest

import (
	"crypto/sha1" //nolint:gosec // the hash under test
	"encoding/hex"
	"regexp"
	"testing"
	"unicode/utf8"
)

var stubPattern = regexp.MustCompile(`^[0-9a-f]{8}$`)

// FuzzHashStub: the stub is always eight lower-case hex digits, the same
// for the same input, the SHA-1 of the input itself when it is ASCII, and
// that of one '?' per other rune or invalid byte otherwise, as Java's
// US-ASCII encoder writes.
func FuzzHashStub(f *testing.F) {
	for _, s := range []string{"", "my-plugin", "ünï", "\xff\xfe", "😀", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		stub := HashStub(s)
		if !stubPattern.MatchString(stub) {
			t.Fatalf("HashStub(%q) = %q, not eight hex digits", s, stub)
		}
		if again := HashStub(s); again != stub {
			t.Fatalf("HashStub(%q) is %q, then %q", s, stub, again)
		}
		ascii := usASCII(s)
		if n := utf8.RuneCountInString(s); len(ascii) != n {
			t.Fatalf("usASCII(%q) has %d bytes for %d runes", s, len(ascii), n)
		}
		for _, c := range ascii {
			if c > 0x7F {
				t.Fatalf("usASCII(%q) = %q is not ASCII", s, ascii)
			}
		}
		if isASCII(s) {
			sum := sha1.Sum([]byte(s)) //nolint:gosec
			if want := hex.EncodeToString(sum[:])[:StubLength]; stub != want {
				t.Fatalf("HashStub(%q) = %q, want %q", s, stub, want)
			}
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] > 0x7F {
			return false
		}
	}
	return true
}
