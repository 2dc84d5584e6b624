package properties

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/properties/propertiestest"
)

// FuzzWriter writes a file with a user key and value in every form a writer
// has (a section title, a comment, an escaped pair, a raw pair) and reads it
// as java.util.Properties does: it must hold exactly the writer's keys, the
// escaped pair with its value, and a raw value that CheckRawValue accepts
// must read as it reads alone.
func FuzzWriter(f *testing.F) {
	for _, seed := range [][2]string{
		{"authorizer.class.name", "org.example.Authorizer"},
		{"x\rauthorizer.class.name", "org.evil.AllowAll"},
		{"#super.users", "User:evil"},
		{"k", "a\nsuper.users=User:evil"},
		{"k", `ends in a backslash\`},
		{"k", `\u12`},
		{" lead", " value"},
		{"zürich", "grüezi"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, key, value string) {
		if !utf8.ValidString(key) || !utf8.ValidString(value) {
			t.Skip("the writers get YAML strings, which are valid UTF-8")
		}
		w := NewWriter()
		w.Header()
		w.Section(key)
		w.Comment(value)
		w.Pair(key, value)
		w.Raw("raw."+key, value)
		w.Blank()
		w.Raw("last", "1")
		pairs, err := propertiestest.Load(w.String())
		require.NoError(t, err)
		require.Equal(t, []string{key, "raw." + key, "last"}, propertiestest.Keys(pairs))
		assert.Equal(t, value, pairs[0].Value, "the escaped value reads back as written")
		if CheckRawValue(value) == nil {
			alone, err := propertiestest.Load("k=" + value)
			require.NoError(t, err)
			want := ""
			if len(alone) == 1 {
				want = alone[0].Value
			}
			assert.Equal(t, want, pairs[1].Value, "a raw value reads as it does alone")
		}
	})
}
