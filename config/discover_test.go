package config

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const strimziRenderConfig = "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\n"

func mapFS(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, content := range m {
		fsys[p] = &fstest.MapFile{Data: []byte(content)}
	}
	return fsys
}

func TestFind(t *testing.T) {
	cases := map[string]struct {
		files map[string]string
		dir   string // the application's directory; the repository root when empty
		want  []string
	}{
		"transformer": {
			files: map[string]string{"kustomization.yaml": "resources: [a.yaml]\ntransformers: [fn.yaml]\n", "fn.yaml": strimziRenderConfig},
			want:  []string{"fn.yaml"},
		},
		"kustomization.yml": {
			files: map[string]string{"kustomization.yml": "transformers: [fn.yaml]\n", "fn.yaml": strimziRenderConfig},
			want:  []string{"fn.yaml"},
		},
		"Kustomization": {
			files: map[string]string{"Kustomization": "transformers: [fns/render.yml]\n", "fns/render.yml": strimziRenderConfig},
			want:  []string{"fns/render.yml"},
		},
		"two kustomization files, which kustomize refuses": {
			files: map[string]string{"kustomization.yaml": "transformers: [fn.yaml]\n", "Kustomization": "transformers: [fn.yaml]\n", "fn.yaml": strimziRenderConfig},
		},
		"generator": {
			files: map[string]string{"kustomization.yaml": "generators: [fn.yaml]\n", "fn.yaml": strimziRenderConfig},
			want:  []string{"fn.yaml"},
		},
		"validator": {
			files: map[string]string{"kustomization.yaml": "validators: [fn.yaml]\n", "fn.yaml": strimziRenderConfig},
			want:  []string{"fn.yaml"},
		},
		"second document of a config file": {
			files: map[string]string{
				"kustomization.yaml": "transformers: [fns.yaml]\n",
				"fns.yaml":           "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n" + strimziRenderConfig,
			},
			want: []string{"fns.yaml"},
		},
		"inline config": {
			files: map[string]string{"kustomization.yaml": "transformers:\n- |\n  apiVersion: fn.strimzi-render.dev/v1alpha1\n  kind: StrimziRender\n  metadata: {name: x}\n"},
			want:  []string{"kustomization.yaml"},
		},
		"base referenced by an overlay": {
			files: map[string]string{
				"apps/prod/kustomization.yaml": "resources: [../base, extra.yaml]\n",
				"apps/base/kustomization.yaml": "resources: [kafka.yaml]\ntransformers: [fn.yaml]\n",
				"apps/base/fn.yaml":            strimziRenderConfig,
			},
			dir:  "apps/prod",
			want: []string{"../base/fn.yaml"},
		},
		"base through the deprecated bases field": {
			files: map[string]string{
				"prod/kustomization.yaml": "bases: [../base]\n",
				"base/kustomization.yaml": "transformers: [fn.yaml]\n",
				"base/fn.yaml":            strimziRenderConfig,
			},
			dir:  "prod",
			want: []string{"../base/fn.yaml"},
		},
		"base of a base": {
			files: map[string]string{
				"prod/kustomization.yaml":     "resources: [../staging]\n",
				"staging/kustomization.yaml":  "resources: [../base]\n",
				"base/kustomization.yaml":     "transformers: [render/fn.yaml]\n",
				"base/render/fn.yaml":         strimziRenderConfig,
				"unrelated/kustomization.yml": "transformers: [fn.yaml]\n",
				"unrelated/fn.yaml":           strimziRenderConfig,
			},
			dir:  "prod",
			want: []string{"../base/render/fn.yaml"},
		},
		"component": {
			files: map[string]string{
				"app/kustomization.yaml":          "resources: [kafka.yaml]\ncomponents: [../components/render]\n",
				"components/render/Kustomization": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ntransformers: [fn.yaml]\n",
				"components/render/fn.yaml":       strimziRenderConfig,
			},
			dir:  "app",
			want: []string{"../components/render/fn.yaml"},
		},
		"directory of function configs": {
			files: map[string]string{
				"app/kustomization.yaml":        "transformers: [../fns]\n",
				"fns/kustomization.yaml":        "resources: [labels.yaml, render]\n",
				"fns/labels.yaml":               "apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: l}\n",
				"fns/render/kustomization.yaml": "resources: [fn.yaml]\n",
				"fns/render/fn.yaml":            strimziRenderConfig,
			},
			dir:  "app",
			want: []string{"../fns/render/fn.yaml"},
		},
		"configs found once, in kustomize's order": {
			files: map[string]string{
				"kustomization.yaml":      "resources: [base]\ntransformers: [fn.yaml, base/fn.yaml]\n",
				"fn.yaml":                 strimziRenderConfig,
				"base/kustomization.yaml": "transformers: [fn.yaml]\n",
				"base/fn.yaml":            strimziRenderConfig,
			},
			want: []string{"base/fn.yaml", "fn.yaml"},
		},
		"unreferenced config": {
			files: map[string]string{"kustomization.yaml": "resources: [cm.yaml]\n", "cm.yaml": "apiVersion: v1\nkind: ConfigMap\n", "fn.yaml": strimziRenderConfig},
		},
		"config listed as a resource": {
			files: map[string]string{"kustomization.yaml": "resources: [fn.yaml]\n", "fn.yaml": strimziRenderConfig},
		},
		"config in a base listed as a resource": {
			files: map[string]string{
				"kustomization.yaml":      "resources: [base]\n",
				"base/kustomization.yaml": "resources: [fn.yaml]\n",
				"base/fn.yaml":            strimziRenderConfig,
			},
		},
		"config without a kustomization": {
			files: map[string]string{"Kptfile": "apiVersion: kpt.dev/v1\nkind: Kptfile\npipeline:\n  mutators:\n  - image: strimzi-render\n    configPath: fn.yaml\n", "fn.yaml": strimziRenderConfig},
		},
		"other group": {
			files: map[string]string{"kustomization.yaml": "transformers: [fn.yaml]\n", "fn.yaml": "apiVersion: fn.example.com/v1\nkind: StrimziRender\nmetadata: {name: x}\n"},
		},
		"cycle": {
			files: map[string]string{
				"a/kustomization.yaml": "resources: [../b]\n",
				"b/kustomization.yaml": "resources: [../a, .]\ntransformers: [fn.yaml]\n",
				"b/fn.yaml":            strimziRenderConfig,
			},
			dir:  "a",
			want: []string{"../b/fn.yaml"},
		},
		"cycle without a config": {
			files: map[string]string{
				"a/kustomization.yaml": "resources: [../b]\ntransformers: [../b]\n",
				"b/kustomization.yaml": "resources: [../a]\ncomponents: [../a]\n",
			},
			dir: "a",
		},
		"outside the repository": {
			files: map[string]string{
				"app/kustomization.yaml": "resources: [../../base]\ntransformers: [../../fn.yaml, /fn.yaml]\n",
				"fn.yaml":                strimziRenderConfig,
			},
			dir: "app",
		},
		"URL resource ignored": {
			files: map[string]string{
				"kustomization.yaml": "resources:\n- https://github.com/example/base\n- github.com/example/base\n- git@github.com:example/base.git\n",
				// Where the entries would lead if read as local paths.
				"https:/github.com/example/base/kustomization.yaml": "transformers: [fn.yaml]\n",
				"https:/github.com/example/base/fn.yaml":            strimziRenderConfig,
				"github.com/example/base/kustomization.yaml":        "transformers: [fn.yaml]\n",
				"github.com/example/base/fn.yaml":                   strimziRenderConfig,
			},
		},
		"missing and malformed": {
			files: map[string]string{
				"kustomization.yaml":     "resources: [missing, bad]\ntransformers: [missing.yaml, bad.yaml]\n",
				"bad/kustomization.yaml": "transformers: {fn.yaml: x}\n",
				"bad/fn.yaml":            strimziRenderConfig,
				"bad.yaml":               "StrimziRender: [\n",
			},
		},
		"no kustomization": {
			files: map[string]string{"fn.yaml": strimziRenderConfig},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := c.dir
			if dir == "" {
				dir = "."
			}
			assert.Equal(t, c.want, nilIfEmpty(Find(mapFS(c.files), dir)))
		})
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TestFindInRootDir reads a repository on disk through os.Root, as
// strimzi-render discover does: a symlink out of the repository is not
// followed.
func TestFindInRootDir(t *testing.T) {
	outside := t.TempDir()
	writeFile(t, outside, "base/kustomization.yaml", "transformers: [fn.yaml]\n")
	writeFile(t, outside, "base/fn.yaml", strimziRenderConfig)
	repo := t.TempDir()
	writeFile(t, repo, "app/kustomization.yaml", "resources: [../base, ../linked]\n")
	writeFile(t, repo, "base/kustomization.yaml", "transformers: [fn.yaml]\n")
	writeFile(t, repo, "base/fn.yaml", strimziRenderConfig)
	require.NoError(t, os.Symlink(filepath.Join(outside, "base"), filepath.Join(repo, "linked")))

	root, err := os.OpenRoot(repo)
	require.NoError(t, err)
	defer root.Close()
	assert.Equal(t, []string{"../base/fn.yaml"}, Find(root.FS(), "app"))
}

func TestDiscoveryRoot(t *testing.T) {
	repo := t.TempDir()
	app := filepath.Join(repo, "apps", "prod")
	require.NoError(t, os.MkdirAll(app, 0o755))
	bare := t.TempDir()

	cases := map[string]struct {
		dir, appSourcePath string
		root, app          string
	}{
		"Argo CD's source path":                 {app, "apps/prod", repo, "apps/prod"},
		"Argo CD's source path, trailing slash": {app, "apps/prod/", repo, "apps/prod"},
		"source path of another application":    {app, "apps/staging", app, "."},
		"source path leaving the repository":    {app, "../prod", app, "."},
		"no source path, no .git":               {bare, "", bare, "."},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			root, rel, err := DiscoveryRoot(c.dir, c.appSourcePath)
			require.NoError(t, err)
			assert.Equal(t, c.root, root)
			assert.Equal(t, c.app, rel)
		})
	}

	t.Run(".git", func(t *testing.T) {
		require.NoError(t, os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: elsewhere\n"), 0o644))
		root, rel, err := DiscoveryRoot(app, "")
		require.NoError(t, err)
		assert.Equal(t, repo, root)
		assert.Equal(t, "apps/prod", rel)
	})
}

func writeFile(t *testing.T, dir, p, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, p), []byte(content), 0o644))
}

func TestDiscoveryRootNeedsADirectory(t *testing.T) {
	dir := t.TempDir()
	_, _, err := DiscoveryRoot(filepath.Join(dir, "missing"), "")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	writeFile(t, dir, "file", "")
	_, _, err = DiscoveryRoot(filepath.Join(dir, "file"), "")
	assert.ErrorContains(t, err, "is not a directory")
}
