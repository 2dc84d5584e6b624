package propertiestest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases follow the java.util.Properties.load documentation.
func TestLoad(t *testing.T) {
	cases := map[string]struct {
		text string
		want []Pair
	}{
		"separators":                 {"a=1\nb:2\nc 3\nd\t=\t4\ne\f: 5\n", []Pair{{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}, {"e", "5"}}},
		"second separator is value":  {"a==1\nb = :2\n", []Pair{{"a", "=1"}, {"b", ":2"}}},
		"key only":                   {"lonely\n  spaced   \n", []Pair{{"lonely", ""}, {"spaced", ""}}},
		"comments":                   {"# c\n  ! c\n#a=1\nb=#not a comment\n", []Pair{{"b", "#not a comment"}}},
		"carriage return ends lines": {"a=1\rb=2\r\nc=3\n\rd=4", []Pair{{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}}},
		"continuation":               {"a=1\\\n   2\\\r\n\t3\\\r4\n", []Pair{{"a", "1234"}}},
		"even backslashes end":       {"a=1\\\\\nb=2\n", []Pair{{"a", "1\\"}, {"b", "2"}}},
		"continuation at the end":    {"a=1\\", []Pair{{"a", "1"}}},
		"empty continuation ends":    {"a=1\\\n\nb=2\n", []Pair{{"a", "1"}, {"b", "2"}}},
		"escapes":                    {`k\ e\=y\:=\t\n\r\f\u0041\q\\` + "\n", []Pair{{"k e=y:", "\t\n\r\fAq\\"}}},
		"escaped comment character":  {"\\#a=1\n\\!b=2\n", []Pair{{"#a", "1"}, {"!b", "2"}}},
		"surrogate pair":             {`k=\uD83D\uDE00` + "\n", []Pair{{"k", "😀"}}},
		"leading blank value":        {"k=\\ v\n", []Pair{{"k", " v"}}},
		"trailing blanks kept":       {"k=v  \n", []Pair{{"k", "v  "}}},
		"repeated key":               {"k=1\nk=2\n", []Pair{{"k", "1"}, {"k", "2"}}},
		"non-ASCII":                  {"zürich=grüezi\n", []Pair{{"zürich", "grüezi"}}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := Load(c.text)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestLoadMalformedUnicode(t *testing.T) {
	for _, text := range []string{`k=\u00`, `k=\u00G1`, "k=\\u12\n"} {
		_, err := Load(text)
		assert.ErrorIs(t, err, ErrMalformedUnicode, text)
	}
}
