package fn

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/properties/propertiestest"
)

// propertiesFileKeys are the ConfigMap keys whose values Java reads with
// java.util.Properties: Kafka's server.config, Kafka Connect's worker
// configuration and Log4j 2's configuration.
var propertiesFileKeys = map[string]bool{
	"server.config":            true,
	"kafka-connect.properties": true,
	"log4j2.properties":        true,
}

// TestRenderedPropertiesFiles renders every golden case and example and
// reads each properties file it renders as java.util.Properties does. The
// keys Java finds must be exactly the keys the file's writer was given, in
// order: a user string that a writer let end a line, continue one, turn it
// into a comment or split a key would add, drop or change a key. Text a
// writer copied as it is (a user's external logging configuration) stands
// for the keys Java finds in it alone. The JMX exporter configuration must
// be JSON, and the cluster ID one line.
func TestRenderedPropertiesFiles(t *testing.T) {
	written := map[string][]properties.Entry{}
	properties.Written = func(text string, entries []properties.Entry) { written[javaTrim(text)] = entries }
	t.Cleanup(func() { properties.Written = nil })

	checked := 0
	for name, input := range renderedCases(t) {
		t.Run(name, func(t *testing.T) {
			r := executeSafely(input)
			require.Nil(t, r.panicked)
			rl, err := parseResourceList(r.out)
			if err != nil {
				return // unreadable inputs render nothing
			}
			for _, item := range rl.items {
				if _, rendered := item.GetAnnotations()[AnnoSource]; !rendered || item.GetKind() != "ConfigMap" {
					continue
				}
				for key, text := range item.GetDataMap() {
					at := item.GetName() + " " + key
					switch {
					case propertiesFileKeys[key]:
						checkPropertiesFile(t, at, text, written)
						checked++
					case strings.HasSuffix(key, ".json"):
						assert.True(t, json.Valid([]byte(text)), "%s is not JSON", at)
					case key == "cluster.id":
						assert.NotContains(t, text, "\n", at)
						assert.NotContains(t, text, "\r", at)
					}
				}
			}
		})
	}
	assert.Greater(t, checked, 100, "the golden cases render fewer properties files than expected")
}

// checkPropertiesFile compares the keys Java reads in text with the keys
// its writer meant.
func checkPropertiesFile(t *testing.T, at, text string, written map[string][]properties.Entry) {
	t.Helper()
	entries, ok := written[javaTrim(text)]
	if !assert.True(t, ok, "%s was not written by a properties.Writer", at) {
		return
	}
	var want []string
	for _, e := range entries {
		if !e.IsCopy {
			want = append(want, e.Key)
			continue
		}
		copied, err := propertiestest.Load(e.Copied)
		require.NoError(t, err, "%s: copied text", at)
		want = append(want, propertiestest.Keys(copied)...)
	}
	pairs, err := propertiestest.Load(text)
	require.NoError(t, err, "Java cannot read %s:\n%s", at, text)
	assert.Equal(t, want, propertiestest.Keys(pairs), "the keys Java reads in %s are not the keys its writer meant:\n%s", at, text)
}

// javaTrim is String.trim, which Strimzi applies to server.config.
func javaTrim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
}

// renderedCases are the inputs of every golden case and of every example
// with a function config, by name.
func renderedCases(t *testing.T) map[string][]byte {
	t.Helper()
	cases := map[string][]byte{}
	for _, dir := range goldenCases(t) {
		input, err := os.ReadFile(filepath.Join(dir, "input.yaml"))
		require.NoError(t, err)
		name, _ := filepath.Rel(goldenDir, dir)
		cases[name] = input
	}
	examples, err := filepath.Glob("../examples/*/fn.yaml")
	require.NoError(t, err)
	for _, fnYAML := range examples {
		dir := filepath.Dir(fnYAML)
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		base, _ := filepath.Glob(filepath.Join(dir, "base", "*.yaml"))
		var items []*yaml.RNode
		for _, f := range append(files, base...) {
			if b := filepath.Base(f); b == "fn.yaml" || b == "kustomization.yaml" {
				continue
			}
			raw, err := os.ReadFile(f)
			require.NoError(t, err)
			nodes, err := kio.FromBytes(raw)
			require.NoError(t, err)
			items = append(items, nodes...)
		}
		cases["examples/"+filepath.Base(dir)] = wrapResourceList(t, fnYAML, items)
	}
	require.NotEmpty(t, examples, "no examples found")
	return cases
}
