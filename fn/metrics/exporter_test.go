package metrics

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExporterJSON(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"empty":             {"", "{}"},
		"document order":    {"lowercaseOutputName: true\nrules:\n- pattern: \".*\"\n  name: x\n", `{"lowercaseOutputName":true,"rules":[{"pattern":".*","name":"x"}]}`},
		"numbers as Java":   {"a: 1\nb: 0.5\nc: 1e10\nd: 100.0\n", `{"a":1,"b":0.5,"c":1.0E10,"d":100.0}`},
		"strings escaped":   {"p: 'a\"b\\c<&>'\n", `{"p":"a\"b\\c<&>"}`},
		"null and quoted 1": {"a: null\nb: \"1\"\n", `{"a":null,"b":"1"}`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := ExporterJSON(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}
