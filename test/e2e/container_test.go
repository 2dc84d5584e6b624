package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testImage has a '/' so kpt does not expand it to its own registry; it is
// built locally and never pulled.
const testImage = "local/strimzi-render:e2e"

var buildImage = sync.OnceValue(func() error {
	ctx, err := os.MkdirTemp("", "strimzi-render-image")
	if err != nil {
		return err
	}
	defer os.RemoveAll(ctx)
	for _, f := range []string{"Dockerfile", ".dockerignore", "config/image/passwd", "config/image/group"} {
		b, err := os.ReadFile(filepath.Join("../..", f))
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(ctx, filepath.Dir(f)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(ctx, f), b, 0o644); err != nil {
			return err
		}
	}
	bin, err := os.ReadFile(filepath.Join(binDir, "strimzi-render"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(ctx, "bin"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(ctx, "bin", "strimzi-render"), bin, 0o755); err != nil {
		return err
	}
	out, err := exec.Command("docker", "build", "-q", "-t", testImage, ctx).CombinedOutput()
	if err != nil {
		return &exec.ExitError{Stderr: out}
	}
	return nil
})

func requireImage(t *testing.T) {
	t.Helper()
	requireTool(t, "docker")
	if err := buildImage(); err != nil {
		t.Fatalf("building %s: %v %s", testImage, err, err.(*exec.ExitError).Stderr)
	}
}

// TestImageRunsAsNobodyWithoutNetwork runs the image as kustomize and kpt
// do, plus a read-only root filesystem.
func TestImageRunsAsNobodyWithoutNetwork(t *testing.T) {
	requireImage(t)
	t.Log("E2E-TIER container-image: ran")
	user, _, err := run(t, ".", "docker", "image", "inspect", testImage, "--format", "{{.Config.User}}")
	require.NoError(t, err)
	assert.Equal(t, "65534:65534", strings.TrimSpace(user), "a numeric non-root user")
	rl, err := os.ReadFile("../../testdata/connect/image-plugins/input.yaml")
	require.NoError(t, err)
	cmd := exec.Command("docker", "run", "--rm", "-i", "--user", "nobody", "--network", "none", "--read-only",
		"--security-opt=no-new-privileges", testImage)
	cmd.Stdin = strings.NewReader(string(rl))
	out, err := cmd.Output()
	require.NoError(t, err)
	want, err := os.ReadFile("../../testdata/connect/image-plugins/expected.yaml")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(out), "the image renders exactly what the binary renders")
}

// withContainer rewrites an example copy to run the function as the image.
func withContainer(t *testing.T, dir string) {
	t.Helper()
	fnYAML := filepath.Join(dir, "fn.yaml")
	b, err := os.ReadFile(fnYAML)
	require.NoError(t, err)
	s := strings.Replace(string(b), "exec:\n        path: strimzi-render", "container:\n        image: "+testImage, 1)
	require.NotEqual(t, string(b), s)
	require.NoError(t, os.WriteFile(fnYAML, []byte(s), 0o644))
	kptfile := filepath.Join(dir, "Kptfile")
	b, err = os.ReadFile(kptfile)
	require.NoError(t, err)
	s = strings.Replace(string(b), "- exec: strimzi-render", "- image: "+testImage, 1)
	require.NotEqual(t, string(b), s)
	require.NoError(t, os.WriteFile(kptfile, []byte(s), 0o644))
}

// TestKustomizeContainer builds every example with the function as a
// container, twice.
func TestKustomizeContainer(t *testing.T) {
	requireTool(t, "kustomize")
	requireImage(t)
	t.Log("E2E-TIER kustomize-container: ran")
	for _, src := range examples(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			dir := copyDir(t, src)
			withContainer(t, dir)
			first, stderr, err := run(t, dir, "kustomize", "build", "--enable-alpha-plugins", ".")
			require.NoError(t, err, stderr)
			second, _, err := run(t, dir, "kustomize", "build", "--enable-alpha-plugins", ".")
			require.NoError(t, err)
			assert.Equal(t, first, second)
			assert.Equal(t, expected(t, src), first)
		})
	}
}

// TestKptRenderContainer runs every example's Kptfile pipeline with the
// image, twice, without pulling.
func TestKptRenderContainer(t *testing.T) {
	requireTool(t, "kpt")
	requireImage(t)
	t.Log("E2E-TIER kpt-container: ran")
	for _, src := range examples(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			dir := copyDir(t, src)
			withContainer(t, dir)
			_, stderr, err := run(t, dir, "kpt", "fn", "render", ".", "--image-pull-policy", "never")
			require.NoError(t, err, stderr)
			first := snapshot(t, dir)
			_, stderr, err = run(t, dir, "kpt", "fn", "render", ".", "--image-pull-policy", "never")
			require.NoError(t, err, stderr)
			assert.Equal(t, first, snapshot(t, dir))
			assert.Equal(t, objects(t, parseStream(t, expected(t, src))), objects(t, readPackage(t, dir)))
		})
	}
}
