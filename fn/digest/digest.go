package digest

import (
	"crypto/sha1" //nolint:gosec // Strimzi's hashStub is SHA-1; it names things, it does not protect them.
	"encoding/hex"
	"unicode/utf8"
)

// StubLength is Strimzi's HASH_STUB_LENGTH.
const StubLength = 8

// HashStub mirrors Util.hashStub in Strimzi's operator-common: SHA-1 of the
// US-ASCII bytes of s, first 8 lower-case hex digits.
func HashStub(s string) string {
	return HashStubBytes(usASCII(s))
}

// HashStubBytes is the byte[] overload of Util.hashStub.
func HashStubBytes(b []byte) string {
	sum := sha1.Sum(b) //nolint:gosec
	return hex.EncodeToString(sum[:])[:StubLength]
}

// usASCII encodes s as Java's US-ASCII encoder does: every rune above 0x7F,
// and every invalid UTF-8 byte, becomes a single '?'.
func usASCII(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r > 0x7F || r == utf8.RuneError {
			out = append(out, '?')
		} else {
			out = append(out, byte(r))
		}
		i += size
	}
	return out
}
