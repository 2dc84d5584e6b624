package fn

import (
	"fmt"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/stretch"
)

// kindsFirst and kindsLast are kustomize's legacy resource order
// (sigs.k8s.io/kustomize/api/resid), which kubectl users expect: objects a
// workload refers to (ServiceAccount, RBAC, ConfigMaps, Services, claims)
// exist before the workload, so a first `kubectl apply -f` of the output
// creates every pod. Kinds in neither list (Pod, StrimziPodSet, Job,
// NetworkPolicy, …) go between the two, in the order they were rendered.
var (
	kindsFirst = []string{
		"Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition",
		"ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding",
		"ConfigMap", "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass",
		"PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget",
	}
	kindsLast = []string{"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"}
)

// kindRank is a kind's place in apply order: negative for kindsFirst, 0
// for kinds neither list names, positive for kindsLast.
func kindRank(kind string) int {
	if i := slices.Index(kindsFirst, kind); i >= 0 {
		return i - len(kindsFirst)
	}
	if i := slices.Index(kindsLast, kind); i >= 0 {
		return i + 1
	}
	return 0
}

// fileName is the file an object is written to in kpt's one-file-per-object
// layout: kpt's <kind>_<name>.yaml behind a two-digit prefix of its kind's
// place in apply order (Strimzi's install files are numbered the same way),
// since kubectl apply -f <dir> reads files in name order and would
// otherwise create pod_*.yaml before serviceaccount_*.yaml. The name
// depends only on the object, so a second render renames nothing.
func fileName(kind string, parts ...string) string {
	return fmt.Sprintf("%02d-%s", kindFileRank(kind), strings.ToLower(kind)+"_"+strings.Join(parts, "_")+".yaml")
}

// kindFileRank numbers kindRank from 1: kindsFirst, then the kinds neither
// list names, then kindsLast.
func kindFileRank(kind string) int {
	return kindRank(kind) + len(kindsFirst) + 1
}

// applyOrder sorts objects by kind rank, keeping each stretch bundle's
// objects together in the order the bundles first appear and, within a
// kind, the order they were rendered in.
func applyOrder(objects []*yaml.RNode) []*yaml.RNode {
	bundles := map[string]int{}
	for _, o := range objects {
		b := o.GetAnnotations()[stretch.AnnoCluster]
		if _, ok := bundles[b]; !ok {
			bundles[b] = len(bundles)
		}
	}
	out := slices.Clone(objects)
	slices.SortStableFunc(out, func(a, b *yaml.RNode) int {
		if d := bundles[a.GetAnnotations()[stretch.AnnoCluster]] - bundles[b.GetAnnotations()[stretch.AnnoCluster]]; d != 0 {
			return d
		}
		return kindRank(a.GetKind()) - kindRank(b.GetKind())
	})
	return out
}

// applyGroups gathers the objects of the renderings that did not fail by
// the resource they are rendered from, each group in apply order: a Kafka's
// objects and its pools' form one group, so the ServiceAccount every pod
// uses comes before the pods of a pool listed ahead of its Kafka. The
// resource's own rendering comes first within a kind, then the others in
// input order.
func applyGroups(renderings []*rendering) map[*yaml.RNode][]*yaml.RNode {
	groups := map[*yaml.RNode][]*yaml.RNode{}
	for _, own := range []bool{true, false} {
		for _, r := range renderings {
			if !r.failed && (r.source == r.from) == own {
				groups[r.from] = append(groups[r.from], r.nodes()...)
			}
		}
	}
	for from, objects := range groups {
		groups[from] = applyOrder(objects)
	}
	return groups
}
