package build

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRevision(t *testing.T) {
	cases := map[string]struct{ dockerfile, image, want string }{
		"reference build": {
			mustRead(t, "testdata/fidelity/connect-build-jar.Dockerfile"),
			"registry.example.com/my-org/my-connect:latest",
			"7fba727d8e0f5d1d",
		},
		"empty inputs": {"", "", "da39a3eeda39a3ee"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, Revision(c.dockerfile, c.image))
		})
	}
}

func TestContentAddressedImage(t *testing.T) {
	const rev = "7fba727d8e0f5d1d"
	cases := map[string]struct{ in, want string }{
		"tag":                 {"registry.example.com/my-org/my-connect:latest", "registry.example.com/my-org/my-connect:" + rev},
		"no tag":              {"registry.example.com/my-org/my-connect", "registry.example.com/my-org/my-connect:" + rev},
		"registry port, tag":  {"host:5000/repo:tag", "host:5000/repo:" + rev},
		"registry port only":  {"host:5000/repo", "host:5000/repo:" + rev},
		"port and path":       {"host:5000/a/b:c", "host:5000/a/b:" + rev},
		"digest":              {"repo@sha256:0123abcd", "repo:" + rev},
		"tag and digest":      {"host:5000/repo:1.0@sha256:0123abcd", "host:5000/repo:" + rev},
		"single name":         {"my-connect", "my-connect:" + rev},
		"single name and tag": {"my-connect:1.0", "my-connect:" + rev},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, ContentAddressedImage(c.in, rev))
		})
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}
