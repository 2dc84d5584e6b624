package fn

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio"
)

// benchInput is a ResourceList of connects KafkaConnects (two plugins each)
// and unrelated ConfigMaps.
func benchInput(connects, unrelated int) []byte {
	var b strings.Builder
	b.WriteString("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n")
	for i := range connects {
		fmt.Fprintf(&b, `- apiVersion: kafka.strimzi.io/v1
  kind: KafkaConnect
  metadata: {name: connect-%d, namespace: kafka}
  spec:
    replicas: 2
    bootstrapServers: my-cluster-kafka-bootstrap:9093
    groupId: connect-%d
    configStorageTopic: connect-%d-configs
    offsetStorageTopic: connect-%d-offsets
    statusStorageTopic: connect-%d-status
    config: {config.storage.replication.factor: 3, offset.flush.interval.ms: 10000}
    plugins:
    - name: echo-sink
      artifacts: [{type: image, reference: "ghcr.io/example/echo-sink:%d"}]
    - name: camel-timer
      artifacts: [{type: image, reference: "quay.io/example/camel-timer:%d", pullPolicy: IfNotPresent}]
`, i, i, i, i, i, i, i)
	}
	for i := range unrelated {
		fmt.Fprintf(&b, "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: unrelated-%d, namespace: apps, labels: {app: x}}\n  data: {key: value-%d, other: \"%d\"}\n", i, i, i)
	}
	return []byte(b.String())
}

func benchmarkProcessor(b *testing.B, p framework.ResourceListProcessor) {
	input := benchInput(1000, 10000)
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		if err := framework.Execute(p, &kio.ByteReadWriter{Reader: bytes.NewReader(input), Writer: &out, KeepReaderAnnotations: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProcess renders 1,000 KafkaConnects among 10,000 other objects.
func BenchmarkProcess(b *testing.B) { benchmarkProcessor(b, NewProcessor()) }

// BenchmarkIdentity is the floor: kyaml reading and writing the same list.
func BenchmarkIdentity(b *testing.B) {
	benchmarkProcessor(b, framework.ResourceListProcessorFunc(func(*framework.ResourceList) error { return nil }))
}

// oneConnect is a ResourceList of a single KafkaConnect, the common case of
// an Argo CD refresh.
const oneConnect = `apiVersion: config.kubernetes.io/v1
kind: ResourceList
items:
- apiVersion: kafka.strimzi.io/v1
  kind: KafkaConnect
  metadata: {name: connect-0, namespace: kafka}
  spec:
    replicas: 2
    bootstrapServers: my-cluster-kafka-bootstrap:9093
    groupId: connect-0
    configStorageTopic: connect-0-configs
    offsetStorageTopic: connect-0-offsets
    statusStorageTopic: connect-0-status
`

func benchmarkExecute(b *testing.B, p framework.ResourceListProcessor, input []byte) {
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		if err := framework.Execute(p, &kio.ByteReadWriter{Reader: bytes.NewReader(input), Writer: &out, KeepReaderAnnotations: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOneConnect renders one KafkaConnect; BenchmarkOneConnectIdentity
// reads and writes its output unchanged through the same framework.Execute
// path, the least any function producing that output costs.
func BenchmarkOneConnect(b *testing.B) { benchmarkExecute(b, NewProcessor(), []byte(oneConnect)) }

func BenchmarkOneConnectIdentity(b *testing.B) {
	rendered, err := execute(b, []byte(oneConnect))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkExecute(b, framework.ResourceListProcessorFunc(func(*framework.ResourceList) error { return nil }), rendered)
}
