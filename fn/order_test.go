package fn

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/stretch"
)

func TestKindRankFollowsKustomizeLegacyOrder(t *testing.T) {
	order := []string{"ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap",
		"Secret", "Service", "PersistentVolumeClaim", "Deployment", "StatefulSet", "PodDisruptionBudget", "Pod",
		"ValidatingWebhookConfiguration"}
	for i := 1; i < len(order); i++ {
		assert.LessOrEqual(t, kindRank(order[i-1]), kindRank(order[i]), "%s before %s", order[i-1], order[i])
	}
	assert.Equal(t, kindRank("Pod"), kindRank("StrimziPodSet"), "kinds kustomize does not list share a rank")
	assert.Equal(t, kindRank("Pod"), kindRank("Job"))
}

// workloadKinds run pods, which need what kindsFirst lists to exist.
var workloadKinds = map[string]bool{"Pod": true, "StatefulSet": true, "StrimziPodSet": true, "Deployment": true, "Job": true}

// TestGoldenApplyOrder: in every golden output, no object that a workload
// of its namespace and bundle may use (ServiceAccount, RBAC, ConfigMap,
// Service, PersistentVolumeClaim) follows a workload rendered from the same
// resource, so `kubectl apply -f` creates every pod on the first try.
func TestGoldenApplyOrder(t *testing.T) {
	prerequisite := map[string]bool{"ServiceAccount": true, "Role": true, "RoleBinding": true, "ClusterRoleBinding": true,
		"ConfigMap": true, "Service": true, "PersistentVolumeClaim": true}
	for _, dir := range goldenCases(t) {
		name, _ := filepath.Rel(goldenDir, dir)
		out, err := os.ReadFile(filepath.Join(dir, "expected.yaml"))
		require.NoError(t, err)
		if len(out) == 0 {
			continue
		}
		rl, err := yaml.Parse(string(out))
		require.NoError(t, err)
		items, _ := rl.Pipe(yaml.Lookup("items"))
		if items == nil {
			continue
		}
		elems, err := items.Elements()
		require.NoError(t, err)
		// seen holds the groups (source, namespace and bundle) that already emitted a workload.
		seen := map[[3]string]string{}
		for _, n := range elems {
			src, ok := n.GetAnnotations()[AnnoSource]
			if !ok {
				continue
			}
			ns := n.GetNamespace()
			if parts := strings.Split(src, "/"); len(parts) == 3 { // cluster-scoped, from a namespaced source
				src, ns = parts[0]+"/"+parts[2], parts[1]
			}
			group := [3]string{src, ns, n.GetAnnotations()[stretch.AnnoCluster]}
			if workloadKinds[n.GetKind()] {
				if _, ok := seen[group]; !ok {
					seen[group] = n.GetKind() + "/" + n.GetName()
				}
				continue
			}
			if w, ok := seen[group]; ok && prerequisite[n.GetKind()] {
				t.Errorf("%s: %s %s comes after %s, rendered from %s", name, n.GetKind(), n.GetName(), w, src)
			}
		}
	}
}

// TestFileNamesSortInApplyOrder: kubectl apply -f <dir> reads files in
// name order, so the names of kpt's files must sort as applyOrder does.
func TestFileNamesSortInApplyOrder(t *testing.T) {
	order := []string{"ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap",
		"Secret", "Service", "PersistentVolumeClaim", "Deployment", "StatefulSet", "PodDisruptionBudget", "Pod",
		"ValidatingWebhookConfiguration"}
	for i := 1; i < len(order); i++ {
		// The names differ in the prefix only where the kinds' ranks differ: a
		// name starting with "z" must still sort after one with "a".
		before, after := fileName(order[i-1], "zz"), fileName(order[i], "aa")
		assert.Less(t, before, after, "%s before %s", order[i-1], order[i])
	}
	assert.Equal(t, "23-pod_my-cluster-brokers-0.yaml", fileName("Pod", "my-cluster-brokers-0"))
	assert.Equal(t, "05-serviceaccount_kafka_my-cluster-kafka.yaml", fileName("ServiceAccount", "kafka", "my-cluster-kafka"))
}
