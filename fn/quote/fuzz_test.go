package quote

import (
	"flag"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/strimzi-render/strimzi-render/fn/quote/quotetest"
)

// fuzzing is whether go test runs with -fuzz: then only the Go reading of
// the words is checked, as starting bash for each input would slow the
// search a hundredfold. Seed and corpus runs check bash too.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// FuzzShellWord: a shell reads ShellWord(s) back as the one word s, and
// ShellWords(a, b) as the two words a and b, expanding nothing. The check
// reads them with quotetest.Split, a Go reading of POSIX quoting, and,
// where bash exists and no NUL byte forbids it, with bash itself.
func FuzzShellWord(f *testing.F) {
	for _, s := range []string{"", "plain", "it's", "'", "''", "$(id)", "`id`", "a;touch /x", "a\nb", `"\"`, "ünï 😀", "-", "*"} {
		f.Add(s, "x")
	}
	bash, _ := exec.LookPath("bash")
	f.Fuzz(func(t *testing.T, a, b string) {
		if words, err := quotetest.Split(ShellWord(a)); err != nil || !slices.Equal(words, []string{a}) {
			t.Fatalf("ShellWord(%q) = %q reads back as %q (%v)", a, ShellWord(a), words, err)
		}
		line := ShellWords(a, b)
		if words, err := quotetest.Split(line); err != nil || !slices.Equal(words, []string{a, b}) {
			t.Fatalf("ShellWords(%q, %q) = %q reads back as %q (%v)", a, b, line, words, err)
		}
		if bash == "" || fuzzing() || strings.ContainsRune(a+b, 0) {
			return
		}
		out, err := exec.Command(bash, "-c", `printf '%s\0' `+line).Output()
		if err != nil {
			t.Fatalf("bash -c %q: %v", line, err)
		}
		if got := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00"); !slices.Equal(got, []string{a, b}) {
			t.Fatalf("bash reads %q as %q", line, got)
		}
	})
}
