package digest_test

import (
	"fmt"

	"github.com/strimzi-render/strimzi-render/fn/digest"
)

// The stub names plugin directories and volumes after an artifact, as
// Strimzi's Util.hashStub does.
func ExampleHashStub() {
	fmt.Println(digest.HashStub("ghcr.io/scholzj/echo-sink:latest"))
	fmt.Println(digest.HashStub("[]"))
	// Output:
	// 87c73872
	// 97d170e1
}

// Java encodes a String as US-ASCII before hashing it, so every other
// character counts as one '?'.
func ExampleHashStub_nonASCII() {
	fmt.Println(digest.HashStub("café") == digest.HashStub("caf?"))
	fmt.Println(digest.HashStub("caf😀") == digest.HashStub("caf?"))
	// Output:
	// true
	// true
}

// The byte overload hashes the bytes as they are, without that encoding.
func ExampleHashStubBytes() {
	fmt.Println(digest.HashStubBytes([]byte("[]")))
	fmt.Println(digest.HashStubBytes([]byte("café")) == digest.HashStub("café"))
	// Output:
	// 97d170e1
	// false
}
