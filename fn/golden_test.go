package fn

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenDir holds one directory per case: input.yaml is a whole ResourceList
// with its functionConfig, expected.yaml the whole output with results.
const goldenDir = "../testdata"

// execute runs the function as kustomize and kpt do, on a ResourceList.
func execute(t testing.TB, input []byte) (out []byte, err error) {
	t.Helper()
	var buf bytes.Buffer
	err = framework.Execute(NewProcessor(), &kio.ByteReadWriter{
		Reader: bytes.NewReader(input), Writer: &buf, KeepReaderAnnotations: true,
	})
	return buf.Bytes(), err
}

func goldenCases(t *testing.T) []string {
	t.Helper()
	inputs, err := filepath.Glob(filepath.Join(goldenDir, "*", "*", "input.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, inputs, "no golden cases found")
	var dirs []string
	for _, in := range inputs {
		dirs = append(dirs, filepath.Dir(in))
	}
	return dirs
}

// TestGolden compares the output of every case byte for byte, and checks
// that the exit status follows the results and that a second run on the
// output changes nothing. An input the framework cannot read produces no
// output at all: its expected.yaml is empty and error.txt holds the error.
func TestGolden(t *testing.T) {
	for _, dir := range goldenCases(t) {
		name, _ := filepath.Rel(goldenDir, dir)
		t.Run(name, func(t *testing.T) {
			input, err := os.ReadFile(filepath.Join(dir, "input.yaml"))
			require.NoError(t, err)
			out, runErr := execute(t, input)
			expectedPath := filepath.Join(dir, "expected.yaml")
			if *update {
				require.NoError(t, os.WriteFile(expectedPath, out, 0o644))
			}
			expected, err := os.ReadFile(expectedPath)
			require.NoError(t, err, "run with -update to create it")
			if string(expected) != string(out) {
				diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
					A: difflib.SplitLines(string(expected)), B: difflib.SplitLines(string(out)),
					FromFile: "expected.yaml", ToFile: "output", Context: 2,
				})
				t.Errorf("output differs from %s (go test ./fn -run TestGolden -update rewrites it):\n%s", expectedPath, diff)
			}
			if len(out) == 0 {
				checkUnreadable(t, dir, runErr)
				return
			}

			failed := hasErrorResults(t, out)
			assert.Equal(t, failed, runErr != nil, "the run must fail exactly when an error result is reported (error: %v)", runErr)

			again, _ := execute(t, out)
			assert.Equal(t, stripResults(t, out), stripResults(t, again), "a second run must change nothing")
		})
	}
}

// checkUnreadable compares the error of a run that wrote nothing with the
// case's error.txt.
func checkUnreadable(t *testing.T, dir string, runErr error) {
	t.Helper()
	require.Error(t, runErr, "a run that writes nothing must fail")
	errPath := filepath.Join(dir, "error.txt")
	if *update {
		require.NoError(t, os.WriteFile(errPath, []byte(runErr.Error()+"\n"), 0o644))
	}
	want, err := os.ReadFile(errPath)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), runErr.Error()+"\n")
}

func hasErrorResults(t *testing.T, out []byte) bool {
	t.Helper()
	rl, err := yaml.Parse(string(out))
	require.NoError(t, err)
	res, _ := rl.Pipe(yaml.Lookup("results"))
	if res == nil {
		return false
	}
	elems, _ := res.Elements()
	for _, e := range elems {
		if yaml.GetValue(e.Field("severity").Value) == string(framework.Error) {
			return true
		}
	}
	return false
}

// stripResults drops results, which a run reports afresh, to compare items.
func stripResults(t *testing.T, out []byte) string {
	t.Helper()
	rl, err := yaml.Parse(string(out))
	require.NoError(t, err)
	require.NoError(t, rl.PipeE(yaml.Clear("results")))
	return rl.MustString()
}
