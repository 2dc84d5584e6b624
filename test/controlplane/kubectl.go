package controlplane

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// Result is what one kubectl run printed and how it ended.
type Result struct {
	Args           []string
	Stdout, Stderr string
	// Err is nil when kubectl exited 0.
	Err error
}

// Lines are the non-empty lines of standard output.
func (r Result) Lines() []string { return lines(r.Stdout) }

// ErrorLines are the non-empty lines of standard error.
func (r Result) ErrorLines() []string { return lines(r.Stderr) }

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// Kubectl runs kubectl against the control plane from the repository root,
// so relative paths (and the file names kubectl prints) are the
// repository's.
func (cp *ControlPlane) Kubectl(ctx context.Context, args ...string) Result {
	return cp.command(ctx, cp.Binaries.Kubectl, args...)
}

func (cp *ControlPlane) command(ctx context.Context, binary string, args ...string) Result {
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = RepositoryRoot()
	home := filepath.Join(cp.Dir, "home")
	_ = os.MkdirAll(home, 0o700)
	cmd.Env = append(os.Environ(),
		"KUBECONFIG="+cp.Kubeconfig,
		"HOME="+home,
		// kubectl apply --applyset is still behind this gate.
		"KUBECTL_APPLYSET=true")
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return Result{Args: args, Stdout: stdout.String(), Stderr: stderr.String(), Err: err}
}

// Kpt runs kpt from PATH against the control plane, from the repository
// root; the error says so when kpt is not on PATH.
func (cp *ControlPlane) Kpt(ctx context.Context, args ...string) Result {
	path, err := exec.LookPath("kpt")
	if err != nil {
		return Result{Args: args, Err: err}
	}
	return cp.command(ctx, path, args...)
}

// ApplyOptions choose how Apply runs kubectl apply.
type ApplyOptions struct {
	// ServerSide applies with --server-side (field manager FieldManager,
	// default "strimzi-render-test").
	ServerSide   bool
	FieldManager string
	// ApplySet, such as "secrets/my-cluster", adds --prune --applyset: what
	// the set held before and the files no longer list is deleted. The
	// parent lives in Namespace.
	ApplySet  string
	Namespace string
}

// Apply runs kubectl apply -f path (a file or a directory, whose files
// kubectl reads in name order).
func (cp *ControlPlane) Apply(ctx context.Context, path string, o ApplyOptions) Result {
	args := []string{"apply", "-f", path}
	if o.ServerSide {
		manager := o.FieldManager
		if manager == "" {
			manager = "strimzi-render-test"
		}
		args = append(args, "--server-side", "--field-manager="+manager)
	}
	if o.ApplySet != "" {
		args = append(args, "--prune", "--applyset="+o.ApplySet)
	}
	if o.Namespace != "" {
		args = append(args, "--namespace="+o.Namespace)
	}
	return cp.Kubectl(ctx, args...)
}

// Delete runs kubectl delete -f path and waits until every object is gone.
// What the cluster made from them (a Job's pods) goes in the background:
// a foreground deletion of a custom resource waits until the garbage
// collector discovers its CRD, up to half a minute.
func (cp *ControlPlane) Delete(ctx context.Context, path string) error {
	r := cp.Kubectl(ctx, "delete", "-f", path, "--ignore-not-found", "--wait", "--timeout=3m")
	if r.Err != nil {
		return errors.New(strings.TrimSpace(r.Stderr))
	}
	return nil
}
