package certmanager

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// RepositoryRoot is the strimzi-render checkout this module sits in.
func RepositoryRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Build builds strimzi-render into dir.
func Build(dir string) (string, error) {
	bin := filepath.Join(dir, "strimzi-render")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = RepositoryRoot()
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, out)
	}
	return bin, nil
}

// RenderResourceList runs the function on a KRM ResourceList file, as
// kustomize and kpt do (stdin to stdout), and returns its items.
func RenderResourceList(bin, file string) ([]Object, error) {
	in, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "STRIMZI_RENDER_CONFIG=", "ARGOCD_ENV_STRIMZI_RENDER=")
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = in, &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("strimzi-render < %s: %w\n%s", file, err, stderr.String())
	}
	objs, err := ParseStream(stdout.Bytes())
	if err != nil {
		return nil, err
	}
	var items []Object
	for _, o := range objs {
		if o.Kind != "ResourceList" {
			return nil, fmt.Errorf("strimzi-render < %s wrote a %s, not a ResourceList", file, o.Kind)
		}
		o.Map["functionConfig"] = nil
		flat, err := Flatten([]Object{o})
		if err != nil {
			return nil, err
		}
		items = append(items, flat...)
	}
	return items, nil
}

// Render runs the standalone command (strimzi-render [CONFIG] RESOURCES...)
// with env added to a clean environment, and returns the objects and the
// warnings on stderr.
func Render(bin string, env []string, args ...string) ([]Object, string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "STRIMZI_RENDER_CONFIG=", "ARGOCD_ENV_STRIMZI_RENDER=")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, stderr.String(), fmt.Errorf("strimzi-render %v: %w\n%s", args, err, stderr.String())
	}
	objs, err := ParseStream(stdout.Bytes())
	return objs, stderr.String(), err
}
