package fn

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/config"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// TestExportRendered writes, for the Kubernetes validation tier, the output
// ResourceList of every golden case that renders without errors, of every
// example and of every Strimzi example, to $STRIMZI_RENDER_EXPORT.
// Results stay in the files: the validator checks build pods against them.
func TestExportRendered(t *testing.T) {
	dir := os.Getenv("STRIMZI_RENDER_EXPORT")
	if dir == "" {
		t.Skip("STRIMZI_RENDER_EXPORT is not set")
	}
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "baseline"), 0o755))
	write := func(t *testing.T, name string, input []byte) {
		out, err := execute(t, input)
		require.NoError(t, err, "%s must render without errors", name)
		// Output rendered with Strimzi's baseline provider on purpose meets
		// the baseline profile only; it is validated at that level.
		sub := ""
		if cfg, _ := config.Load(functionConfigOf(t, input)); cfg.Spec.PodSecurityProvider == config.PodSecurityBaseline {
			sub = "baseline"
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, sub, name+".yaml"), emitted(t, out), 0o644))
	}
	exported := 0
	for _, caseDir := range goldenCases(t) {
		expected, err := os.ReadFile(filepath.Join(caseDir, "expected.yaml"))
		require.NoError(t, err)
		if len(expected) == 0 || hasErrorResults(t, expected) {
			continue
		}
		input, err := os.ReadFile(filepath.Join(caseDir, "input.yaml"))
		require.NoError(t, err)
		if cfg, _ := config.Load(functionConfigOf(t, input)); cfg.Spec.Mode == config.ModeValidate {
			continue // its output is its input: nothing was rendered
		}
		rel, _ := filepath.Rel(goldenDir, caseDir)
		write(t, "golden-"+strings.ReplaceAll(rel, string(filepath.Separator), "-"), input)
		exported++
	}
	examples, err := filepath.Glob("../examples/*/fn.yaml")
	require.NoError(t, err)
	for _, fnYAML := range examples {
		exDir := filepath.Dir(fnYAML)
		files, err := filepath.Glob(filepath.Join(exDir, "*.yaml"))
		require.NoError(t, err)
		// Overlay-style examples keep their resources in base/.
		base, err := filepath.Glob(filepath.Join(exDir, "base", "*.yaml"))
		require.NoError(t, err)
		files = append(files, base...)
		var items []*yaml.RNode
		for _, f := range files {
			if b := filepath.Base(f); b == "fn.yaml" || b == "kustomization.yaml" {
				continue
			}
			raw, err := os.ReadFile(f)
			require.NoError(t, err)
			nodes, err := kio.FromBytes(raw)
			require.NoError(t, err)
			items = append(items, nodes...)
		}
		write(t, "example-"+filepath.Base(exDir), wrapResourceList(t, fnYAML, items))
		exported++
	}
	// Without Strimzi's examples the rest is still exported; test.sh
	// validates the export only when the CRDs are there too.
	t.Run("Strimzi examples", func(t *testing.T) {
		strimzi, err := filepath.Glob(filepath.Join(requireStrimziFiles(t, "examples"), "*", "*.yaml"))
		require.NoError(t, err)
		for _, f := range strimzi {
			raw, err := os.ReadFile(f)
			require.NoError(t, err)
			nodes, err := kio.FromBytes(raw)
			require.NoError(t, err)
			for _, n := range nodes {
				require.NoError(t, n.SetNamespace("my-namespace"))
			}
			write(t, "strimzi-"+filepath.Base(filepath.Dir(f))+"-"+strings.TrimSuffix(filepath.Base(f), ".yaml"), wrapResourceList(t, "", nodes))
			exported++
		}
	})
	t.Logf("exported %d rendered ResourceLists to %s", exported, dir)
}

// emitted keeps, of an output ResourceList, what the function emits: the
// objects it rendered and the Strimzi resources it kept. Other items passed
// through as the user wrote them, hostile ones included, and are not its to vouch for.
func emitted(t *testing.T, out []byte) []byte {
	t.Helper()
	rl, err := yaml.Parse(string(out))
	require.NoError(t, err)
	items, err := rl.Pipe(yaml.Lookup("items"))
	require.NoError(t, err)
	if items == nil {
		return out
	}
	var keep []*yaml.Node
	for _, n := range items.Content() {
		item := yaml.NewRNode(n)
		if _, rendered := item.GetAnnotations()[AnnoSource]; rendered || kindOf(item) != "" {
			keep = append(keep, n)
		}
	}
	items.YNode().Content = keep
	return []byte(rl.MustString())
}

func functionConfigOf(t *testing.T, input []byte) *yaml.RNode {
	t.Helper()
	rl, err := yaml.Parse(string(input))
	require.NoError(t, err)
	fc, err := rl.Pipe(yaml.Lookup("functionConfig"))
	require.NoError(t, err)
	return fc
}

// wrapResourceList wraps items, with the function config in configFile if any.
func wrapResourceList(t *testing.T, configFile string, items []*yaml.RNode) []byte {
	t.Helper()
	var b bytes.Buffer
	w := kio.ByteWriter{Writer: &b, WrappingAPIVersion: "config.kubernetes.io/v1", WrappingKind: "ResourceList"}
	if configFile != "" {
		raw, err := os.ReadFile(configFile)
		require.NoError(t, err)
		w.FunctionConfig = yaml.MustParse(string(raw))
	}
	require.NoError(t, w.Write(items))
	return b.Bytes()
}
