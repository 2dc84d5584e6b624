package fn

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// TestStrimziKafkaExamples renders each Kafka example Strimzi ships, in a
// namespace as kustomize's namespace field would set it: no error results,
// and one pod per replica.
func TestStrimziKafkaExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(requireStrimziFiles(t, "examples"), "kafka", "*.yaml"))
	require.NoError(t, err)
	require.Len(t, files, 5)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			require.NoError(t, err)
			items, err := (&kio.ByteReader{Reader: bytes.NewReader(raw), OmitReaderAnnotations: true}).Read()
			require.NoError(t, err)
			replicas := 0
			for _, it := range items {
				require.NoError(t, it.SetNamespace("my-namespace"))
				if it.GetKind() == "KafkaNodePool" {
					n, err := it.Pipe(yaml.Lookup("spec", "replicas"))
					require.NoError(t, err)
					r, err := strconv.Atoi(yaml.GetValue(n))
					require.NoError(t, err)
					replicas += r
				}
			}
			rl := &framework.ResourceList{Items: items}
			err = NewProcessor().Process(rl)
			require.NoError(t, err, "results: %v", rl.Results)
			for _, r := range rl.Results {
				assert.NotEqual(t, framework.Error, r.Severity, r.Message)
			}
			pods := 0
			for _, it := range rl.Items {
				assert.NotContains(t, []string{"Kafka", "KafkaNodePool"}, it.GetKind(), "%s %s was not rendered", it.GetKind(), it.GetName())
				switch it.GetKind() {
				case "Pod":
					pods++
				case "StatefulSet": // the default form: one per pool
					n, err := it.Pipe(yaml.Lookup("spec", "replicas"))
					require.NoError(t, err)
					r, err := strconv.Atoi(yaml.GetValue(n))
					require.NoError(t, err)
					pods += r
				}
			}
			assert.Equal(t, replicas, pods)
		})
	}
}

// BenchmarkRenderKafka renders a cluster of 3 controllers and 100 brokers.
func BenchmarkRenderKafka(b *testing.B) {
	doc := `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: {name: big, namespace: kafka}
spec:
  kafka:
    listeners: [{name: plain, port: 9092, type: internal, tls: false}, {name: tls, port: 9093, type: internal, tls: true}]
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata: {name: controllers, namespace: kafka, labels: {strimzi.io/cluster: big}}
spec: {replicas: 3, roles: [controller], storage: {type: persistent-claim, size: 10Gi}}
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata: {name: brokers, namespace: kafka, labels: {strimzi.io/cluster: big}}
spec:
  replicas: 100
  roles: [broker]
  storage: {type: jbod, volumes: [{id: 0, type: persistent-claim, size: 1Ti}, {id: 1, type: persistent-claim, size: 1Ti}]}
`
	for b.Loop() {
		items, err := (&kio.ByteReader{Reader: bytes.NewReader([]byte(doc))}).Read()
		if err != nil {
			b.Fatal(err)
		}
		if err := NewProcessor().Process(&framework.ResourceList{Items: items}); err != nil {
			b.Fatal(err)
		}
	}
}
