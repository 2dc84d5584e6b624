package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshot reads every file of a package.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(b)
		return err
	}))
	return files
}

// TestKptRender renders every example package in place with its Kptfile
// pipeline, twice: the second render must change nothing, and the package
// must hold the same objects kustomize renders.
func TestKptRender(t *testing.T) {
	requireTool(t, "kpt")
	t.Log("E2E-TIER kpt-render: ran")
	for _, src := range examples(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			dir := copyDir(t, src)
			_, stderr, err := run(t, dir, "kpt", "fn", "render", ".", "--allow-exec")
			require.NoError(t, err, stderr)
			first := snapshot(t, dir)
			_, stderr, err = run(t, dir, "kpt", "fn", "render", ".", "--allow-exec")
			require.NoError(t, err, stderr)
			assert.Equal(t, first, snapshot(t, dir), "a second render must change nothing")
			assert.Equal(t, objects(t, parseStream(t, expected(t, src))), objects(t, readPackage(t, dir)))
		})
	}
}

// TestKptEval runs the function imperatively with its config file.
func TestKptEval(t *testing.T) {
	requireTool(t, "kpt")
	t.Log("E2E-TIER kpt-eval: ran")
	for _, src := range examples(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			dir := copyDir(t, src)
			out, stderr, err := run(t, dir, "kpt", "fn", "eval", ".", "--exec", "strimzi-render", "--fn-config", "fn.yaml", "-o", "unwrap")
			require.NoError(t, err, stderr)
			assert.Equal(t, objects(t, parseStream(t, expected(t, src))), objects(t, parseStream(t, out)))
		})
	}
}

// TestKptEvalConfigMapArgs passes options as key=value, which kpt sends as a ConfigMap.
func TestKptEvalConfigMapArgs(t *testing.T) {
	requireTool(t, "kpt")
	dir := copyDir(t, filepath.Join(examplesDir, "connect-image-plugins"))
	out, stderr, err := run(t, dir, "kpt", "fn", "eval", ".", "--exec", "strimzi-render", "-o", "unwrap", "--",
		"workload=StrimziPodSet", "images.kafkaConnect.4.3.1=registry.example.com/kafka:4.3.1")
	require.NoError(t, err, stderr)
	var kinds []string
	for _, n := range parseStream(t, out) {
		kinds = append(kinds, n.GetKind())
	}
	assert.Contains(t, kinds, "StrimziPodSet")
	assert.NotContains(t, kinds, "Pod", "pods are inside the StrimziPodSet")
	assert.Contains(t, out, "image: registry.example.com/kafka:4.3.1")
}

// TestKptRenderFailsOnBadConfig: kpt reports the function's error result
// with its field path, and writes nothing.
func TestKptRenderFailsOnBadConfig(t *testing.T) {
	requireTool(t, "kpt")
	dir := copyDir(t, filepath.Join(examplesDir, "connect-image-plugins"))
	fnYAML := filepath.Join(dir, "fn.yaml")
	b, err := os.ReadFile(fnYAML)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(fnYAML, []byte(strings.Replace(string(b), "workload: StatefulSet", "workloads: StatefulSet", 1)), 0o644))
	before := snapshot(t, dir)
	_, stderr, err := run(t, dir, "kpt", "fn", "render", ".", "--allow-exec")
	require.Error(t, err)
	assert.Contains(t, stderr, "spec.workloads")
	assert.Equal(t, before, snapshot(t, dir), "a failed render writes nothing")
}

// TestStandalone runs `strimzi-render CONFIG RESOURCES`, no orchestrator,
// and the same package as a directory and on stdin.
func TestStandalone(t *testing.T) {
	t.Log("E2E-TIER standalone: ran")
	for _, src := range examples(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			inputs, err := filepath.Glob(filepath.Join(src, "*.yaml"))
			require.NoError(t, err)
			args := []string{"fn.yaml"}
			for _, in := range inputs {
				if b := filepath.Base(in); b != "fn.yaml" && b != "kustomization.yaml" {
					args = append(args, b)
				}
			}
			want := objects(t, parseStream(t, expected(t, src)))
			out, stderr, err := run(t, src, "strimzi-render", args...)
			require.NoError(t, err, stderr)
			assert.Equal(t, want, objects(t, parseStream(t, out)))

			dirOut, stderr, err := run(t, src, "strimzi-render", ".")
			require.NoError(t, err, stderr)
			assert.Equal(t, out, dirOut, "the directory renders as its files with its config")

			var stream []string
			for _, f := range args[1:] {
				b, err := os.ReadFile(filepath.Join(src, f))
				require.NoError(t, err)
				stream = append(stream, string(b))
			}
			cmd := exec.Command("strimzi-render", "fn.yaml")
			cmd.Dir, cmd.Stdin = src, strings.NewReader(strings.Join(stream, "\n---\n"))
			piped, err := cmd.Output()
			require.NoError(t, err)
			assert.Equal(t, out, string(piped), "resources piped in")
		})
	}
}

func replace(s, old, new string) string { return strings.Replace(s, old, new, 1) }
