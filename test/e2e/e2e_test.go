package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

const examplesDir = "../../examples"

// binDir holds the freshly built strimzi-render, first on PATH for every tool.
var binDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "strimzi-render-e2e")
	if err != nil {
		panic(err)
	}
	binDir = dir
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "strimzi-render"), "../..")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building strimzi-render: %v\n%s", err, out)
		os.Exit(1)
	}
	os.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	// Overrides in the caller's environment would change every render.
	os.Unsetenv("STRIMZI_RENDER_CONFIG")
	os.Unsetenv("ARGOCD_ENV_STRIMZI_RENDER")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// requireTool skips the test when tool is missing, or fails it when CI
// requires the tier.
func requireTool(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err == nil {
		if tool != "docker" || exec.Command("docker", "info").Run() == nil {
			return
		}
	}
	required := strings.Split(os.Getenv("STRIMZI_RENDER_E2E_REQUIRE"), ",")
	if slices.Contains(required, tool) {
		t.Fatalf("%s is required (STRIMZI_RENDER_E2E_REQUIRE) but not available", tool)
	}
	t.Skipf("E2E-TIER %s: skipped, not available", tool)
}

func examples(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(examplesDir, "*", "kustomization.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for i := range dirs {
		dirs[i] = filepath.Dir(dirs[i])
	}
	return dirs
}

// run runs a command and returns stdout, stderr and its error.
func run(t *testing.T, dir string, name string, args ...string) (string, string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// copyDir copies an example into a fresh directory, for tools that write.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	require.NoError(t, os.CopyFS(dst, os.DirFS(src)))
	return dst
}

// objects parses a YAML stream or a package directory into comparable
// objects: sorted by kind and name, without the annotations orchestrators
// add for files and ids.
func objects(t *testing.T, nodes []*yaml.RNode) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, n := range nodes {
		if n.GetKind() == "Kptfile" || n.GetKind() == "StrimziRender" || n.GetKind() == "Kustomization" {
			continue
		}
		a := n.GetAnnotations()
		for k := range a {
			if strings.HasPrefix(k, "config.kubernetes.io/") || strings.HasPrefix(k, "internal.config.kubernetes.io/") ||
				strings.HasPrefix(k, "config.k8s.io/") || strings.HasPrefix(k, "kustomize.config.k8s.io/") {
				delete(a, k)
			}
		}
		require.NoError(t, n.SetAnnotations(a))
		// Compare content, not formatting: normalise through JSON.
		j, err := n.MarshalJSON()
		require.NoError(t, err)
		out[n.GetKind()+"/"+n.GetName()] = string(j)
	}
	return out
}

func parseStream(t *testing.T, s string) []*yaml.RNode {
	t.Helper()
	nodes, err := kio.FromBytes([]byte(s))
	require.NoError(t, err)
	return nodes
}

func readPackage(t *testing.T, dir string) []*yaml.RNode {
	t.Helper()
	nodes, err := kio.LocalPackageReader{PackagePath: dir, MatchFilesGlob: []string{"*.yaml"}, IncludeSubpackages: true,
		FileSkipFunc: func(rel string) bool { return strings.HasPrefix(rel, "expected") || rel == "kustomization.yaml" }}.Read()
	require.NoError(t, err)
	return nodes
}

func expected(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "expected", "rendered.yaml"))
	require.NoError(t, err)
	return string(b)
}
