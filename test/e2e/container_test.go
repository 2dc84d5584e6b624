package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testImage has a '/' so kpt does not expand it to its own registry; it is
// built locally and never pulled.
const testImage = "local/strimzi-render:e2e"

// The version and commit the test images are labelled with, through the
// Makefile's build arguments.
const (
	labelVersion = "v0.0.0-e2e"
	labelCommit  = "0123456789abcdef0123456789abcdef01234567"
)

// labelArgs returns the --build-arg flags `make target` passes to docker
// build, read from make's dry run, so the test images carry the labels a
// release does.
func labelArgs(target string) ([]string, error) {
	cmd := exec.Command("make", "-n", target, "VERSION="+labelVersion, "COMMIT="+labelCommit)
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("make -n %s: %w", target, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(line, "docker build ") {
			continue
		}
		var args []string
		fields := strings.Fields(line)
		for i, f := range fields {
			if f == "--build-arg" && i+1 < len(fields) {
				args = append(args, f, fields[i+1])
			}
		}
		return args, nil
	}
	return nil, fmt.Errorf("make -n %s runs no docker build:\n%s", target, out)
}

// imageLabels returns the labels of a local image.
func imageLabels(t *testing.T, image string) map[string]string {
	t.Helper()
	out, stderr, err := run(t, ".", "docker", "image", "inspect", image, "--format", "{{json .Config.Labels}}")
	require.NoError(t, err, stderr)
	var labels map[string]string
	require.NoError(t, json.Unmarshal([]byte(out), &labels))
	return labels
}

// wantLabels are the OCI labels every image carries.
func wantLabels(title string) map[string]string {
	return map[string]string{
		"org.opencontainers.image.title":    title,
		"org.opencontainers.image.version":  labelVersion,
		"org.opencontainers.image.revision": labelCommit,
		"org.opencontainers.image.source":   "https://github.com/strimzi-render/strimzi-render",
		"org.opencontainers.image.licenses": "NOASSERTION",
	}
}

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
	labels, err := labelArgs("image")
	if err != nil {
		return err
	}
	out, err := exec.Command("docker", append(append([]string{"build", "-q"}, labels...), "-t", testImage, ctx)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("docker build: %v: %s", err, out)
	}
	return nil
})

func requireImage(t *testing.T) {
	t.Helper()
	requireTool(t, "docker")
	if err := buildImage(); err != nil {
		t.Fatalf("building %s: %v", testImage, err)
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
	assert.Equal(t, wantLabels("strimzi-render"), imageLabels(t, testImage), "the OCI labels make image sets")
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

// TestImageVersion: make tags both images with a version, vX.Y.Z on a
// release and vX.Y.Z-<suffix> between releases, and refuses anything else.
func TestImageVersion(t *testing.T) {
	requireTool(t, "make")
	version := regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)
	tag := regexp.MustCompile(`(?m)^docker build .* -t ghcr\.io/strimzi-render/(?:argocd-cmp-)?strimzi-render:(\S+) `)
	dryRun := func(args ...string) (string, string, error) {
		return run(t, "../..", "make", append([]string{"-n", "image", "argocd-image"}, args...)...)
	}

	out, stderr, err := dryRun()
	require.NoError(t, err, stderr)
	tags := tag.FindAllStringSubmatch(out, -1)
	require.Len(t, tags, 2, out)
	for _, m := range tags {
		assert.Regexp(t, version, m[1], "the version make derives from git")
	}
	for _, v := range []string{"v1.2.3", "v1.2.3-rc.1", "v1.2.3-4-g0123abc-dirty"} {
		out, stderr, err := dryRun("VERSION=" + v)
		require.NoError(t, err, stderr)
		for _, m := range tag.FindAllStringSubmatch(out, -1) {
			assert.Equal(t, v, m[1])
		}
	}
	for _, v := range []string{"latest", "1.2.3", "v1.2", "dev", ""} {
		_, stderr, err := dryRun("VERSION=" + v)
		assert.Error(t, err, "VERSION=%q", v)
		assert.Contains(t, stderr, "images are tagged vX.Y.Z", "VERSION=%q", v)
	}
}
