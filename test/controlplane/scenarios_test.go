package controlplane_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/wait"

	"github.com/strimzi-render/strimzi-render/test/controlplane"
)

// edit returns a step edit replacing old, which the input holds once.
func edit(old, new string) func(t *testing.T, input string) string {
	return func(t *testing.T, input string) string { return replaceOnce(t, input, old, new) }
}

// brokersB is a pool added on day 2 with IDs of its own, so it can grow
// without a gap (workload StatefulSet numbers pods from the first ID).
const brokersB = `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: brokers-b
  namespace: kafka
  labels:
    strimzi.io/cluster: my-cluster
  annotations:
    strimzi.io/next-node-ids: "[10-19]"
spec:
  replicas: 2 # brokers-b
  roles:
  - broker
  storage:
    type: persistent-claim
    size: 100Gi
---
`

// scenarios are the day-2 steps on the examples, in the
// StatefulSet form.
// drainScenario drains the node of a broker of the Kafka example. It runs
// alone, after the others: a drain evicts every pod of its node.
func drainScenario() scenario {
	return scenario{
		name: "kafka-drain", example: "examples/kafka-node-pools", resources: "kafka.yaml",
		steps: []step{{name: "create-and-drain", drainNodeOf: "my-cluster-brokers-0"}},
	}
}

func scenarios() []scenario {
	return []scenario{{
		name: "connect", example: "examples/connect-image-plugins", resources: "kafka-connect.yaml",
		steps: []step{
			{name: "create", healPod: "my-connect-connect-1"},
			{name: "add-image-plugin", rolls: []string{"my-connect-connect"},
				edit: edit("      pullPolicy: IfNotPresent\n", "      pullPolicy: IfNotPresent\n  - name: another\n    artifacts:\n    - type: image\n      reference: quay.io/example/another-connector:1.0.0\n")},
			{name: "change-config", rolls: []string{"my-connect-connect"},
				edit: edit("    status.storage.replication.factor: 3\n", "    status.storage.replication.factor: 3\n    offset.flush.interval.ms: 5000\n")},
			{name: "change-resources", rolls: []string{"my-connect-connect"},
				edit: edit("limits: {memory: 2Gi}", "limits: {memory: 3Gi}")},
			{name: "scale-to-3", edit: edit("  replicas: 2\n", "  replicas: 3\n")},
			{name: "scale-to-1", edit: edit("  replicas: 3\n", "  replicas: 1\n")},
			{name: "rename", edit: edit("  name: my-connect\n", "  name: renamed\n")},
		},
	}, {
		name: "build", example: "examples/connect-build", resources: "kafka-connect.yaml",
		steps: []step{
			{name: "create", beforeApply: holdBuild, afterApply: workersDoNotWaitForTheBuild},
			{name: "change-build-plugin", rolls: []string{"my-connect-connect"},
				edit: edit("        artifact: connect-file\n        version: 4.3.1\n", "        artifact: connect-file\n        version: 4.3.0\n")},
		},
	}, {
		name: "kafka", example: "examples/kafka-node-pools", resources: "kafka.yaml",
		steps: []step{
			{name: "create", healPod: "my-cluster-brokers-0"},
			{name: "change-broker-setting", rolls: []string{"my-cluster-brokers"},
				edit: edit("      min.insync.replicas: 2\n", "      min.insync.replicas: 2\n      log.retention.hours: 72\n")},
			{name: "add-pool", edit: edit("---\napiVersion: kafka.strimzi.io/v1\nkind: Kafka\n", "---\n"+brokersB+"apiVersion: kafka.strimzi.io/v1\nkind: Kafka\n")},
			{name: "add-node", edit: edit("replicas: 2 # brokers-b", "replicas: 3 # brokers-b")},
			{name: "remove-node", edit: edit("replicas: 3 # brokers-b", "replicas: 2 # brokers-b")},
		},
	}, {
		// One cluster's bundle of the stretched Kafka.
		name: "stretch", example: "examples/stretch-mcs", resources: "base/kafka.yaml",
		// The ApplicationSet goes to Argo CD's namespace, which the
		// parallel runs would share; it is applied where Argo CD runs.
		keep: func(o *unstructuredObject) bool {
			return o.GetAnnotations()["strimzi-render.dev/cluster"] == "central" && o.GetKind() != "ApplicationSet"
		},
		steps: []step{
			{name: "create", healPod: "my-cluster-pool-central-0"},
			{name: "change-broker-setting", rolls: []string{"my-cluster-pool-central"},
				edit: edit("      min.insync.replicas: 2\n", "      min.insync.replicas: 2\n      log.retention.hours: 72\n")},
		},
	}}
}

// holdBuild keeps the build Job's pod from being created: an admission
// policy refuses pods of component type kafka-connect-build in the
// namespace. The Job has started (the controller sets its start time
// before it creates pods) but cannot finish.
func holdBuild(ctx context.Context, t *testing.T, r *scenarioRun) {
	policy := `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: hold-build-NS
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
    - apiGroups: [""]
      apiVersions: [v1]
      operations: [CREATE]
      resources: [pods]
  validations:
  - expression: "!has(object.metadata.labels) || !('strimzi.io/component-type' in object.metadata.labels) || object.metadata.labels['strimzi.io/component-type'] != 'kafka-connect-build'"
    message: the test holds the build
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: hold-build-NS
spec:
  policyName: hold-build-NS
  validationActions: [Deny]
  matchResources:
    namespaceSelector:
      matchLabels:
        kubernetes.io/metadata.name: NS
`
	file := filepath.Join(t.TempDir(), "hold.yaml")
	require.NoError(t, os.WriteFile(file, []byte(strings.ReplaceAll(policy, "NS", r.ns)), 0o644))
	res := r.cp.Apply(ctx, file, controlplane.ApplyOptions{ServerSide: true})
	require.NoError(t, res.Err, res.Stderr)
	// The policy takes effect once the API server has loaded it: a dry
	// run of a build pod is refused.
	probe := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "probe", Namespace: r.ns, Labels: map[string]string{"strimzi.io/component-type": "kafka-connect-build"}},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: "probe"}}},
	}
	err := wait.PollUntilContextTimeout(ctx, 250*time.Millisecond, 2*time.Minute, true, func(ctx context.Context) (bool, error) {
		_, err := r.cp.Client.CoreV1().Pods(r.ns).Create(ctx, probe, metav1.CreateOptions{DryRun: []string{metav1.DryRunAll}})
		return err != nil && strings.Contains(err.Error(), "the test holds the build"), nil
	})
	require.NoError(t, err, "the admission policy holding the build takes effect")
	t.Cleanup(func() { _ = r.cp.Delete(context.Background(), file) })
}

// workersDoNotWaitForTheBuild: when the tool's apply returns, the build
// Job has not finished, and the workers' StatefulSet exists with its pods
// Ready: the tool did not wait for the build (kpt's depends-on waits only
// until the Job has started). Then the hold is lifted, and the Job runs.
func workersDoNotWaitForTheBuild(ctx context.Context, t *testing.T, r *scenarioRun) {
	// kubectl returns before the Job controller has seen the Job; kpt
	// returned once the Job was Current, which needs a start time.
	var job batchv1.Job
	err := wait.PollUntilContextTimeout(ctx, 250*time.Millisecond, 2*time.Minute, true, func(ctx context.Context) (bool, error) {
		jobs, err := r.cp.Client.BatchV1().Jobs(r.ns).List(ctx, metav1.ListOptions{})
		if err != nil || len(jobs.Items) != 1 {
			return false, nil
		}
		job = jobs.Items[0]
		return job.Status.StartTime != nil || r.tool.name == "KptLive", nil
	})
	require.NoError(t, err, "one build Job, started")
	assert.NotNil(t, job.Status.StartTime, "the Job has started")
	assert.Zero(t, job.Status.Succeeded, "the build has not run")
	set, err := r.cp.Client.AppsV1().StatefulSets(r.ns).Get(ctx, "my-connect-connect", metav1.GetOptions{})
	require.NoError(t, err, "%s applied the workers before the build finished", r.tool.name)
	if r.tool.name == "KptLive" {
		// kpt waited for the workers to be Current before returning.
		assert.Equal(t, *set.Spec.Replicas, set.Status.ReadyReplicas, "kpt returned with the workers Ready and the build not run")
	}
	file := filepath.Join(t.TempDir(), "binding.yaml")
	require.NoError(t, os.WriteFile(file, []byte("apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata:\n  name: hold-build-"+r.ns+"\n"), 0o644))
	require.NoError(t, r.cp.Delete(ctx, file))
}
