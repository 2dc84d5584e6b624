package quote

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShellWord(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"plain":                {"mkdir", "'mkdir'"},
		"empty":                {"", "''"},
		"space":                {"a b", "'a b'"},
		"single quote":         {"it's", `'it'"'"'s'`},
		"only a quote":         {"'", `''"'"''`},
		"two quotes":           {"''", `''"'"''"'"''`},
		"command substitution": {"$(id)", "'$(id)'"},
		"backticks":            {"`id`", "'`id`'"},
		"semicolon":            {"a;touch /x", "'a;touch /x'"},
		"newline":              {"a\nb", "'a\nb'"},
		"double quotes":        {`"x"`, `'"x"'`},
		"non-ASCII":            {"ünï", "'ünï'"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, ShellWord(c.in))
		})
	}
}

func TestShellWords(t *testing.T) {
	cases := map[string]struct {
		in   []string
		want string
	}{
		"none":      {nil, ""},
		"one":       {[]string{"rm"}, "'rm'"},
		"several":   {[]string{"rm", "-f", "/a b"}, "'rm' '-f' '/a b'"},
		"with void": {[]string{"a", "", "b"}, "'a' '' 'b'"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, ShellWords(c.in...))
		})
	}
}

// The shell must hand every quoted word to the program unchanged and whole.
func TestShellWordsRoundTripThroughBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found")
	}
	words := []string{
		"plain", "", " ", "a b", "it's", "'", "''", "$(id)", "${HOME}", "`id`", "a;touch /x",
		"a\nb", "\\", `"`, "*", "~", "!x", "{a,b}", "a|b", "a&&b", "#c", "\t", "ünï 😀",
	}
	script := "printf '%s\\0' " + ShellWords(words...)
	out, err := exec.Command(bash, "-ec", script).Output()
	require.NoError(t, err)
	got := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	assert.Equal(t, words, got)
	assert.False(t, bytes.Contains(out, []byte("uid=")), "command substitution ran")
}

func TestXML(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"plain URL":       {"https://repo1.maven.org/maven2/", "https://repo1.maven.org/maven2/"},
		"predefined":      {`<a href="x">'&'</a>`, "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"},
		"Strimzi escaped": {"https://my-maven-repository.com/maven2</hack>\"/repo/", "https://my-maven-repository.com/maven2&lt;/hack&gt;&quot;/repo/"},
		"tilde kept":      {"~", "~"},
		"DEL":             {"\x7f", "&#127;"},
		"Latin-1":         {"é", "&#233;"},
		"outside BMP":     {"😀", "&#128512;"},
		"control kept":    {"a\tb", "a\tb"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, XML(c.in))
		})
	}
}

func TestLine(t *testing.T) {
	cases := map[string]struct {
		parts []Part
		want  string
	}{
		"text only": {[]Part{Text("buildah push")}, "buildah push"},
		"glued word": {
			[]Part{Text("buildah build --tag="), Word("img:1"), Text(" --storage-driver=vfs")},
			"buildah build --tag='img:1' --storage-driver=vfs",
		},
		"no words":     {[]Part{Text("x"), Words(nil), Text(" y")}, "x y"},
		"words":        {[]Part{Text("x"), Words{"--a=1", "--b='"}}, `x '--a=1' '--b='"'"''`},
		"hostile word": {[]Part{Text("echo "), Word("$(id);`id`")}, "echo '$(id);`id`'"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, Line(c.parts...))
		})
	}
}

func TestScript(t *testing.T) {
	assert.Equal(t, "a\nb", Script("a", "b"))
	assert.Equal(t, "", Script())
}
