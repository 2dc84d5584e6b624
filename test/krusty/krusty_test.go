// Package krusty builds every example with kustomize's own library,
// sigs.k8s.io/kustomize/api/krusty at the version go.mod pins, in process
// and with exec functions enabled as `kustomize build --enable-alpha-plugins
// --enable-exec` enables them, so the tier needs no kustomize binary. Being
// a module of its own keeps kustomize's build machinery out of the main
// module's build and tests.
package krusty

import (
	"bytes"
	"flag"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/api/konfig"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

const (
	repositoryRoot = "../.."
	examplesDir    = repositoryRoot + "/examples"
)

var update = flag.Bool("update", false, "rewrite every example's expected/rendered.yaml from the build")

// TestKrusty builds strimzi-render, puts it first on PATH, where the
// examples' exec function configs find it, and builds the examples.
func TestKrusty(t *testing.T) {
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "strimzi-render"), ".")
	build.Dir = repositoryRoot
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "building strimzi-render: %s", out)
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	// kustomize passes its environment to exec functions, and overrides
	// there would change every render.
	t.Setenv("STRIMZI_RENDER_CONFIG", "")
	t.Setenv("ARGOCD_ENV_STRIMZI_RENDER", "")

	t.Run("examples", testExamples)
	t.Run("bad input", testBadInput)
}

// testExamples builds every example that has an expected output twice and
// compares with it byte for byte, as the kustomize CLI writes it;
// `go test ./... -update` in test/krusty rewrites the expected outputs.
func testExamples(t *testing.T) {
	examples, bases := kustomizations(t)
	require.NotEmpty(t, examples)
	for _, dir := range examples {
		rel, err := filepath.Rel(examplesDir, dir)
		require.NoError(t, err)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			first, stderr, err := kustomizeBuild(t, dir)
			require.NoError(t, err, stderr)
			assert.NotContains(t, stderr, "are not pinned", "every example pins its node IDs")
			expectedPath := filepath.Join(dir, "expected", "rendered.yaml")
			if *update {
				require.NoError(t, os.WriteFile(expectedPath, []byte(first), 0o644))
			}
			want, err := os.ReadFile(expectedPath)
			require.NoError(t, err, "run with -update to create it")
			second, _, err := kustomizeBuild(t, dir)
			require.NoError(t, err)
			assert.Equal(t, first, second, "two builds must give the same bytes")
			assert.Equal(t, string(want), first)
		})
	}
	// A kustomization without expected output must be a base of one that
	// has it, so no new example goes untested.
	for _, dir := range bases {
		assert.True(t, referencedBy(t, dir, examples), "%s has a kustomization but no expected/rendered.yaml, and no example builds it", dir)
	}
}

// testBadInput: an invalid KafkaConnect fails the build with an error the
// caller gets, and the function's stderr names the resource, the field and
// the reason.
func testBadInput(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join(examplesDir, "connect-image-plugins"))))
	resource := filepath.Join(dir, "kafka-connect.yaml")
	kc, err := os.ReadFile(resource)
	require.NoError(t, err)
	require.Contains(t, string(kc), "name: camel-timer")
	require.NoError(t, os.WriteFile(resource, bytes.Replace(kc, []byte("name: camel-timer"), []byte("name: camel_timer"), 1), 0o644))

	out, stderr, err := kustomizeBuild(t, dir)
	require.ErrorContains(t, err, "couldn't execute function: exit status 1")
	assert.Empty(t, out)
	assert.Contains(t, stderr, `[error] kafka.strimzi.io/v1/KafkaConnect/kafka/my-connect spec.plugins[1].name: plugin name "camel_timer" contains '_'`)
	assert.Contains(t, stderr, "strimzi-render: failed with 1 error(s)")
}

// kustomizeBuild is `kustomize build --enable-alpha-plugins --enable-exec
// dir`: the options the CLI sets for those flags, its output, and what the
// function writes to stderr.
func kustomizeBuild(t *testing.T, dir string) (out, stderr string, err error) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	require.NoError(t, err)
	options := krusty.MakeDefaultOptions()
	// The CLI's default, unlike the library's: kustomize's legacy order,
	// unless the kustomization sets sortOptions.
	options.Reorder = krusty.ReorderOptionUnspecified
	options.PluginConfig = types.EnabledPluginConfig(types.BploUseStaticallyLinked)
	options.PluginConfig.FnpLoadingOptions.EnableExec = true
	stderr = captureStderr(t, func() {
		resources, runErr := krusty.MakeKustomizer(options).Run(filesys.MakeFsOnDisk(), abs)
		if runErr != nil {
			err = runErr
			return
		}
		var yaml []byte
		yaml, err = resources.AsYaml()
		out = string(yaml)
	})
	return out, stderr, err
}

// kustomizations returns the directories under examples/ that hold a
// kustomization, split into those with an expected output and the rest.
func kustomizations(t *testing.T) (examples, bases []string) {
	t.Helper()
	err := filepath.WalkDir(examplesDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if kustomizationFile(p) == "" {
			return nil
		}
		if _, err := os.Stat(filepath.Join(p, "expected", "rendered.yaml")); err == nil {
			examples = append(examples, p)
		} else {
			bases = append(bases, p)
		}
		return nil
	})
	require.NoError(t, err)
	return examples, bases
}

// kustomizationFile returns dir's kustomization file, under any name
// kustomize recognizes, or "".
func kustomizationFile(dir string) string {
	for _, name := range konfig.RecognizedKustomizationFileNames() {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && info.Mode().IsRegular() {
			return filepath.Join(dir, name)
		}
	}
	return ""
}

// referencedBy reports whether one of the examples pulls dir in as a
// resource or component.
func referencedBy(t *testing.T, dir string, examples []string) bool {
	t.Helper()
	for _, example := range examples {
		b, err := os.ReadFile(kustomizationFile(example))
		require.NoError(t, err)
		var k types.Kustomization
		require.NoError(t, k.Unmarshal(b), example)
		k.FixKustomization()
		if slices.ContainsFunc(slices.Concat(k.Resources, k.Components), func(entry string) bool {
			return filepath.Join(example, filepath.FromSlash(entry)) == filepath.Clean(dir)
		}) {
			return true
		}
	}
	return false
}

// captureStderr returns what run and the processes it starts write to
// stderr: kustomize hands an exec function the process's os.Stderr.
func captureStderr(t *testing.T, run func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	saved := os.Stderr
	os.Stderr = w
	defer func() { os.Stderr = saved }()
	var captured strings.Builder
	done := make(chan error)
	go func() {
		_, err := io.Copy(&captured, r)
		done <- err
	}()
	run()
	require.NoError(t, w.Close())
	require.NoError(t, <-done)
	return captured.String()
}
