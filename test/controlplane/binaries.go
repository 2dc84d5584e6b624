package controlplane

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
)

// KwokVersion is the kwok release whose controller fakes the nodes. It is
// installed with go install, so its own go.mod decides its dependencies and
// the Kubernetes binaries keep the ones Kubernetes pins.
const KwokVersion = "v0.8.0"

// kubernetesCommands are built from this module, whose go.mod pins
// k8s.io/kubernetes (and lists them as tools so go mod tidy keeps their
// dependencies).
var kubernetesCommands = []string{"kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl"}

// kwokStages are kwok's default stages, read from its module source: the
// kwok binary itself starts with none. They make nodes Ready and keep
// their leases, make pods Running and Ready, complete the pods of Jobs and
// finish deletions.
var kwokStages = []string{
	"kustomize/stage/node/fast/node-initialize.yaml",
	"kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml",
	"kustomize/stage/pod/fast/pod-ready.yaml",
	"kustomize/stage/pod/fast/pod-complete.yaml",
	"kustomize/stage/pod/fast/pod-delete.yaml",
}

// Binaries are the programs a control plane runs.
type Binaries struct {
	APIServer, ControllerManager, Scheduler, Kubectl string
	Etcd, Kwok                                       string
	// KwokStages is a kwok configuration file holding kwokStages.
	KwokStages string
	// KubernetesVersion is k8s.io/kubernetes's version in go.mod.
	KubernetesVersion string
	// Built lists what this call had to build or fetch, with how long it
	// took; empty when everything came from the cache.
	Built []string
}

// ModuleDir is the directory of this module's go.mod.
func ModuleDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// RepositoryRoot is the root of the strimzi-render repository.
func RepositoryRoot() string {
	return filepath.Clean(filepath.Join(ModuleDir(), "..", ".."))
}

// CacheEnv overrides CacheDir.
const CacheEnv = "STRIMZI_RENDER_CONTROLPLANE_CACHE"

// CacheDir is where built binaries and the extracted etcd package are kept
// between runs: $STRIMZI_RENDER_CONTROLPLANE_CACHE, else .cache/controlplane
// in the repository (.cache/ is ignored by git).
func CacheDir() string {
	if dir := os.Getenv(CacheEnv); dir != "" {
		return dir
	}
	return filepath.Join(RepositoryRoot(), ".cache", "controlplane")
}

// StrimziDir is the Strimzi release directory: STRIMZI_RENDER_STRIMZI_DIR,
// else ../shared/strimzi-1.2.0 beside the repository.
func StrimziDir() string {
	if dir := os.Getenv("STRIMZI_RENDER_STRIMZI_DIR"); dir != "" {
		return dir
	}
	return filepath.Join(RepositoryRoot(), "..", "shared", "strimzi-1.2.0")
}

// EnsureBinaries returns the control plane's binaries, building or fetching
// what the cache lacks: the Kubernetes commands with go build (6 to 30
// minutes on two cores from an empty Go build cache, as the load goes),
// kwok with go install, and etcd from Debian's etcd-server package
// (apt-get download, dpkg -x; it is never installed or started as a
// service). STRIMZI_RENDER_ETCD overrides the etcd binary. The error says
// what could not be had.
func EnsureBinaries() (*Binaries, error) {
	b := &Binaries{}
	version, err := goOutput(ModuleDir(), "list", "-m", "-f", "{{.Version}}", "k8s.io/kubernetes")
	if err != nil {
		return nil, fmt.Errorf("read k8s.io/kubernetes's version from go.mod: %w", err)
	}
	b.KubernetesVersion = version

	kubeDir := filepath.Join(CacheDir(), "kubernetes-"+version)
	if err := cached(kubeDir, b, "Kubernetes "+version, kubernetesCommands, func(tmp string) error {
		return buildKubernetes(tmp, version)
	}); err != nil {
		return nil, err
	}
	b.APIServer = filepath.Join(kubeDir, "kube-apiserver")
	b.ControllerManager = filepath.Join(kubeDir, "kube-controller-manager")
	b.Scheduler = filepath.Join(kubeDir, "kube-scheduler")
	b.Kubectl = filepath.Join(kubeDir, "kubectl")

	kwokDir := filepath.Join(CacheDir(), "kwok-"+KwokVersion)
	if err := cached(kwokDir, b, "kwok "+KwokVersion, []string{"kwok", "stages.yaml"}, buildKwok); err != nil {
		return nil, err
	}
	b.Kwok = filepath.Join(kwokDir, "kwok")
	b.KwokStages = filepath.Join(kwokDir, "stages.yaml")

	if b.Etcd, err = ensureEtcd(b); err != nil {
		return nil, err
	}
	return b, nil
}

// cached fills dir with files through produce, unless all of them are
// there. produce writes into a temporary directory that is renamed into
// place, so an interrupted build leaves nothing that looks complete.
func cached(dir string, b *Binaries, what string, files []string, produce func(tmp string) error) error {
	if allExist(dir, files) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".partial-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	start := time.Now()
	if err := produce(tmp); err != nil {
		return fmt.Errorf("build %s: %w", what, err)
	}
	if !allExist(tmp, files) {
		return fmt.Errorf("build %s: %s lacks some of %v", what, tmp, files)
	}
	_ = os.RemoveAll(dir)
	if err := os.Rename(tmp, dir); err != nil {
		return err
	}
	b.Built = append(b.Built, fmt.Sprintf("%s in %s", what, time.Since(start).Round(time.Second)))
	return nil
}

func allExist(dir string, files []string) bool {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return false
		}
	}
	return true
}

// buildKubernetes builds the commands from this module, so they share the
// Go build cache with every other build of the same packages. The version
// variables are the ones Kubernetes' own build sets.
func buildKubernetes(out, version string) error {
	major, minor, _ := strings.Cut(strings.TrimPrefix(version, "v"), ".")
	minor, _, _ = strings.Cut(minor, ".")
	ldflags := []string{"-s", "-w"}
	for _, pkg := range []string{"k8s.io/client-go/pkg/version", "k8s.io/component-base/version"} {
		ldflags = append(ldflags,
			"-X", pkg+".gitVersion="+version,
			"-X", pkg+".gitMajor="+major,
			"-X", pkg+".gitMinor="+minor,
			"-X", pkg+".gitTreeState=clean")
	}
	args := []string{"build", "-ldflags", strings.Join(ldflags, " "), "-o", out + string(filepath.Separator)}
	for _, c := range kubernetesCommands {
		args = append(args, "k8s.io/kubernetes/cmd/"+c)
	}
	_, err := goOutput(ModuleDir(), args...)
	return err
}

// buildKwok installs kwok into out and writes its stages beside it.
func buildKwok(out string) error {
	if _, err := goOutputEnv(ModuleDir(), []string{"GOBIN=" + out}, "install", "sigs.k8s.io/kwok/cmd/kwok@"+KwokVersion); err != nil {
		return err
	}
	src, err := kwokModuleDir()
	if err != nil {
		return err
	}
	var stages bytes.Buffer
	for _, stage := range kwokStages {
		data, err := os.ReadFile(filepath.Join(src, stage))
		if err != nil {
			return err
		}
		stages.WriteString("---\n")
		stages.Write(data)
	}
	return os.WriteFile(filepath.Join(out, "stages.yaml"), stages.Bytes(), 0o644)
}

// goOutput runs the go command in dir and returns its trimmed standard
// output; the error carries standard error.
func goOutput(dir string, args ...string) (string, error) {
	return goOutputEnv(dir, nil, args...)
}

func goOutputEnv(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
	cmd.Env = append(cmd.Env, env...)
	// A go build outlives a test binary that times out unless told.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, tail(stderr.String(), 40))
	}
	return strings.TrimSpace(stdout.String()), nil
}

// ensureEtcd returns etcd: $STRIMZI_RENDER_ETCD, else the newest etcd-server package
// extracted under the cache, else one downloaded now with apt-get.
func ensureEtcd(b *Binaries) (string, error) {
	if path := os.Getenv("STRIMZI_RENDER_ETCD"); path != "" {
		return path, nil
	}
	if path := cachedEtcd(); path != "" {
		return path, nil
	}
	start := time.Now()
	debs := filepath.Join(CacheDir(), "debs")
	if err := os.MkdirAll(debs, 0o755); err != nil {
		return "", err
	}
	if _, err := run(debs, "apt-get", "download", "etcd-server"); err != nil {
		// apt-get download needs the package lists; fetch them once.
		if _, uerr := run(debs, "apt-get", "update"); uerr != nil {
			return "", fmt.Errorf("apt-get download etcd-server: %w; apt-get update: %v", err, uerr)
		}
		if _, err := run(debs, "apt-get", "download", "etcd-server"); err != nil {
			return "", fmt.Errorf("apt-get download etcd-server: %w", err)
		}
	}
	matches, _ := filepath.Glob(filepath.Join(debs, "etcd-server_*.deb"))
	if len(matches) == 0 {
		return "", errors.New("apt-get download etcd-server wrote no etcd-server_*.deb")
	}
	sort.Strings(matches)
	deb := matches[len(matches)-1]
	version := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(deb), "etcd-server_"), ".deb")
	dir := filepath.Join(CacheDir(), "etcd-server_"+version)
	built := len(b.Built)
	if err := cached(dir, b, "etcd-server "+version, []string{"usr/bin/etcd"}, func(tmp string) error {
		_, err := run(debs, "dpkg", "-x", deb, tmp)
		return err
	}); err != nil {
		return "", err
	}
	if len(b.Built) > built {
		b.Built[built] = fmt.Sprintf("etcd-server %s (apt-get download, dpkg -x) in %s", version, time.Since(start).Round(time.Second))
	}
	return filepath.Join(dir, "usr", "bin", "etcd"), nil
}

func cachedEtcd() string {
	matches, _ := filepath.Glob(filepath.Join(CacheDir(), "etcd-server_*", "usr", "bin", "etcd"))
	if len(matches) == 0 {
		return ""
	}
	sort.Strings(matches)
	return matches[len(matches)-1]
}

func run(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, tail(out.String(), 20))
	}
	return out.String(), nil
}

// kwokModuleDir is kwok's source in the module cache, downloaded if needed.
func kwokModuleDir() (string, error) {
	out, err := goOutput(ModuleDir(), "mod", "download", "-json", "sigs.k8s.io/kwok@"+KwokVersion)
	if err != nil {
		return "", err
	}
	var m struct{ Dir string }
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		return "", err
	}
	return m.Dir, nil
}

func tail(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}
