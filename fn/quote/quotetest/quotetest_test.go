package quotetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplit(t *testing.T) {
	cases := map[string]struct {
		line  string
		words []string
		err   string
	}{
		"plain":               {line: "a b  c", words: []string{"a", "b", "c"}},
		"single quotes":       {line: `'a b' 'c'`, words: []string{"a b", "c"}},
		"quoted quote":        {line: `'it'"'"'s'`, words: []string{"it's"}},
		"empty word":          {line: `'' x`, words: []string{"", "x"}},
		"metacharacters":      {line: `'$(id);|&<>*'`, words: []string{"$(id);|&<>*"}},
		"newline in quotes":   {line: "'a\nb'", words: []string{"a\nb"}},
		"continuation":        {line: "a \\\n      b", words: []string{"a", "b"}},
		"escaped in dquotes":  {line: `"a\"b"`, words: []string{`a"b`}},
		"unquoted dollar":     {line: `a$b`, err: "unquoted '$' at byte 1"},
		"dollar in dquotes":   {line: `"$x"`, err: "'$' expands inside double quotes"},
		"semicolon":           {line: `a;b`, err: "unquoted ';' at byte 1"},
		"newline":             {line: "a\nb", err: "unquoted '\\n' at byte 1"},
		"comment":             {line: `a #b`, err: "unquoted '#' at byte 2"},
		"hash inside word":    {line: `a#b`, words: []string{"a#b"}},
		"unterminated single": {line: `'a`, err: "unterminated single quote"},
		"unterminated double": {line: `"a`, err: "unterminated double quote"},
		"trailing backslash":  {line: `a\`, err: "backslash at the end"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			words, err := Split(c.line)
			if c.err != "" {
				require.EqualError(t, err, c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.words, words)
		})
	}
}

func TestUnquoted(t *testing.T) {
	cases := map[string]struct{ line, want string }{
		"no quotes":     {"RUN x", "RUN x"},
		"words":         {`RUN 'mkdir' '-p' '/a b'`, "RUN   "},
		"quoted quote":  {`'it'"'"'s' > 'f'`, " > "},
		"double quotes": {`echo "$(cat 'f')"`, `echo "$(cat )"`},
		"unterminated":  {`a 'b`, `a 'b`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, Unquoted(c.line))
		})
	}
}
