package controlplane_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/test/controlplane"
)

const kafkaExample = "examples/kafka-node-pools"

// TestDay2 applies changed renders to running clusters, on one control
// plane with a namespace per scenario: every scenario of scenarios() in
// the StatefulSet form through each tool, and what the Pod form does.
func TestDay2(t *testing.T) {
	crds := controlplane.RequireStrimziCRDs(t)
	cp := controlplane.Start(t, controlplane.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Minute)
	defer cancel()
	require.NoError(t, cp.InstallCRDs(ctx, crds))
	require.NoError(t, cp.InstallStandIns(ctx, standIns...))
	kptSkip := ""
	if r := cp.Kpt(ctx, "live", "install-resource-group"); r.Err != nil {
		kptSkip = "kpt live cannot run here: kpt live install-resource-group: " + r.Err.Error() + " " + r.Stderr
	}

	t.Run("group", func(t *testing.T) {
		for _, tl := range tools {
			t.Run("StatefulSet/"+tl.name, func(t *testing.T) {
				t.Parallel()
				if tl.name == "KptLive" && kptSkip != "" {
					t.Skip(kptSkip)
				}
				for _, sc := range scenarios() {
					t.Run(sc.name, func(t *testing.T) {
						runScenario(ctx, t, cp, tl, sc, strings.ToLower(tl.name)+"-"+sc.name)
					})
				}
			})
		}
		t.Run("PodForm/SpecChangeIsRefusedWithAWarning", func(t *testing.T) {
			t.Parallel()
			podFormSpecChange(ctx, t, cp, "pod-spec")
		})
		t.Run("PodForm/ClaimsPathSurvivesApplySetPrune", func(t *testing.T) {
			t.Parallel()
			podFormClaimsPath(ctx, t, cp, "pod-claims")
		})
	})
	// After the group: a drain evicts the pods of every namespace on the node.
	t.Run("StatefulSet/Drain", func(t *testing.T) {
		runScenario(ctx, t, cp, tools[0], drainScenario(), "drain")
	})
}

// renderIn renders the Kafka example with the standalone command into
// namespace ns, kafka.yaml changed by edit, the files of extra (earlier
// renders) read after it. It returns the output file and the warnings.
func renderIn(t *testing.T, ns string, edit func(string) string, extra ...string) (string, string) {
	t.Helper()
	bin, err := renderer()
	require.NoError(t, err, "build strimzi-render")
	src := filepath.Join(controlplane.RepositoryRoot(), kafkaExample)
	dir := t.TempDir()
	fn, err := os.ReadFile(filepath.Join(src, "fn.yaml"))
	require.NoError(t, err)
	config := replaceOnce(t, string(fn), "workload: StatefulSet", "workload: Pod")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "fn.yaml"), []byte(strings.ReplaceAll(config, "kafka/my-cluster", ns+"/my-cluster")), 0o644))
	input, err := os.ReadFile(filepath.Join(src, "kafka.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "kafka.yaml"), []byte(strings.ReplaceAll(edit(string(input)), "namespace: kafka\n", "namespace: "+ns+"\n")), 0o644))
	cmd := exec.Command(bin, append([]string{filepath.Join(dir, "fn.yaml"), filepath.Join(dir, "kafka.yaml")}, extra...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	out := filepath.Join(dir, "rendered.yaml")
	require.NoError(t, os.WriteFile(out, stdout.Bytes(), 0o644))
	return out, stderr.String()
}

// invalidPods are the lines of kubectl's standard error that report a Pod
// the API server refused, from `Pod "` on.
func invalidPods(stderr string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if i := strings.LastIndex(line, `Pod "`); i >= 0 && strings.Contains(line[i:], `" is invalid: `) {
			out = append(out, line[i:])
		}
	}
	return out
}

// podFormSpecChange: workload: Pod. A change to the pod spec beyond images
// needs a new Pod, which no apply makes: the API server refuses the
// update, server-side and client-side, and the render, given the earlier
// render, warns which pods to recreate and how.
func podFormSpecChange(ctx context.Context, t *testing.T, cp *controlplane.ControlPlane, ns string) {
	day1, _ := renderIn(t, ns, unchanged)
	objects := readObjects(t, day1)
	prepare(ctx, t, cp, objects)
	r := cp.Apply(ctx, day1, controlplane.ApplyOptions{ServerSide: true})
	require.NoError(t, r.Err, r.Stderr)
	waitWorkloads(ctx, t, cp, objects)

	day2, warnings := renderIn(t, ns, func(kafka string) string {
		return replaceOnce(t, kafka, "requests: {cpu: 500m, memory: 4Gi}\n    limits: {memory: 4Gi}",
			"requests: {cpu: 500m, memory: 6Gi}\n    limits: {memory: 6Gi}")
	}, day1)
	assert.Contains(t, warnings, "Pods my-cluster-brokers-0, my-cluster-brokers-1, my-cluster-brokers-2 must be recreated to take this change")
	assert.Contains(t, warnings, "(first: kubectl delete pod -n "+ns+" my-cluster-brokers-0)")

	for _, serverSide := range []bool{true, false} {
		r := cp.Apply(ctx, day2, controlplane.ApplyOptions{ServerSide: serverSide})
		require.Error(t, r.Err, "the API server refuses the changed pods (server-side %v)", serverSide)
		var want []string
		for _, pod := range []string{"my-cluster-brokers-0", "my-cluster-brokers-1", "my-cluster-brokers-2"} {
			want = append(want, `Pod "`+pod+`" is invalid: spec: Forbidden: pod updates may not change fields other than `+
				"`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` "+
				"(only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)")
		}
		// Only the brokers' pods changed; every other object applies.
		assert.Equal(t, want, invalidPods(r.Stderr), "server-side %v", serverSide)
	}
	pod, err := cp.Client.CoreV1().Pods(ns).Get(ctx, "my-cluster-brokers-0", metav1.GetOptions{})
	require.NoError(t, err)
	assert.Equal(t, "4Gi", pod.Spec.Containers[0].Resources.Limits.Memory().String(), "the running pod keeps the old spec")
}

// podFormClaimsPath: workload: Pod with spec.output.claimsPath, rendered
// by kpt fn render as docs/day2.md describes. The claims to keep are
// applied apart, without --prune; the rest through an apply set. When a
// broker goes, the pruning apply deletes its pod and ConfigMap, never its
// claims, though they left the package.
func podFormClaimsPath(ctx context.Context, t *testing.T, cp *controlplane.ControlPlane, ns string) {
	kpt, err := exec.LookPath("kpt")
	if err != nil {
		t.Skip("kpt is not on PATH: the package is rendered with kpt fn render")
	}
	bin, err := renderer()
	require.NoError(t, err, "build strimzi-render")
	src := filepath.Join(controlplane.RepositoryRoot(), kafkaExample)
	pkg := t.TempDir()
	for _, f := range []string{"Kptfile", "fn.yaml"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		require.NoError(t, err)
		s := strings.ReplaceAll(string(data), "kafka/my-cluster", ns+"/my-cluster")
		if f == "fn.yaml" {
			s = replaceOnce(t, s, "workload: StatefulSet", "workload: Pod")
			s = replaceOnce(t, s, "\nspec:\n", "\nspec:\n  output:\n    claimsPath: claims\n")
		}
		require.NoError(t, os.WriteFile(filepath.Join(pkg, f), []byte(s), 0o644))
	}
	input, err := os.ReadFile(filepath.Join(src, "kafka.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(pkg, "kafka"), 0o755))
	objectsDir, claimsDir := filepath.Join(pkg, "kafka"), filepath.Join(pkg, "kafka", "claims")
	const applySet = "secrets/my-cluster-applyset"
	renderAndApply := func(kafka string, first bool) controlplane.Result {
		t.Helper()
		require.NoError(t, os.WriteFile(filepath.Join(objectsDir, "kafka.yaml"), []byte(strings.ReplaceAll(kafka, "namespace: kafka\n", "namespace: "+ns+"\n")), 0o644))
		cmd := exec.Command(kpt, "fn", "render", pkg, "--allow-exec")
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		_, err = os.Stat(filepath.Join(objectsDir, "kafka.yaml"))
		require.True(t, os.IsNotExist(err), "kpt fn render replaces the resources by what they render")
		objects := readObjects(t, objectsDir)
		if first {
			prepare(ctx, t, cp, objects)
		}
		r := cp.Apply(ctx, claimsDir, controlplane.ApplyOptions{ServerSide: true})
		require.NoError(t, r.Err, r.Stderr)
		r = cp.Apply(ctx, objectsDir, controlplane.ApplyOptions{ServerSide: true, ApplySet: applySet, Namespace: ns})
		require.NoError(t, r.Err, r.Stderr)
		waitWorkloads(ctx, t, cp, objects)
		return r
	}
	renderAndApply(string(input), true)
	kept := []string{"data-0-my-cluster-brokers-2", "data-1-my-cluster-brokers-2"}
	for _, c := range kept {
		_, err := os.Stat(filepath.Join(claimsDir, "18-persistentvolumeclaim_"+c+".yaml"))
		require.NoError(t, err, "the claim to keep is filed under claims/")
	}

	// The brokers scale from three to two (with replication factors the
	// renderer accepts for two brokers): broker 2's pod, ConfigMap and
	// claims leave the package.
	kafka := replaceOnce(t, string(input), "  replicas: 3\n  roles:\n  - broker", "  replicas: 2\n  roles:\n  - broker")
	for _, rf := range []string{"offsets.topic", "transaction.state.log", "default"} {
		kafka = replaceOnce(t, kafka, " "+rf+".replication.factor: 3", " "+rf+".replication.factor: 2")
	}
	r := renderAndApply(kafka, false)
	var pruned []string
	for _, line := range r.Lines() {
		if strings.HasSuffix(line, " pruned") {
			pruned = append(pruned, line)
		}
	}
	assert.ElementsMatch(t, []string{"configmap/my-cluster-brokers-2 pruned", "pod/my-cluster-brokers-2 pruned"}, pruned)
	for _, c := range kept {
		_, err := os.Stat(filepath.Join(claimsDir, "18-persistentvolumeclaim_"+c+".yaml"))
		assert.True(t, os.IsNotExist(err), "%s left the package", c)
		claim, err := cp.Client.CoreV1().PersistentVolumeClaims(ns).Get(ctx, c, metav1.GetOptions{})
		if assert.NoError(t, err, "the kept claim survives the pruning apply") {
			assert.Nil(t, claim.DeletionTimestamp, c)
		}
	}
}
