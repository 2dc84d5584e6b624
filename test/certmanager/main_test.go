package certmanager

import (
	"os"
	"sync"
	"testing"
)

var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// renderer is strimzi-render built once from the repository.
// STRIMZI_RENDER_BIN names a binary to use instead.
var renderer = sync.OnceValues(func() (string, error) {
	if bin := os.Getenv("STRIMZI_RENDER_BIN"); bin != "" {
		return bin, nil
	}
	dir, err := os.MkdirTemp("", "strimzi-render-certmanager-")
	if err != nil {
		return "", err
	}
	binDir = dir
	return Build(dir)
})

func mustRender(t *testing.T, env []string, args ...string) []Object {
	t.Helper()
	bin, err := renderer()
	if err != nil {
		t.Fatal(err)
	}
	objs, _, err := Render(bin, env, args...)
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) == 0 {
		t.Fatalf("strimzi-render %v wrote nothing", args)
	}
	return objs
}
