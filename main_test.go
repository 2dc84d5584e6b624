package main

import (
	"bytes"
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
	var out, errOut bytes.Buffer
	code = run(args, func(k string) string { return env[k] }, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
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
			stderrHas: []string{`ARGOCD_ENV_STRIMZI_RENDER: key "workloads": "workloads" is not a field of StrimziRender spec`, "strimzi-render: failed with 1 error(s)"},
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
