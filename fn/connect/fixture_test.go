package connect

import (
	"maps"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// fixture describes a KafkaConnect my-connect in my-namespace with the
// required fields; metadata and spec lines are YAML, one child of
// metadata: or spec: each (flow style for nesting).
type fixture struct {
	cfg        *config.StrimziRender
	configMaps map[string]map[string]string // name → data, in my-namespace
	build      *BuiltImage
	metadata   []string
	// directTrust is Inputs.DirectTrust (cert-manager mode).
	directTrust bool
}

// model validates the KafkaConnect, failing on any error, and builds its model.
func (f fixture) model(t *testing.T, spec ...string) *Model {
	t.Helper()
	cfg := f.cfg
	if cfg == nil {
		cfg = baselineConfig()
	}
	doc := "apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata:\n  name: my-connect\n  namespace: my-namespace\n" +
		indented(f.metadata) +
		"spec:\n  bootstrapServers: my-cluster-kafka-bootstrap:9092\n  groupId: connect-cluster\n" +
		"  configStorageTopic: connect-cluster-configs\n  offsetStorageTopic: connect-cluster-offsets\n  statusStorageTopic: connect-cluster-status\n" +
		indented(spec)
	cr := decode(t, doc)
	in := Inputs{ConfigMapData: func(namespace, name string) (map[string]string, bool) {
		data, ok := f.configMaps[name]
		return data, ok && namespace == "my-namespace"
	}, DirectTrust: f.directTrust}
	for _, p := range Validate(cr, cfg, in, false) {
		require.NotEqual(t, results.Error, p.Severity, "%s: %s", p.Path, p.Message)
	}
	return New(cr, cfg, in, f.build)
}

// connectModel is the model of the fixture's KafkaConnect with spec added.
func connectModel(t *testing.T, spec ...string) *Model {
	t.Helper()
	return fixture{}.model(t, spec...)
}

func indented(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

// resourceLabels are the labels Strimzi puts on every object of my-connect,
// plus extra.
func resourceLabels(extra map[string]string) map[string]string {
	l := map[string]string{
		"strimzi.io/cluster":           "my-connect",
		"strimzi.io/name":              "my-connect-connect",
		"strimzi.io/kind":              "KafkaConnect",
		"strimzi.io/component-type":    "kafka-connect",
		"app.kubernetes.io/name":       "kafka-connect",
		"app.kubernetes.io/instance":   "my-connect",
		"app.kubernetes.io/part-of":    "strimzi-my-connect",
		"app.kubernetes.io/managed-by": "strimzi-cluster-operator",
	}
	maps.Copy(l, extra)
	return l
}

// workerSelector selects the worker pods of my-connect.
var workerSelector = map[string]string{
	"strimzi.io/cluster": "my-connect",
	"strimzi.io/name":    "my-connect-connect",
	"strimzi.io/kind":    "KafkaConnect",
}

// section returns the lines of a kafka-connect.properties section, nil
// when the file has none of that title.
func section(m *Model, title string) []string {
	lines := strings.Split(m.ConfigMap().Data[KeyProperties], "\n")
	for i := 1; i+1 < len(lines); i++ {
		if lines[i] != "# "+title || lines[i-1] != "##########" || lines[i+1] != "##########" {
			continue
		}
		out := []string{}
		for _, l := range lines[i+2:] {
			if l == "" {
				break
			}
			out = append(out, l)
		}
		return out
	}
	return nil
}
