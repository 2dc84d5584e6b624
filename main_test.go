package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// invoke runs the command as main does, with env as the whole environment.
func invoke(t *testing.T, env map[string]string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return invokeFrom(t, env, strings.NewReader(stdin), args...)
}

func TestVersion(t *testing.T) {
	version, commit = "v1.2.3", "0123abc"
	t.Cleanup(func() { version, commit = "dev", "" })
	code, out, stderr := invoke(t, nil, "", "version")
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 3, out)
	assert.Equal(t, "strimzi-render v1.2.3", lines[0])
	assert.Equal(t, "commit: 0123abc", lines[1])
	assert.Regexp(t, `^kyaml: (v\d+\.\d+\.\d+|unknown)$`, lines[2])
	assert.Empty(t, stderr)
}

func TestVersionFlag(t *testing.T) {
	version, commit = "v1.2.3", "0123abc"
	t.Cleanup(func() { version, commit = "dev", "" })
	_, want, _ := invoke(t, nil, "", "version")
	for _, flag := range []string{"--version", "-v"} {
		code, out, stderr := invoke(t, nil, "", flag)
		require.Equal(t, 0, code, stderr)
		assert.Equal(t, want, out, flag)
		assert.Empty(t, stderr)
	}
}

// TestHelp: the help names what a user needs without the README: examples,
// exit codes and every environment variable the command reads.
func TestHelp(t *testing.T) {
	code, out, stderr := invoke(t, nil, "", "--help")
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stderr)
	for _, s := range []string{"Usage:\n  strimzi-render [CONFIG] [RESOURCES|DIR|-]...", "Examples:\n", "Exit codes:\n  0  ", "\n  1  ", "Environment:\n"} {
		assert.Contains(t, out, s)
	}
	for _, name := range overrideVars {
		assert.Contains(t, out, "\n  "+name+" ", "the help describes %s", name)
	}
}

func TestVersionIgnoresOverrides(t *testing.T) {
	code, _, stderr := invoke(t, map[string]string{"ARGOCD_ENV_STRIMZI_RENDER": "not a pair"}, "", "version")
	assert.Equal(t, 0, code, stderr)
}

const connectList = `apiVersion: config.kubernetes.io/v1
kind: ResourceList
functionConfig:
  apiVersion: fn.strimzi-render.dev/v1alpha1
  kind: StrimziRender
  metadata: {name: render}
  spec: {workload: Pod}
items:
- apiVersion: kafka.strimzi.io/v1
  kind: KafkaConnect
  metadata: {name: my-connect, namespace: kafka}
  spec:
    replicas: 1
    bootstrapServers: my-cluster-kafka-bootstrap:9092
    groupId: g
    configStorageTopic: c
    offsetStorageTopic: o
    statusStorageTopic: s
`

func TestOverrideVariables(t *testing.T) {
	cases := map[string]struct {
		env        map[string]string
		code       int
		stdout     []string
		notStdout  []string
		stderrHas  []string
		stderrNone bool
	}{
		"none": {
			stdout: []string{"kind: Pod\n"}, notStdout: []string{"kind: StrimziPodSet"}, stderrNone: true,
		},
		"Argo CD Application env": {
			env:    map[string]string{"ARGOCD_ENV_STRIMZI_RENDER": "workload=StrimziPodSet\nimages.kafkaConnect.4.3.1=registry.example.com/connect:4.3.1"},
			stdout: []string{"kind: StrimziPodSet", "image: registry.example.com/connect:4.3.1", "functionConfig overridden from ARGOCD_ENV_STRIMZI_RENDER: images.kafkaConnect.4.3.1, workload"},
		},
		"Argo CD wins over STRIMZI_RENDER_CONFIG": {
			env: map[string]string{
				"STRIMZI_RENDER_CONFIG":     "workload=StrimziPodSet;images.kafkaConnect.4.3.1=runner.example.com/connect:4.3.1",
				"ARGOCD_ENV_STRIMZI_RENDER": "workload=Pod",
			},
			stdout:    []string{"kind: Pod\n", "image: runner.example.com/connect:4.3.1"},
			notStdout: []string{"kind: StrimziPodSet"},
		},
		"validate mode": {
			env:       map[string]string{"STRIMZI_RENDER_CONFIG": "mode=validate"},
			stdout:    []string{"kind: KafkaConnect"},
			notStdout: []string{"kind: Pod\n"},
		},
		"unknown key": {
			env:       map[string]string{"ARGOCD_ENV_STRIMZI_RENDER": "workloads=Pod"},
			code:      1,
			stderrHas: []string{`ARGOCD_ENV_STRIMZI_RENDER: key "workloads": unknown field "workloads" in spec: did you mean "workload"?`, "strimzi-render: failed with 1 error(s)"},
		},
		"malformed entry": {
			env:       map[string]string{"STRIMZI_RENDER_CONFIG": "workload"},
			code:      1,
			stderrHas: []string{`STRIMZI_RENDER_CONFIG: "workload" is not key=value`},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := invoke(t, c.env, connectList)
			require.Equal(t, c.code, code, stderr)
			for _, s := range c.stdout {
				assert.True(t, strings.Contains(out, s), "stdout lacks %q", s)
			}
			for _, s := range c.notStdout {
				assert.False(t, strings.Contains(out, s), "stdout has %q", s)
			}
			for _, s := range c.stderrHas {
				assert.Contains(t, stderr, s)
			}
			if c.stderrNone {
				assert.Empty(t, stderr)
			}
		})
	}
}

func TestDiscover(t *testing.T) {
	const render = "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\n"
	cases := map[string]struct {
		files map[string]string
		want  string
	}{
		"kustomization with a config": {
			files: map[string]string{"kustomization.yaml": "transformers: [fn.yaml]\n", "fn.yaml": render},
			want:  "fn.yaml\n",
		},
		"Kustomization file name": {
			files: map[string]string{"Kustomization": "transformers: [fn/render.yaml]\n", "fn/render.yaml": render},
			want:  "fn/render.yaml\n",
		},
		"kustomization without a config": {
			files: map[string]string{"kustomization.yaml": "resources: [cm.yaml]\n", "cm.yaml": "apiVersion: v1\nkind: ConfigMap\n"},
		},
		"config without a kustomization": {
			files: map[string]string{"Kptfile": "apiVersion: kpt.dev/v1\nkind: Kptfile\n", "fn.yaml": render},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for p, content := range c.files {
				require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755))
				require.NoError(t, os.WriteFile(filepath.Join(dir, p), []byte(content), 0o644))
			}
			code, out, stderr := invoke(t, nil, "", "discover", dir)
			require.Equal(t, 0, code, stderr)
			assert.Equal(t, c.want, out)
		})
	}
}

// Resources and configs for the standalone command's tests.
const (
	connectA = `apiVersion: kafka.strimzi.io/v1
kind: KafkaConnect
metadata: {name: a, namespace: kafka}
spec: {replicas: 1, bootstrapServers: k:9092, groupId: a, configStorageTopic: c, offsetStorageTopic: o, statusStorageTopic: s}
`
	connectB = `apiVersion: kafka.strimzi.io/v1
kind: KafkaConnect
metadata: {name: b, namespace: kafka}
spec: {replicas: 1, bootstrapServers: k:9092, groupId: b, configStorageTopic: c, offsetStorageTopic: o, statusStorageTopic: s}
`
	podConfig = `apiVersion: fn.strimzi-render.dev/v1alpha1
kind: StrimziRender
metadata: {name: pods}
spec: {workload: Pod}
`
	podSetConfig = `apiVersion: fn.strimzi-render.dev/v1alpha1
kind: StrimziRender
metadata:
  name: podsets
  annotations: {config.kubernetes.io/local-config: "true"}
spec: {workload: StrimziPodSet}
`
	podSetConfigMap = `apiVersion: v1
kind: ConfigMap
metadata: {name: function-input}
data: {workload: StrimziPodSet}
`
	plainConfigMap = `apiVersion: v1
kind: ConfigMap
metadata: {name: plain, namespace: kafka}
data: {a: b}
`
	localConfigMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: local
  annotations: {config.kubernetes.io/local-config: "true"}
data: {a: b}
`
)

// standaloneFiles is the working directory of every standalone case.
var standaloneFiles = map[string]string{
	"pods.yaml":         podConfig,
	"defaults.yaml":     "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: defaults}\n",
	"podsets.yaml":      podSetConfig,
	"configmap.yaml":    podSetConfigMap,
	"a.yaml":            connectA,
	"b.yaml":            connectB,
	"ab.yaml":           connectA + "---\n" + connectB,
	"ba.yaml":           connectB + "---\n" + connectA,
	"a-plain.yaml":      connectA + "---\n" + plainConfigMap,
	"a-local.yaml":      connectA + "---\n" + localConfigMap,
	"config-and-a.yaml": podSetConfig + "---\n" + connectA,
	"glued.yaml":        connectA + connectA,
	"typo.yaml":         "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: typo}\nspec: {worklaod: Pod}\n",
	"typo-cm.yaml":      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typo}\ndata: {worklaod: Pod}\n",
	"bad.yaml":          connectA + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: @c\n",
	"list-doc.yaml":     connectA + "---\n- x\n",
	"list.yaml":         "apiVersion: v1\nkind: List\nitems:\n- " + strings.ReplaceAll(strings.TrimSuffix(connectA, "\n"), "\n", "\n  ") + "\n",
	"resourcelist.yaml": connectList,
	"pkg/b.yaml":        connectB,
	"pkg/a.yml":         connectA,
	"pkg/fn.yaml":       podSetConfig,
	"pkg/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yml, b.yaml]\n" +
		"transformers: [fn.yaml]\n",
	"pkg/README.md":       "not YAML: {\n",
	"pkg/expected/x.yaml": "not: [valid\n",
	"two-configs/a.yaml":  connectA,
	"two-configs/x.yaml":  podConfig,
	"two-configs/y.yaml":  podSetConfig,
	"empty/README.md":     "nothing\n",
}

// TestStandalone runs the command with files as arguments. A case either
// gives the exact output, or names the arguments (and stdin file) of
// another run that must write exactly the same.
func TestStandalone(t *testing.T) {
	dir := t.TempDir()
	for p, content := range standaloneFiles {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), []byte(content), 0o644))
	}
	t.Chdir(dir)
	cases := map[string]struct {
		args      []string
		stdin     string // a file name, or devNull
		sameAs    []string
		sameStdin string
		code      int
		stderr    string
		outHas    string
	}{
		"files are streams of their own": {args: []string{"pods.yaml", "a.yaml", "b.yaml"}, sameAs: []string{"pods.yaml", "ab.yaml"}},
		"stdin after a file":             {args: []string{"pods.yaml", "a.yaml", "-"}, stdin: "b.yaml", sameAs: []string{"pods.yaml", "ab.yaml"}},
		"stdin before a file":            {args: []string{"pods.yaml", "-", "a.yaml"}, stdin: "b.yaml", sameAs: []string{"pods.yaml", "ba.yaml"}},
		"stdin when no resource file":    {args: []string{"podsets.yaml"}, stdin: "ab.yaml", sameAs: []string{"podsets.yaml", "a.yaml", "b.yaml"}},
		"stdin only":                     {args: []string{"-"}, stdin: "ab.yaml", sameAs: []string{"defaults.yaml", "ab.yaml"}},
		"first file a resource":          {args: []string{"a.yaml", "b.yaml"}, sameAs: []string{"defaults.yaml", "ab.yaml"}},
		"ConfigMap form as the config": {
			args: []string{"configmap.yaml", "a.yaml"}, sameAs: []string{"podsets.yaml", "a.yaml"}, outHas: "kind: StrimziPodSet",
		},
		"ConfigMap among resources": {
			args: []string{"a-plain.yaml"}, sameAs: []string{"defaults.yaml", "-"}, sameStdin: "a-plain.yaml", outHas: "name: plain",
		},
		"config in a resource file": {args: []string{"config-and-a.yaml"}, sameAs: []string{"podsets.yaml", "a.yaml"}},
		"List of resources":         {args: []string{"list.yaml"}, sameAs: []string{"defaults.yaml", "a.yaml"}},
		"local config left out":     {args: []string{"pods.yaml", "a-local.yaml"}, sameAs: []string{"pods.yaml", "a.yaml"}},
		"directory with its config": {
			args: []string{"pkg"}, sameAs: []string{"podsets.yaml", "a.yaml", "b.yaml"}, outHas: "kind: StrimziPodSet",
		},
		"directory with a config argument": {args: []string{"pods.yaml", "pkg/"}, sameAs: []string{"pods.yaml", "ab.yaml"}},
		"config argument also in the directory": {
			args: []string{"pkg/fn.yaml", "pkg"}, sameAs: []string{"podsets.yaml", "ab.yaml"},
		},
		"no resource file and nothing piped": {
			args: []string{"pods.yaml"}, stdin: os.DevNull, code: 1,
			stderr: "strimzi-render: no resources: name resource files or directories after pods.yaml, or pipe resources in\n",
		},
		"no arguments and nothing piped": {
			stdin: os.DevNull, code: 1,
			stderr: "strimzi-render: no input: pipe a KRM ResourceList in, or name the function config and resource files (see strimzi-render --help)\n",
		},
		"YAML error": {
			args: []string{"pods.yaml", "a.yaml", "bad.yaml"}, code: 1,
			stderr: "strimzi-render: reading bad.yaml: yaml: line 8: found character that cannot start any token\n",
		},
		"document not an object": {
			args: []string{"pods.yaml", "-"}, stdin: "list-doc.yaml", code: 1,
			stderr: "strimzi-render: reading stdin: line 6: a document must be an object, not a list\n",
		},
		"error results": {
			args: []string{"pods.yaml", "b.yaml", "glued.yaml"}, code: 1,
			stderr: "[error] kafka.strimzi.io/v1/KafkaConnect/kafka/a apiVersion: key \"apiVersion\" is given twice: keep one, as the API server may read either\n" +
				"strimzi-render: failed with 1 error(s) and 0 warning(s)\n",
		},
		"config typo names the field meant and the file": {
			args: []string{"typo.yaml", "a.yaml"}, code: 1,
			stderr: "[error] fn.strimzi-render.dev/v1alpha1/StrimziRender/typo spec.worklaod: invalid functionConfig: " +
				"spec.worklaod: unknown field \"worklaod\" in spec: did you mean \"workload\"? (in typo.yaml)\n" +
				"strimzi-render: failed with 1 error(s) and 0 warning(s)\n",
		},
		"config typo in the ConfigMap form, worded alike": {
			args: []string{"typo-cm.yaml", "a.yaml"}, code: 1,
			stderr: "[error] v1/ConfigMap/typo data.worklaod: invalid functionConfig: " +
				"data.worklaod: unknown field \"worklaod\" in spec: did you mean \"workload\"? (in typo-cm.yaml)\n" +
				"strimzi-render: failed with 1 error(s) and 0 warning(s)\n",
		},
		"missing file": {
			args: []string{"pods.yaml", "missing.yaml"}, code: 1,
			stderr: "strimzi-render: stat missing.yaml: no such file or directory\n",
		},
		"directory without YAML files": {
			args: []string{"pods.yaml", "empty"}, code: 1,
			stderr: "strimzi-render: empty: no .yaml or .yml files in the directory\n",
		},
		"two configs in a directory": {
			args: []string{"two-configs"}, code: 1,
			stderr: "strimzi-render: 2 StrimziRender configs among the resources (two-configs/x.yaml, two-configs/y.yaml): " +
				"name the one to use as the first argument\n",
		},
		"ResourceList as a resource file": {
			args: []string{"pods.yaml", "resourcelist.yaml"}, code: 1,
			stderr: "strimzi-render: resourcelist.yaml is a ResourceList: pipe it to strimzi-render with no arguments\n",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := invokeFrom(t, nil, openStdin(t, c.stdin), c.args...)
			assert.Equal(t, c.code, code)
			assert.Equal(t, c.stderr, stderr)
			if c.sameAs == nil {
				assert.Empty(t, out, "nothing on stdout after an error")
				return
			}
			wantCode, want, wantErr := invokeFrom(t, nil, openStdin(t, c.sameStdin), c.sameAs...)
			require.Equal(t, 0, wantCode, wantErr)
			assert.NotContains(t, want, "\nkind: KafkaConnect\n", "every KafkaConnect rendered")
			assert.NotContains(t, want, "\nkind: StrimziRender\n")
			assert.Contains(t, want, c.outHas)
			assert.Equal(t, want, out)
		})
	}
}

// invokeFrom runs the command as main does, with stdin as given.
func invokeFrom(t *testing.T, env map[string]string, stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, func(k string) string { return env[k] }, stdin, &out, &errOut)
	return code, out.String(), errOut.String()
}

// openStdin opens a file as stdin: a pipe's content, or a device such as
// os.DevNull; nothing when name is empty.
func openStdin(t *testing.T, name string) io.Reader {
	t.Helper()
	if name == "" {
		return strings.NewReader("")
	}
	f, err := os.Open(name)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

// TestErrorsOnStderrOnceUnderKpt: kpt prints results itself, so under kpt
// (whose resources carry its package path) stderr holds only the summary;
// elsewhere every error is on stderr too.
func TestErrorsOnStderrOnceUnderKpt(t *testing.T) {
	bad := "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n" +
		"- apiVersion: kafka.strimzi.io/v1\n  kind: KafkaConnect\n  metadata:\n    name: c\n    namespace: kafka\n%s" +
		"  spec: {replicas: 1}\n"
	kptAnnotations := "    annotations: {internal.config.kubernetes.io/package-path: /pkg}\n"

	code, _, stderr := invoke(t, nil, fmt.Sprintf(bad, kptAnnotations))
	require.Equal(t, 1, code)
	assert.NotContains(t, stderr, "[error]")
	assert.Contains(t, stderr, "strimzi-render: failed with")

	code, _, stderr = invoke(t, nil, fmt.Sprintf(bad, ""))
	require.Equal(t, 1, code)
	assert.Contains(t, stderr, "[error] kafka.strimzi.io/v1/KafkaConnect/kafka/c")
}

// A ResourceList beside other documents on stdin is refused: the framework
// would read it as one more resource and render nothing it holds.
func TestStdinResourceListWithOtherDocuments(t *testing.T) {
	list := "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n"
	resource := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n"
	for name, in := range map[string]string{
		"list then resource": list + "---\n" + resource,
		"resource then list": resource + "---\n" + list,
	} {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := invoke(t, nil, in)
			assert.Equal(t, 1, code)
			assert.Empty(t, out, "nothing on stdout")
			assert.Contains(t, stderr, "stdin holds a ResourceList")
			assert.Contains(t, stderr, "pipe one ResourceList, or resources alone")
		})
	}
	code, out, stderr := invoke(t, nil, list)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "name: a")
}
