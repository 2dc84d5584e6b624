package stretch

import (
	"strings"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// applicationSet is an Argo CD ApplicationSet with a list generator over
// the aliases: one Application per cluster, each syncing that cluster's
// bundle with pruning, the finalizer cascading a deletion to its objects.
func (net *Network) applicationSet() *unstructured.Unstructured {
	a := net.Entry.ApplicationSet
	name := a.Name
	if name == "" {
		name = net.Cluster + "-stretch"
	}
	var elements []any
	for _, c := range net.Entry.Clusters {
		argo := c.ArgoCluster
		if argo == "" {
			argo = c.Alias
		}
		elements = append(elements, map[string]any{"alias": c.Alias, "argoCluster": argo})
	}
	return &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "argoproj.io/v1alpha1",
		"kind":       "ApplicationSet",
		"metadata":   map[string]any{"name": name, "namespace": a.Namespace},
		"spec": map[string]any{
			"goTemplate":        true,
			"goTemplateOptions": []any{"missingkey=error"},
			"generators":        []any{map[string]any{"list": map[string]any{"elements": elements}}},
			"template": map[string]any{
				"metadata": map[string]any{
					"name":       net.Cluster + "-{{.alias}}",
					"finalizers": []any{"resources-finalizer.argocd.argoproj.io"},
				},
				"spec": map[string]any{
					"project": a.Project,
					"source": map[string]any{
						"repoURL": a.RepoURL, "targetRevision": a.TargetRevision,
						"path": strings.TrimSuffix(a.Path, "/"),
					},
					// The namespace is the same everywhere (MCS namespace sameness).
					"destination": map[string]any{"name": "{{.argoCluster}}", "namespace": net.Namespace},
					"syncPolicy": map[string]any{
						"automated":   map[string]any{"prune": true, "selfHeal": true},
						"syncOptions": []any{"CreateNamespace=true"},
					},
				},
			},
		},
	}}
}
