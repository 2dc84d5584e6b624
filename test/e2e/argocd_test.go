package e2e

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// The Argo CD tiers run config/argocd/plugin.yaml's commands as
// argocd-cmp-server does (cmpserver/plugin/plugin.go): init, then generate,
// each with its arguments as one argv (no shell), in the application's
// directory, with the sidecar's environment plus the build environment and
// the Application's plugin env prefixed ARGOCD_ENV_; stdout must be only
// Kubernetes objects, and a non-zero exit fails manifest generation.

const pluginYAML = "../../config/argocd/plugin.yaml"

// argoCommand is a command of plugin.yaml: argv is command then args.
type argoCommand struct {
	Command []string `yaml:"command"`
	Args    []string `yaml:"args"`
}

func (c argoCommand) argv() []string { return append(append([]string{}, c.Command...), c.Args...) }

// argoPlugin is the part of a ConfigManagementPlugin the tests run.
type argoPlugin struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		Version  string      `yaml:"version"`
		Init     argoCommand `yaml:"init"`
		Generate argoCommand `yaml:"generate"`
		Discover struct {
			FileName string `yaml:"fileName"`
			// Find embeds a command, as Argo CD's plugin.Find does:
			// find.command and find.args.
			Find struct {
				argoCommand `yaml:",inline"`
				Glob        string `yaml:"glob"`
			} `yaml:"find"`
		} `yaml:"discover"`
	} `yaml:"spec"`
}

func loadPlugin(t *testing.T) argoPlugin {
	t.Helper()
	b, err := os.ReadFile(pluginYAML)
	require.NoError(t, err)
	var p argoPlugin
	require.NoError(t, yaml.Unmarshal(b, &p))
	require.Equal(t, "argoproj.io/v1alpha1", p.APIVersion)
	require.Equal(t, "ConfigManagementPlugin", p.Kind)
	require.NotEmpty(t, p.Spec.Generate.argv())
	return p
}

// argoEnv is what a generate command sees in the sidecar: the image's
// PATH and HOME, the build environment, and the Application's plugin env.
func argoEnv(t *testing.T, path string, appEnv map[string]string) []string {
	t.Helper()
	env := []string{
		"PATH=" + path,
		"HOME=" + t.TempDir(),
		"ARGOCD_APP_NAME=kafka-connect",
		"ARGOCD_APP_NAMESPACE=argocd",
		"ARGOCD_APP_PROJECT_NAME=default",
		"ARGOCD_APP_REVISION=0123456789abcdef0123456789abcdef01234567",
		"ARGOCD_APP_REVISION_SHORT=0123456",
		"ARGOCD_APP_REVISION_SHORT_8=01234567",
		"ARGOCD_APP_SOURCE_PATH=examples/connect-image-plugins",
		"ARGOCD_APP_SOURCE_REPO_URL=https://git.example.com/platform/kafka.git",
		"ARGOCD_APP_SOURCE_TARGET_REVISION=HEAD",
		"KUBE_VERSION=1.33.1",
		"KUBE_API_VERSIONS=v1,apps/v1,batch/v1,policy/v1,networking.k8s.io/v1,rbac.authorization.k8s.io/v1,kafka.strimzi.io/v1,core.strimzi.io/v1",
	}
	for k, v := range appEnv {
		env = append(env, "ARGOCD_ENV_"+k+"="+v)
	}
	return env
}

// runArgo runs one plugin command in dir as argocd-cmp-server does.
func runArgo(t *testing.T, dir string, env []string, argv []string) (string, string, error) {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir, cmd.Env = dir, env
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// requireObjects checks stdout is only Kubernetes objects, as Argo CD
// needs, and returns their kinds.
func requireObjects(t *testing.T, out string) []string {
	t.Helper()
	nodes := parseStream(t, out)
	require.NotEmpty(t, nodes, "generate printed no objects")
	var kinds []string
	for _, n := range nodes {
		require.NotEmpty(t, n.GetApiVersion(), "a document without apiVersion: %s", n.MustString())
		require.NotEmpty(t, n.GetKind(), "a document without kind")
		require.NotEmpty(t, n.GetName(), "a %s without a name", n.GetKind())
		kinds = append(kinds, n.GetKind())
	}
	return kinds
}

func requireExitFailure(t *testing.T, err error) {
	t.Helper()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "want a non-zero exit, got %v", err)
	assert.NotZero(t, exit.ExitCode())
}

// TestArgoCDPluginConfig pins what makes the plugin safe: exec-form
// commands and the binaries the sidecar holds.
func TestArgoCDPluginConfig(t *testing.T) {
	p := loadPlugin(t)
	assert.Equal(t, []string{"kustomize", "build", "--enable-alpha-plugins", "--enable-exec", "."}, p.Spec.Generate.argv(),
		"exec form, no shell: errors must reach Argo CD")
	assert.Equal(t, []string{"strimzi-render", "version"}, p.Spec.Init.argv())
	assert.Equal(t, []string{"strimzi-render", "discover"}, p.Spec.Discover.Find.argv())
	assert.Empty(t, p.Spec.Discover.FileName+p.Spec.Discover.Find.Glob, "Argo CD evaluates only the first discover rule")
}

// TestArgoCDGenerate runs init and generate from plugin.yaml in a copy of
// every example, as the sidecar does, with and without overrides.
func TestArgoCDGenerate(t *testing.T) {
	requireTool(t, "kustomize")
	t.Log("E2E-TIER argocd-generate: ran")
	p := loadPlugin(t)
	kustomize, err := exec.LookPath("kustomize")
	require.NoError(t, err)
	path := binDir + string(os.PathListSeparator) + filepath.Dir(kustomize)

	for _, src := range examples(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			app := copyDir(t, src)
			env := argoEnv(t, path, nil)
			_, stderr, err := runArgo(t, app, env, p.Spec.Init.argv())
			require.NoError(t, err, stderr)
			out, stderr, err := runArgo(t, app, env, p.Spec.Generate.argv())
			require.NoError(t, err, stderr)
			requireObjects(t, out)
			assert.Equal(t, expected(t, src), out, "what kustomize renders, byte for byte")
		})
	}

	app := copyDir(t, filepath.Join(examplesDir, "connect-image-plugins"))
	cases := map[string]struct {
		override  string
		fail      bool
		kinds     []string
		notKinds  []string
		stdout    []string
		stderrHas []string
	}{
		"override applies": {
			override: "workload=StrimziPodSet\nimages.kafkaConnect.4.3.1=registry.example.com/kafka:4.3.1",
			kinds:    []string{"StrimziPodSet"}, notKinds: []string{"Pod", "KafkaConnect"},
			stdout: []string{"image: registry.example.com/kafka:4.3.1"},
		},
		"semicolons and validate mode": {
			override: "mode=validate; workload=StrimziPodSet",
			kinds:    []string{"KafkaConnect"}, notKinds: []string{"Pod", "StrimziPodSet"},
		},
		"unknown key fails": {
			override: "workloads=StrimziPodSet",
			fail:     true,
			stderrHas: []string{`ARGOCD_ENV_STRIMZI_RENDER: key "workloads": unknown field "workloads" in spec: did you mean "workload"?`,
				"strimzi-render: failed with 1 error(s)"},
		},
		"malformed entry fails": {
			override:  "workload",
			fail:      true,
			stderrHas: []string{`ARGOCD_ENV_STRIMZI_RENDER: "workload" is not key=value`},
		},
		"bad value fails": {
			override:  "workload=Deployment",
			fail:      true,
			stderrHas: []string{"spec.workload should be one of [Pod StatefulSet StrimziPodSet] (with overrides from ARGOCD_ENV_STRIMZI_RENDER)"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			env := argoEnv(t, path, map[string]string{"STRIMZI_RENDER": c.override})
			out, stderr, err := runArgo(t, app, env, p.Spec.Generate.argv())
			if c.fail {
				requireExitFailure(t, err)
				assert.Empty(t, out, "nothing on stdout, so Argo CD applies nothing")
				for _, s := range c.stderrHas {
					assert.Contains(t, stderr, s)
				}
				return
			}
			require.NoError(t, err, stderr)
			kinds := requireObjects(t, out)
			for _, k := range c.kinds {
				assert.Contains(t, kinds, k)
			}
			for _, k := range c.notKinds {
				assert.NotContains(t, kinds, k)
			}
			for _, s := range c.stdout {
				assert.Contains(t, out, s)
			}
		})
	}
}

// TestArgoCDDiscover runs the discover command as argocd-cmp-server does,
// in the application's directory: it must claim every example kustomization
// and nothing else, since Argo CD asks discovering plugins before its own
// kustomize detection.
func TestArgoCDDiscover(t *testing.T) {
	t.Log("E2E-TIER argocd-discover: ran")
	p := loadPlugin(t)
	env := argoEnv(t, binDir, nil)
	for _, dir := range examples(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			out, stderr, err := runArgo(t, dir, env, p.Spec.Discover.Find.argv())
			require.NoError(t, err, stderr)
			assert.NotEmpty(t, strings.TrimSpace(out), "the plugin must claim %s", dir)
		})
	}

	plain := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(plain, "kustomization.yaml"), []byte("resources: [cm.yaml]\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(plain, "cm.yaml"), []byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"), 0o644))
	for name, dir := range map[string]string{
		"plain kustomization":           plain,
		"kpt package, no kustomization": filepath.Join(examplesDir, "kpt-validate"),
	} {
		t.Run(name, func(t *testing.T) {
			out, stderr, err := runArgo(t, dir, env, p.Spec.Discover.Find.argv())
			require.NoError(t, err, stderr)
			assert.Empty(t, out, "the plugin must leave %s to Argo CD", dir)
		})
	}
}

// sidecarImage has a '/' so no tool expands it to a registry; it is built
// locally and never pulled.
const sidecarImage = "local/argocd-cmp-strimzi-render:e2e"

// buildSidecar builds the sidecar image as make argocd-image does: static
// kustomize v5.8.2 and strimzi-render, plugin.yaml, passwd and group in a
// staging directory, config/argocd/Dockerfile, and the Makefile's labels.
var buildSidecar = sync.OnceValue(func() error {
	stage, err := os.MkdirTemp("", "strimzi-render-argocd-image")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	install := exec.Command("go", "install", "-trimpath", "-ldflags", "-s -w", "sigs.k8s.io/kustomize/kustomize/v5@v5.8.2")
	install.Env = append(os.Environ(), "CGO_ENABLED=0", "GOBIN="+stage)
	if out, err := install.CombinedOutput(); err != nil {
		return fmt.Errorf("installing kustomize: %v: %s", err, out)
	}
	files := map[string]string{
		filepath.Join(binDir, "strimzi-render"): "strimzi-render",
		pluginYAML:                              "plugin.yaml",
		"../../config/argocd/passwd":            "passwd",
		"../../config/argocd/group":             "group",
	}
	for from, to := range files {
		b, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(stage, to), b, 0o755); err != nil {
			return err
		}
	}
	labels, err := labelArgs("argocd-image")
	if err != nil {
		return err
	}
	build := append(append([]string{"build", "-q"}, labels...), "-f", "../../config/argocd/Dockerfile", "-t", sidecarImage, stage)
	out, err := exec.Command("docker", build...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("docker build: %v: %s", err, out)
	}
	return nil
})

// readableCopy copies a directory into one any user can read (and run
// what its owner can run), for a container running as UID 999.
func readableCopy(t *testing.T, src string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "strimzi-render-argocd-app")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	require.NoError(t, os.CopyFS(dir, os.DirFS(src)))
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if d.IsDir() || info.Mode()&0o100 != 0 {
			mode = 0o755
		}
		return os.Chmod(p, mode)
	}))
	return dir
}

// inSidecar runs argv in the sidecar image as Argo CD runs the sidecar:
// UID 999, no network, a read-only root and its own /tmp, in the app dir.
func inSidecar(t *testing.T, app string, appEnv map[string]string, argv []string) (string, string, error) {
	t.Helper()
	args := []string{"run", "--rm", "--user", "999", "--network", "none", "--read-only", "--tmpfs", "/tmp",
		"--security-opt=no-new-privileges", "-v", app + ":/app", "-w", "/app"}
	for _, kv := range argoEnv(t, "/usr/local/bin", appEnv) {
		if !strings.HasPrefix(kv, "HOME=") && !strings.HasPrefix(kv, "PATH=") {
			args = append(args, "-e", kv)
		}
	}
	args = append(append(args, sidecarImage), argv...)
	return run(t, ".", "docker", args...)
}

// TestArgoCDSidecarImage builds the sidecar image and runs the plugin's
// commands inside it.
func TestArgoCDSidecarImage(t *testing.T) {
	requireTool(t, "docker")
	require.NoError(t, buildSidecar())
	t.Log("E2E-TIER argocd-sidecar-image: ran")
	p := loadPlugin(t)

	user, _, err := run(t, ".", "docker", "image", "inspect", sidecarImage, "--format", "{{.Config.User}}")
	require.NoError(t, err)
	assert.Equal(t, "999:999", strings.TrimSpace(user), "Argo CD runs plugin sidecars as UID 999")
	assert.Equal(t, wantLabels("argocd-cmp-strimzi-render"), imageLabels(t, sidecarImage), "the OCI labels make argocd-image sets")

	id, stderr, err := run(t, ".", "docker", "create", sidecarImage, "strimzi-render", "version")
	require.NoError(t, err, stderr)
	id = strings.TrimSpace(id)
	t.Cleanup(func() { _, _, _ = run(t, ".", "docker", "rm", id) })
	baked := filepath.Join(t.TempDir(), "plugin.yaml")
	_, stderr, err = run(t, ".", "docker", "cp", id+":/home/argocd/cmp-server/config/plugin.yaml", baked)
	require.NoError(t, err, stderr)
	want, err := os.ReadFile(pluginYAML)
	require.NoError(t, err)
	got, err := os.ReadFile(baked)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "the image carries config/argocd/plugin.yaml where argocd-cmp-server reads it")

	for _, src := range examples(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			app := readableCopy(t, src)
			out, stderr, err := inSidecar(t, app, nil, p.Spec.Discover.Find.argv())
			require.NoError(t, err, stderr)
			assert.NotEmpty(t, strings.TrimSpace(out), "discover claims the example")
			_, stderr, err = inSidecar(t, app, nil, p.Spec.Init.argv())
			require.NoError(t, err, stderr)
			out, stderr, err = inSidecar(t, app, nil, p.Spec.Generate.argv())
			require.NoError(t, err, stderr)
			requireObjects(t, out)
			assert.Equal(t, expected(t, src), out)
		})
	}

	t.Run("bad override", func(t *testing.T) {
		app := readableCopy(t, filepath.Join(examplesDir, "connect-image-plugins"))
		out, stderr, err := inSidecar(t, app, map[string]string{"STRIMZI_RENDER": "workloads=Pod"}, p.Spec.Generate.argv())
		requireExitFailure(t, err)
		assert.Empty(t, out)
		assert.Contains(t, stderr, `ARGOCD_ENV_STRIMZI_RENDER: key "workloads"`)
	})
}

// cmpDir holds argocd-cmp-server and cmp-generate, which
// scripts/argocd-cmp.sh builds from the Go module proxy.
const cmpDir = "../../.cache/argocd-cmp"

// TestArgoCDCMPServer runs Argo CD's own argocd-cmp-server in the sidecar
// image, as the repo-server's sidecar, and drives it over its socket as the
// repo-server does: MatchRepository (the plugin's discover), then
// GenerateManifest (init, then generate) on the repository sent as a
// tarball. Optional: it runs when scripts/argocd-cmp.sh has built the two
// binaries, or fails when STRIMZI_RENDER_E2E_REQUIRE names argocd-cmp.
func TestArgoCDCMPServer(t *testing.T) {
	requireTool(t, "docker")
	for _, bin := range []string{"argocd-cmp-server", "cmp-generate"} {
		if _, err := os.Stat(filepath.Join(cmpDir, bin)); err != nil {
			if strings.Contains(","+os.Getenv("STRIMZI_RENDER_E2E_REQUIRE")+",", ",argocd-cmp,") {
				t.Fatalf("%s is required (STRIMZI_RENDER_E2E_REQUIRE) but not built: run scripts/argocd-cmp.sh", bin)
			}
			t.Skipf("E2E-TIER argocd-cmp-server: skipped, %s not built (scripts/argocd-cmp.sh)", bin)
		}
	}
	require.NoError(t, buildSidecar())
	t.Log("E2E-TIER argocd-cmp-server: ran")
	p := loadPlugin(t)

	// The repository: every example, plus the validate-only kpt package,
	// which the plugin must not claim.
	repo := readableCopy(t, examplesDir)
	varFiles := readableCopy(t, cmpDir)
	plugins := readableCopy(t, t.TempDir())
	require.NoError(t, os.Chmod(plugins, 0o777))

	name := "strimzi-render-cmp-e2e-" + filepath.Base(plugins)
	_, stderr, err := run(t, ".", "docker", "run", "-d", "--name", name, "--user", "999", "--network", "none",
		"--read-only", "--tmpfs", "/tmp", "--security-opt=no-new-privileges",
		"-v", varFiles+":/var/run/argocd:ro", "-v", plugins+":/home/argocd/cmp-server/plugins",
		"-v", repo+":/repo:ro", sidecarImage, "/var/run/argocd/argocd-cmp-server")
	require.NoError(t, err, stderr)
	t.Cleanup(func() {
		if t.Failed() {
			logs, errs, _ := run(t, ".", "docker", "logs", name)
			t.Logf("argocd-cmp-server logs:\n%s%s", logs, errs)
		}
		_, _, _ = run(t, ".", "docker", "rm", "-f", name)
	})
	sock := p.Metadata.Name + "-" + p.Spec.Version + ".sock"
	require.Eventually(t, func() bool {
		_, err := os.Stat(filepath.Join(plugins, sock))
		return err == nil
	}, time.Minute, 200*time.Millisecond, "argocd-cmp-server did not open %s", sock)

	generate := func(t *testing.T, app string, appEnv map[string]string) (string, string, error) {
		t.Helper()
		args := []string{"exec", "--user", "999", name, "/var/run/argocd/cmp-generate",
			"/home/argocd/cmp-server/plugins/" + sock, "/repo", app}
		for _, kv := range argoEnv(t, "", appEnv) {
			if !strings.HasPrefix(kv, "HOME=") && !strings.HasPrefix(kv, "PATH=") {
				args = append(args, kv)
			}
		}
		return run(t, ".", "docker", args...)
	}

	for _, src := range examples(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			out, stderr, err := generate(t, filepath.Base(src), nil)
			require.NoError(t, err, stderr)
			requireObjects(t, out)
			assert.Equal(t, objects(t, parseStream(t, expected(t, src))), objects(t, parseStream(t, out)))
		})
	}
	t.Run("override", func(t *testing.T) {
		out, stderr, err := generate(t, "connect-image-plugins", map[string]string{"STRIMZI_RENDER": "workload=StrimziPodSet"})
		require.NoError(t, err, stderr)
		kinds := requireObjects(t, out)
		assert.Contains(t, kinds, "StrimziPodSet")
		assert.NotContains(t, kinds, "Pod")
	})
	t.Run("bad override fails generation", func(t *testing.T) {
		out, stderr, err := generate(t, "connect-image-plugins", map[string]string{"STRIMZI_RENDER": "workloads=StrimziPodSet"})
		requireExitFailure(t, err)
		assert.Empty(t, out)
		assert.Contains(t, stderr, `ARGOCD_ENV_STRIMZI_RENDER: key "workloads"`)
		t.Logf("what Argo CD reports:\n%s", stderr)
	})
	t.Run("not claimed", func(t *testing.T) {
		_, stderr, err := generate(t, "kpt-validate", nil)
		var exit *exec.ExitError
		require.True(t, errors.As(err, &exit), "want exit 3, got %v: %s", err, stderr)
		assert.Equal(t, 3, exit.ExitCode(), stderr)
	})
}
