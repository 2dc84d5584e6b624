package fn

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

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
			// Files an earlier render left in the input pass through a
			// failed run unwritten: only this run's are checked.
			given := map[string]bool{}
			if in, err := parseResourceList(input); err == nil {
				for _, item := range in.items {
					for key, text := range item.GetDataMap() {
						given[item.GetNamespace()+"/"+item.GetName()+"/"+key+"\n"+text] = true
					}
				}
			}
			for _, item := range rl.items {
				if _, rendered := item.GetAnnotations()[AnnoSource]; !rendered || item.GetKind() != "ConfigMap" {
					continue
				}
				for key, text := range item.GetDataMap() {
					at := item.GetName() + " " + key
					if given[item.GetNamespace()+"/"+item.GetName()+"/"+key+"\n"+text] {
						continue
					}
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

// FuzzPropertiesFiles puts a fuzzed key and value into every place of a
// Kafka and two KafkaConnects that reaches a properties file (config keys
// and values, config providers, super users, excluded principals, custom
// listener authentication, loggers, group ID, SASL username, metrics
// allow-list) and checks each properties file that renders as
// TestRenderedPropertiesFiles does: Java must read exactly the keys the
// writer was given. Resources the fuzzed strings make invalid are refused
// and render nothing, which is fine; no panic either way.
func FuzzPropertiesFiles(f *testing.F) {
	for _, seed := range [][2]string{
		{"x\rauthorizer.class.name", "org.evil.AllowAll"},
		{"#super.users", "User:evil"},
		{"log.retention.ms", "1\nsuper.users=User:evil"},
		{"appender.evil.type", `ends in a backslash\`},
		{"k", `\u12`},
		{" lead", " value"},
		{"zürich", "grüezi\u2028"},
	} {
		f.Add(seed[0], seed[1])
	}
	written := map[string][]properties.Entry{}
	properties.Written = func(text string, entries []properties.Entry) { written[javaTrim(text)] = entries }
	f.Cleanup(func() { properties.Written = nil })
	f.Fuzz(func(t *testing.T, key, value string) {
		if !utf8.ValidString(key) || !utf8.ValidString(value) || len(key)+len(value) > 4096 {
			t.Skip("YAML holds valid UTF-8; long strings add nothing")
		}
		clear(written)
		r := executeSafely(fuzzedResources(quoteYAML(key), quoteYAML(value)))
		require.Nil(t, r.panicked)
		rl, err := parseResourceList(r.out)
		require.NoError(t, err)
		for _, item := range rl.items {
			if _, rendered := item.GetAnnotations()[AnnoSource]; !rendered || item.GetKind() != "ConfigMap" {
				continue
			}
			for k, text := range item.GetDataMap() {
				if propertiesFileKeys[k] {
					checkPropertiesFile(t, item.GetName()+" "+k, text, written)
				}
			}
		}
	})
}

// fuzzedResources is a ResourceList whose resources hold key and value,
// each a YAML double-quoted string, wherever a properties file takes them.
func fuzzedResources(key, value string) []byte {
	return wrapItems(
		"- apiVersion: kafka.strimzi.io/v1\n  kind: KafkaNodePool\n  metadata: {name: dual, namespace: kafka, labels: {strimzi.io/cluster: my-cluster}}\n"+
			"  spec: {replicas: 1, roles: [controller, broker], storage: {type: ephemeral}}\n",
		"- apiVersion: kafka.strimzi.io/v1\n  kind: Kafka\n  metadata: {name: my-cluster, namespace: kafka}\n  spec:\n    kafka:\n"+
			"      listeners:\n      - {name: plain, port: 9092, type: internal, tls: false}\n"+
			"      - {name: custom, port: 9093, type: internal, tls: true, authentication: {type: custom, sasl: true, listenerConfig: {"+key+": "+value+"}}}\n"+
			"      authorization: {type: simple, superUsers: ["+value+"]}\n"+
			"      quotas: {type: strimzi, excludedPrincipals: ["+value+"]}\n"+
			"      logging: {type: inline, loggers: {"+key+": "+value+"}}\n"+
			"      config: {"+key+": "+value+"}\n",
		connectItem("first", "    config: {"+key+": "+value+", config.providers: "+value+"}\n    logging: {type: inline, loggers: {"+key+": "+value+"}}\n"),
		strings.Replace(connectItem("second", "    authentication: {type: scram-sha-512, username: "+value+", passwordSecret: {secretName: s, password: p}}\n"+
			"    metricsConfig: {type: strimziMetricsReporter, values: {allowList: ["+value+"]}}\n"), "groupId: my-connect", "groupId: "+value, 1),
	)
}

// quoteYAML writes s as a YAML double-quoted string that reads back as s:
// every character outside printable ASCII as an escape, so YAML's own line
// breaks (such as U+0085 and U+2028) stay characters of the string.
func quoteYAML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= ' ' && r < 0x7f:
			b.WriteRune(r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			fmt.Fprintf(&b, `\U%08X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
