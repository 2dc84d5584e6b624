package volumes

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/digest"
)

// rewritable are the names VolumeUtils.getValidVolumeName turns into valid
// volume names: it replaces . and _, shortens and appends a hash, but keeps
// every other character, upper-case letters included, so other names stay
// invalid, as they do in Strimzi.
var rewritable = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// FuzzValidVolumeName: a valid name is kept; any other becomes, the same
// way each time, at most 63 bytes of valid UTF-8 (for valid input) ending
// in -<hashStub(name)>; a name of lower-case letters, digits, '.', '_' and
// '-' that starts with a letter or digit becomes a valid DNS-1123 label.
func FuzzValidVolumeName(f *testing.F) {
	for _, s := range []string{"plugin-my-conn-0a4dc47f", "plugin-my_conn-0a4dc47f", "a", "My-Volume",
		strings.Repeat("a", 64), strings.Repeat("a.", 40), strings.Repeat("é", 40), "-", "..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		out := ValidName(name)
		if again := ValidName(name); again != out {
			t.Fatalf("ValidName(%q) is %q, then %q", name, out, again)
		}
		if validVolumeName.MatchString(name) {
			if out != name {
				t.Fatalf("ValidName(%q) = %q changed a valid name", name, out)
			}
			return
		}
		if !strings.HasSuffix(out, "-"+digest.HashStub(name)) {
			t.Fatalf("ValidName(%q) = %q does not end in its hash", name, out)
		}
		if len(out) > validation.DNS1123LabelMaxLength {
			t.Fatalf("ValidName(%q) = %q is longer than 63 bytes", name, out)
		}
		if utf8.ValidString(name) && !utf8.ValidString(out) {
			t.Fatalf("ValidName(%q) = %q is not valid UTF-8", name, out)
		}
		if rewritable.MatchString(name) {
			if msgs := validation.IsDNS1123Label(out); len(msgs) > 0 {
				t.Fatalf("ValidName(%q) = %q: %v", name, out, msgs)
			}
		}
	})
}
