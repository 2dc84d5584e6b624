package properties

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParse(t *testing.T) {
	text := "# comment\n! also\n  key1 = value one  \nkey2:v2\nkey3 v3\nmulti = a\\\n    b\nuni=\\u0041\\t\nempty=\n" +
		"a\\ b=c\nkey1=again\n"
	keys, values := Parse(text)
	assert.Equal(t, []string{"key1", "key2", "key3", "multi", "uni", "empty", "a b"}, keys)
	assert.Equal(t, map[string]string{
		"key1": "again", "key2": "v2", "key3": "v3", "multi": "ab", "uni": "A\t", "empty": "", "a b": "c",
	}, values)
}
