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
