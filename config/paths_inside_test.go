package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestInsidePackage(t *testing.T) {
	for p, want := range map[string]bool{
		"clusters":          true,
		"a/b/c.yaml":        true,
		".":                 true,
		"":                  false,
		"/etc/cron.d/x":     false,
		"..":                false,
		"../x":              false,
		"a/../../x":         false,
		"a//b":              false,
		`..\..\etc`:         false,
		`a\b`:               false,
		"C:/x":              false,
		"a/\x00":            false,
		"/var/lib/pool.yml": false,
	} {
		assert.Equal(t, want, InsidePackage(p), "%q", p)
	}
}
