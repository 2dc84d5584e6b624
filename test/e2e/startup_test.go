package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

const oneConnectList = `apiVersion: config.kubernetes.io/v1
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

// BenchmarkStartup execs the built strimzi-render on one KafkaConnect, and
// an identity function built with kyaml's framework on its output: a
// whole process each time, start-up included, as Argo CD and kustomize
// run it. The CPU time per run is reported as cpu-ms/op.
func BenchmarkStartup(b *testing.B) {
	identity := filepath.Join(b.TempDir(), "identityfn")
	build := exec.Command("go", "build", "-o", identity, "./identityfn")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building identityfn: %v\n%s", err, out)
	}
	rendered, err := execFunction(filepath.Join(binDir, "strimzi-render"), []byte(oneConnectList))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("strimzi-render", func(b *testing.B) { benchmarkExec(b, filepath.Join(binDir, "strimzi-render"), []byte(oneConnectList)) })
	b.Run("identity", func(b *testing.B) { benchmarkExec(b, identity, rendered) })
}

func benchmarkExec(b *testing.B, bin string, input []byte) {
	var cpu float64
	for b.Loop() {
		cmd := exec.Command(bin)
		cmd.Stdin = bytes.NewReader(input)
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
		cpu += (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds() * 1000
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-ms/op")
}

func execFunction(bin string, input []byte) ([]byte, error) {
	cmd := exec.Command(bin)
	cmd.Stdin = bytes.NewReader(input)
	return cmd.Output()
}
