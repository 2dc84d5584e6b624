package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKptValidate runs examples/kpt-validate, whose Kptfile has
// strimzi-render as a validator in validate mode: valid input passes with
// its warnings shown and nothing changes; invalid input fails the pipeline,
// kpt shows the error with its field path, and nothing changes.
func TestKptValidate(t *testing.T) {
	requireTool(t, "kpt")
	t.Log("E2E-TIER kpt-validate: ran")
	src := filepath.Join(examplesDir, "kpt-validate")
	cases := map[string]struct {
		edit      func(string) string
		fail      bool
		stderrHas []string
		results   []string
	}{
		"valid input passes unchanged": {
			edit: func(s string) string { return s },
			stderrHas: []string{`[PASS] "strimzi-render"`,
				"[warning] kafka.strimzi.io/v1/KafkaConnect/kafka/my-connect spec.tls.trustedCertificates: Secret my-connect-connect-tls-trusted-certs"},
		},
		"invalid input fails the pipeline unchanged": {
			edit: func(s string) string { return replace(s, "name: camel-timer", "name: camel_timer") },
			fail: true,
			stderrHas: []string{`[FAIL] "strimzi-render"`,
				`[error] kafka.strimzi.io/v1/KafkaConnect/kafka/my-connect spec.plugins[1].name: plugin name "camel_timer" contains '_'`},
			results: []string{"path: spec.plugins[1].name", "severity: error", "path: kafka-connect.yaml"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := copyDir(t, src)
			kc := filepath.Join(dir, "kafka-connect.yaml")
			b, err := os.ReadFile(kc)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(kc, []byte(c.edit(string(b))), 0o644))
			before := snapshot(t, dir)
			resultsDir := t.TempDir()
			for i := 1; i <= 2; i++ {
				_, stderr, err := kptRender(t, dir, resultsDir)
				if c.fail {
					require.Error(t, err, stderr)
				} else {
					require.NoError(t, err, stderr)
				}
				for _, s := range c.stderrHas {
					assert.Contains(t, stderr, s)
				}
				assert.Equal(t, before, snapshot(t, dir), "run %d: a validator changes nothing", i)
			}
			res, err := os.ReadFile(filepath.Join(resultsDir, "results.yaml"))
			require.NoError(t, err)
			for _, s := range c.results {
				assert.Contains(t, string(res), s)
			}
			assert.Equal(t, c.fail, strings.Contains(string(res), "exitCode: 1"))
		})
	}
}

// kptRender renders a package with its Kptfile pipeline, results kept.
func kptRender(t *testing.T, dir, resultsDir string) (string, string, error) {
	t.Helper()
	return run(t, dir, "kpt", "fn", "render", ".", "--allow-exec", "--results-dir", resultsDir)
}
