package controlplane_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/test/controlplane"
)

const (
	kafkaExample  = "examples/kafka-node-pools"
	kafkaRendered = kafkaExample + "/expected/rendered.yaml"
)

// startKafka starts a cluster running the Kafka example as its expected
// render has it (applied server-side, through the apply set when given),
// its pods Ready. It returns a function that renders the example with the
// standalone command after editing kafka.yaml: the day-2 render.
func startKafka(ctx context.Context, t *testing.T, applySet string) (*controlplane.ControlPlane, []*unstructuredObject, func(edit func(string) string) string) {
	t.Helper()
	crds := controlplane.RequireStrimziCRDs(t)
	cp := controlplane.Start(t, controlplane.Options{})
	require.NoError(t, cp.InstallCRDs(ctx, crds))
	objects := readObjects(t, kafkaRendered)
	prepare(ctx, t, cp, objects)
	r := cp.Apply(ctx, kafkaRendered, controlplane.ApplyOptions{ServerSide: true, ApplySet: applySet, Namespace: "kafka"})
	require.NoError(t, r.Err, r.Stderr)
	waitWorkloads(ctx, t, cp, objects)

	// The standalone render of the unchanged example holds the same
	// objects (in the function's order), so a day-2 render differs from
	// day 1 only by its edit.
	require.Equal(t, byID(objects), byID(readObjects(t, render(t, kafkaExample, "kafka.yaml", unchanged))))
	return cp, objects, func(edit func(string) string) string {
		return render(t, kafkaExample, "kafka.yaml", edit)
	}
}

// invalidPods are the lines of kubectl's standard error that report a Pod
// the API server refused, without the patch that client-side apply prints
// before the refusal.
func invalidPods(stderr string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if i := strings.LastIndex(line, `Pod "`); i >= 0 && strings.Contains(line[i:], `" is invalid: `) {
			out = append(out, line)
		}
	}
	return out
}

// TestDay2 documents what happens today when a changed render is applied
// to a cluster running the previous one. Each subtest asserts today's
// behaviour; when the renderer changes it, the subtest fails and is to be
// flipped to assert the fix.
func TestDay2(t *testing.T) {
	// workload: Pod (the example's and the default): a change to the pod
	// spec beyond images needs a new Pod, which kubectl apply cannot make;
	// the API server refuses the update, server-side and client-side.
	t.Run("PodForm/SpecChangeIsRefused", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		cp, _, renderDay2 := startKafka(ctx, t, "")
		day2 := renderDay2(func(kafka string) string {
			return replaceOnce(t, kafka, "requests: {cpu: 500m, memory: 4Gi}\n    limits: {memory: 4Gi}",
				"requests: {cpu: 500m, memory: 6Gi}\n    limits: {memory: 6Gi}")
		})

		for _, serverSide := range []bool{true, false} {
			r := cp.Apply(ctx, day2, controlplane.ApplyOptions{ServerSide: serverSide})
			refusals := invalidPods(r.Stderr)
			t.Logf("kubectl %v: %v\n%s", r.Args, r.Err, strings.Join(refusals, "\n"))
			require.Error(t, r.Err, "the API server refuses the changed pods (server-side %v)", serverSide)
			var refused []string
			for _, line := range refusals {
				refused = append(refused, line[strings.LastIndex(line, `Pod "`):])
			}
			var want []string
			for _, pod := range []string{"my-cluster-brokers-0", "my-cluster-brokers-1", "my-cluster-brokers-2"} {
				want = append(want, `Pod "`+pod+`" is invalid: spec: Forbidden: pod updates may not change fields other than `+
					"`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` "+
					"(only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)")
			}
			// Only the brokers' pods changed; every other object applies.
			assert.Equal(t, want, refused, "server-side %v", serverSide)
		}
		pod, err := cp.Client.CoreV1().Pods("kafka").Get(ctx, "my-cluster-brokers-0", metav1.GetOptions{})
		require.NoError(t, err)
		assert.Equal(t, "4Gi", pod.Spec.Containers[0].Resources.Limits.Memory().String(), "the running pod keeps the old spec")
	})

	// kubectl apply --prune deletes what left the apply set. It does not
	// read the annotations the renderer writes on claims to keep them
	// (cli-utils, kpt, Argo CD and Flux each read their own).
	t.Run("Prune/KeptClaimIsDeleted", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		const applySet = "secrets/my-cluster-applyset"
		cp, objects, renderDay2 := startKafka(ctx, t, applySet)
		claims := map[string]bool{"data-0-my-cluster-brokers-2": true, "data-1-my-cluster-brokers-2": true}
		var kept []*unstructuredObject
		for _, c := range controlplane.OfKind(objects, "PersistentVolumeClaim") {
			if claims[c.GetName()] {
				kept = append(kept, c)
			}
		}
		require.Len(t, kept, len(claims))
		for _, c := range kept {
			live, err := cp.Get(ctx, c)
			require.NoError(t, err)
			annotations := live.GetAnnotations()
			assert.Equal(t, "keep", annotations["cli-utils.sigs.k8s.io/on-remove"], controlplane.ID(c))
			assert.Equal(t, "detach", annotations["client.lifecycle.config.k8s.io/deletion"], controlplane.ID(c))
			assert.Equal(t, "Prune=false,Delete=false", annotations["argocd.argoproj.io/sync-options"], controlplane.ID(c))
			assert.Equal(t, "disabled", annotations["kustomize.toolkit.fluxcd.io/prune"], controlplane.ID(c))
			assert.Equal(t, "false", annotations["strimzi.io/delete-claim"], controlplane.ID(c))
		}

		// The brokers scale from three to two (with replication factors the
		// renderer accepts for two brokers), each pool's status.nodeIds in
		// the input as docs/kafka.md asks, so the other nodes keep their
		// IDs: broker 2's pod, ConfigMap and claims leave the render.
		day2 := renderDay2(func(kafka string) string {
			kafka = replaceOnce(t, kafka, "  replicas: 3\n  roles:\n  - broker", "  replicas: 2\n  roles:\n  - broker")
			for _, rf := range []string{"offsets.topic", "transaction.state.log", "default"} {
				kafka = replaceOnce(t, kafka, " "+rf+".replication.factor: 3", " "+rf+".replication.factor: 2")
			}
			kafka = replaceOnce(t, kafka, "limits: {memory: 1Gi}\n", "limits: {memory: 1Gi}\nstatus:\n  nodeIds: [3, 4, 5]\n")
			return replaceOnce(t, kafka, "limits: {memory: 4Gi}\n", "limits: {memory: 4Gi}\nstatus:\n  nodeIds: [0, 1, 2]\n")
		})
		for _, c := range kept {
			assert.NotContains(t, ids(readObjects(t, day2)), controlplane.ID(c))
		}
		r := cp.Apply(ctx, day2, controlplane.ApplyOptions{ServerSide: true, ApplySet: applySet, Namespace: "kafka"})
		t.Logf("kubectl %v: %v\n%s%s", r.Args, r.Err, r.Stdout, r.Stderr)
		require.NoError(t, r.Err, r.Stderr)
		var pruned []string
		for _, line := range r.Lines() {
			if strings.HasSuffix(line, " pruned") {
				pruned = append(pruned, line)
			}
		}
		assert.ElementsMatch(t, []string{
			"persistentvolumeclaim/data-0-my-cluster-brokers-2 pruned",
			"persistentvolumeclaim/data-1-my-cluster-brokers-2 pruned",
			"configmap/my-cluster-brokers-2 pruned",
			"pod/my-cluster-brokers-2 pruned",
		}, pruned)
		for _, c := range kept {
			require.NoError(t, cp.WaitGone(ctx, c), "the claim kept by annotation is deleted")
			_, err := cp.Get(ctx, c)
			assert.True(t, apierrors.IsNotFound(err), controlplane.ID(c))
		}
	})
}
