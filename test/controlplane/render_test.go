package controlplane_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"github.com/strimzi-render/strimzi-render/test/controlplane"
)

type unstructuredObject = unstructured.Unstructured

// rendererDir holds the strimzi-render binary; TestMain removes it.
var rendererDir string

func TestMain(m *testing.M) {
	// TestDay2's scenarios mostly wait for controllers: let its five
	// groups run at once even where GOMAXPROCS (go test's default
	// -parallel) is two.
	flag.Parse()
	if p := flag.Lookup("test.parallel"); p != nil && p.Value.String() == strconv.Itoa(runtime.GOMAXPROCS(0)) && runtime.GOMAXPROCS(0) < 5 {
		_ = p.Value.Set("5")
	}
	code := m.Run()
	if rendererDir != "" {
		os.RemoveAll(rendererDir)
	}
	os.Exit(code)
}

// renderer is strimzi-render built from the repository.
var renderer = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "strimzi-render-bin-")
	if err != nil {
		return "", err
	}
	rendererDir = dir
	bin := filepath.Join(dir, "strimzi-render")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = controlplane.RepositoryRoot()
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, out)
	}
	return bin, nil
})

// render runs the standalone command (strimzi-render fn.yaml RESOURCES) on
// an example, its resource file changed by edit, and returns the file the
// output went to. The command writes the function's own order, which
// kustomize re-sorts by kind and kpt splits into one file per object.
func render(t *testing.T, example, resources string, edit func(string) string) string {
	t.Helper()
	bin, err := renderer()
	require.NoError(t, err, "build strimzi-render")
	src := filepath.Join(controlplane.RepositoryRoot(), example)
	input, err := os.ReadFile(filepath.Join(src, resources))
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, resources), []byte(edit(string(input))), 0o644))
	cmd := exec.Command(bin, filepath.Join(src, "fn.yaml"), filepath.Join(dir, resources))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	out := filepath.Join(dir, "rendered.yaml")
	require.NoError(t, os.WriteFile(out, stdout.Bytes(), 0o644))
	return out
}

func unchanged(s string) string { return s }

// replaceOnce replaces the one occurrence of old.
func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(s, old), "the input holds %q once", old)
	return strings.Replace(s, old, new, 1)
}

// readObjects reads a path relative to the repository root.
func readObjects(t *testing.T, path string) []*unstructuredObject {
	t.Helper()
	if !filepath.IsAbs(path) {
		path = filepath.Join(controlplane.RepositoryRoot(), path)
	}
	objects, err := controlplane.ReadObjects(path)
	require.NoError(t, err)
	require.NotEmpty(t, objects, path)
	return objects
}

// byID indexes objects by controlplane.ID.
func byID(objects []*unstructuredObject) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, o := range objects {
		out[controlplane.ID(o)] = o.Object
	}
	return out
}

func ids(objects []*unstructuredObject) []string {
	var out []string
	for _, o := range objects {
		out = append(out, controlplane.ID(o))
	}
	return out
}

// prepare creates the objects' namespaces and a volume for each claim.
func prepare(ctx context.Context, t *testing.T, cp *controlplane.ControlPlane, objects []*unstructuredObject) {
	t.Helper()
	require.NoError(t, cp.CreateNamespaces(ctx, controlplane.Namespaces(objects)...))
	require.NoError(t, cp.ProvideVolumes(ctx, objects))
	require.NoError(t, cp.EnsureVolumes(ctx, claimsOf(statefulSets(t, objects))))
}

// waitWorkloads waits until the rendered Pods and the StatefulSets' pods
// are Ready and Jobs complete.
func waitWorkloads(ctx context.Context, t *testing.T, cp *controlplane.ControlPlane, objects []*unstructuredObject) {
	t.Helper()
	start := time.Now()
	pods := map[string][]string{}
	for _, p := range controlplane.OfKind(objects, "Pod") {
		pods[p.GetNamespace()] = append(pods[p.GetNamespace()], p.GetName())
	}
	for ns, names := range pods {
		require.NoError(t, cp.WaitPodsReady(ctx, ns, names...))
	}
	for _, set := range statefulSets(t, objects) {
		require.NoError(t, cp.WaitPodsReady(ctx, set.Namespace, podNames(set)...))
	}
	for _, j := range controlplane.OfKind(objects, "Job") {
		require.NoError(t, cp.WaitJobsComplete(ctx, j.GetNamespace(), j.GetName()))
	}
	t.Logf("%d pods and %d StatefulSets Ready, %d jobs complete in %s", len(controlplane.OfKind(objects, "Pod")),
		len(controlplane.OfKind(objects, "StatefulSet")), len(controlplane.OfKind(objects, "Job")),
		time.Since(start).Round(100*time.Millisecond))
}
