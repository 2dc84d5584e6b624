// Package strimzifiles locates Strimzi 1.2.0's release files (crds/ and
// examples/), which the tests read from beside the repository and never
// copy into it.
package strimzifiles

import (
	"os"
	"path/filepath"
	"testing"
)

// Var names the directory holding crds/ and examples/ when it is not at
// Default.
const Var = "STRIMZI_RENDER_STRIMZI_DIR"

// Default is where CI keeps the files, relative to the repository root.
const Default = "../shared/strimzi-1.2.0"

// Dir returns the absolute path of sub (crds or examples) in $Var (absolute,
// or relative to the repository root) or Default, and whether it exists.
// root is the repository root relative to the working directory.
func Dir(root, sub string) (string, bool) {
	dir := os.Getenv(Var)
	if dir == "" {
		dir = Default
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}
	path, err := filepath.Abs(filepath.Join(dir, sub))
	if err != nil {
		return filepath.Join(dir, sub), false
	}
	info, err := os.Stat(path)
	return path, err == nil && info.IsDir()
}

// Require is Dir for a test that cannot run without the files: it skips
// the test, saying where it looked and what to set.
func Require(t testing.TB, root, sub string) string {
	t.Helper()
	path, ok := Dir(root, sub)
	if !ok {
		Skip(t, path)
	}
	return path
}

// Skip skips t because path, a directory of Strimzi's files, is missing.
func Skip(t testing.TB, path string) {
	t.Helper()
	t.Skipf("Strimzi 1.2.0 files not found at %s: set %s to the directory holding crds/ and examples/ (default %s beside the repository)",
		path, Var, Default)
}
