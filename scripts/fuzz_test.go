// Package scripts holds the tests of the shell scripts beside it.
package scripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeGo stands in for go test: call n prints and does what line n of
// $FAKE_GO/outcomes says, in the shapes go test prints them.
const fakeGo = `#!/usr/bin/env bash
n=$(( $(cat "$FAKE_GO/calls" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$FAKE_GO/calls"
write_input() { mkdir -p pkg/testdata/fuzz/FuzzA && echo 'go test fuzz v1' > "pkg/testdata/fuzz/FuzzA/$1"; }
deadline() { printf -- '--- FAIL: FuzzA (31.02s)\n    context deadline exceeded\nFAIL\nexit status 1\nFAIL\tpkg\t31.0s\n'; exit 1; }
case $(sed -n "${n}p" "$FAKE_GO/outcomes") in
pass) printf 'fuzz: elapsed: 30s, execs: 1000 (33/sec)\nPASS\nok\tpkg\t30.1s\n' ;;
deadline) deadline ;;
deadline-with-input) write_input 0a1b2c; deadline ;;
failing-input)
  write_input 3d4e5f
  printf -- '--- FAIL: FuzzA (0.02s)\n    --- FAIL: FuzzA (0.00s)\n        a_test.go:9: found "x000"\n    \n'
  printf -- '    Failing input written to testdata/fuzz/FuzzA/3d4e5f\n    To re-run:\n    go test -run=FuzzA/3d4e5f\nFAIL\n'
  exit 1 ;;
seed-failure)
  printf -- 'failure while testing seed corpus entry: FuzzA/seed#0\n--- FAIL: FuzzA (0.01s)\n    --- FAIL: FuzzA (0.00s)\n        a_test.go:9: boom\nFAIL\n'
  exit 1 ;;
*) echo "fake go: no outcome for call $n" >&2; exit 2 ;;
esac
`

// TestFuzzRetriesOnlyTheCoordinatorDeadline runs fuzz.sh on a package with
// one fuzz target and a fake go: a run that failed with nothing but the
// coordinator's deadline error and wrote no input is run again; every other
// failure fails the script at once.
func TestFuzzRetriesOnlyTheCoordinatorDeadline(t *testing.T) {
	script, err := os.ReadFile("fuzz.sh")
	require.NoError(t, err)
	cases := map[string]struct {
		outcomes []string
		fails    bool
		calls    int
		input    bool // a failing input is left in testdata/fuzz
	}{
		"pass":                            {outcomes: []string{"pass"}, calls: 1},
		"deadline once":                   {outcomes: []string{"deadline", "pass"}, calls: 2},
		"deadline twice":                  {outcomes: []string{"deadline", "deadline", "pass"}, calls: 3},
		"deadline every time":             {outcomes: []string{"deadline", "deadline", "deadline", "pass"}, fails: true, calls: 3},
		"failing input":                   {outcomes: []string{"failing-input", "pass"}, fails: true, calls: 1, input: true},
		"deadline after writing an input": {outcomes: []string{"deadline-with-input", "pass"}, fails: true, calls: 1, input: true},
		"seed corpus failure":             {outcomes: []string{"seed-failure", "pass"}, fails: true, calls: 1},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			repo, state, bin := t.TempDir(), t.TempDir(), t.TempDir()
			files := map[string]string{
				filepath.Join(repo, "scripts", "fuzz.sh"): string(script),
				filepath.Join(repo, "pkg", "a_test.go"):   "package pkg\n\nimport \"testing\"\n\nfunc FuzzA(f *testing.F) {}\n",
				filepath.Join(bin, "go"):                  fakeGo,
				filepath.Join(state, "outcomes"):          strings.Join(c.outcomes, "\n") + "\n",
			}
			for path, content := range files {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(content), 0o755))
			}
			cmd := exec.Command("bash", filepath.Join(repo, "scripts", "fuzz.sh"))
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "FAKE_GO="+state, "FUZZTIME=30s", "FUZZ_ATTEMPTS=3")
			out, err := cmd.CombinedOutput()
			if c.fails {
				assert.Error(t, err, "%s", out)
			} else {
				assert.NoError(t, err, "%s", out)
				assert.Contains(t, string(out), "fuzz targets that ran (30s each):\n  ./pkg FuzzA\n")
			}
			calls, err := os.ReadFile(filepath.Join(state, "calls"))
			require.NoError(t, err)
			n, err := strconv.Atoi(strings.TrimSpace(string(calls)))
			require.NoError(t, err)
			assert.Equal(t, c.calls, n, "go test runs\n%s", out)
			assert.Equal(t, c.calls-1, strings.Count(string(out), "running it again"), "%s", out)
			inputs, _ := filepath.Glob(filepath.Join(repo, "pkg", "testdata", "fuzz", "FuzzA", "*"))
			assert.Equal(t, c.input, len(inputs) > 0, "failing input left in testdata/fuzz")
		})
	}
}
