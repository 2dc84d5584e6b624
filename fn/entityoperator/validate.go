package entityoperator

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/logging"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

const specPath = "spec.entityOperator"

// msgWatchedNamespaceDisabled is the operator's refusal of a watched
// namespace while the feature is off (EntityOperatorReconciler.deployment),
// with the function config's switch.
const msgWatchedNamespaceDisabled = "Entity Operator deployment deleted because Topic Operator and/or User Operator are configured with " +
	"watchedNamespace set to a different namespace but the feature is disabled. " +
	"To enable cross-namespace watching, set spec.entityOperatorWatchedNamespaceEnabled: true in the function config " +
	"(the operator's STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED=true)"

// Validate returns the problems of spec.entityOperator, each at its field,
// with Strimzi's messages where it has them.
func Validate(k *strimzi.Kafka, cfg *config.Spec, cms strimzi.ConfigMaps) []results.Problem {
	spec := k.Spec.EntityOperator
	if spec == nil {
		return nil
	}
	if spec.TopicOperator == nil && spec.UserOperator == nil {
		return []results.Problem{results.Warningf(specPath,
			"spec.entityOperator sets neither topicOperator nor userOperator: the operator deploys no Entity Operator, so none is rendered")}
	}
	v := &validator{k: k, cfg: cfg, cms: cms}
	if to := spec.TopicOperator; to != nil {
		v.operator("topicOperator", to.WatchedNamespace, to.ReconciliationIntervalMs, to.Resources, to.Logging)
	}
	if uo := spec.UserOperator; uo != nil {
		v.operator("userOperator", uo.WatchedNamespace, uo.ReconciliationIntervalMs, uo.Resources, uo.Logging)
	}
	if spec.Template != nil {
		v.template(spec.Template)
	}
	return v.out
}

type validator struct {
	k   *strimzi.Kafka
	cfg *config.Spec
	cms strimzi.ConfigMaps
	out []results.Problem
}

func (v *validator) errorf(path, format string, args ...any) {
	v.out = append(v.out, results.Errorf(path, format, args...))
}

func (v *validator) add(ps []results.Problem, severity results.Severity) {
	for _, p := range ps {
		p.Severity = severity
		v.out = append(v.out, p)
	}
}

// operator checks the fields both operators share (EntityTopicOperator
// and EntityUserOperator.fromCrd, and the CRD's schema).
func (v *validator) operator(field, watchedNamespace string, intervalMs *int64, res *corev1.ResourceRequirements, l *strimzi.Logging) {
	at := specPath + "." + field
	if watchedNamespace != "" {
		for _, msg := range validation.IsDNS1123Label(watchedNamespace) {
			v.errorf(at+".watchedNamespace", "%q is not a namespace name: %s", watchedNamespace, msg)
		}
		if watchedNamespace != v.k.Namespace && !v.cfg.EntityOperatorWatchedNamespaceEnabled {
			v.errorf(at+".watchedNamespace", "%s", msgWatchedNamespaceDisabled)
		}
	}
	if intervalMs != nil && *intervalMs < 0 {
		v.errorf(at+".reconciliationIntervalMs", "must be 0 or more")
	}
	v.add(pods.CheckResources(at+".resources", res, "Kafka."+at+".resources"), results.Error)
	v.add(logging.CheckExternal(l, v.cms, v.k.Namespace, at+".logging"), results.Error)
}

// template checks the labels and annotations Strimzi refuses, the
// temporary directory size, and template volumes and mounts.
func (v *validator) template(t *strimzi.EntityOperatorTemplate) {
	const at = specPath + ".template."
	if d := t.Deployment; d != nil {
		v.additive(at+"deployment.metadata.labels", d.Metadata.Labels)
		v.userMerged(at+"deployment.metadata.annotations", d.Metadata.Annotations)
		if d.DeploymentStrategy != "" {
			v.out = append(v.out, results.Warningf(at+"deployment.deploymentStrategy",
				"deploymentStrategy is ignored: Strimzi always replaces the Entity Operator pod (Recreate), as two would both reconcile the same resources"))
		}
	}
	for _, r := range []struct {
		field string
		t     *strimzi.ResourceTemplate
	}{
		{"serviceAccount", t.ServiceAccount}, {"entityOperatorRole", t.EntityOperatorRole},
		{"topicOperatorRoleBinding", t.TopicOperatorRoleBinding}, {"userOperatorRoleBinding", t.UserOperatorRoleBinding},
	} {
		if r.t != nil {
			v.additive(at+r.field+".metadata.labels", r.t.Metadata.Labels)
		}
	}
	if p := t.PodDisruptionBudget; p != nil {
		v.additive(at+"podDisruptionBudget.metadata.labels", p.Metadata.Labels)
	}
	existing := New(v.k, v.cfg, Cluster{Name: v.k.Name, Namespace: v.k.Namespace}, v.cms).GeneratedVolumes()
	if p := t.Pod; p != nil {
		v.userMerged(at+"pod.metadata.labels", p.Metadata.Labels)
		v.userMerged(at+"pod.metadata.annotations", p.Metadata.Annotations)
		if s := p.TmpDirSizeLimit; s != "" {
			if _, err := resource.ParseQuantity(s); err != nil {
				v.errorf(at+"pod.tmpDirSizeLimit", "%q is not a quantity", s)
			}
		}
		v.add(volumes.CheckVolumes(p.Volumes, existing, at+"pod.volumes", false), results.Error)
		for _, av := range p.Volumes {
			existing = append(existing, av.Name)
		}
	}
	for _, c := range []struct {
		field string
		t     *strimzi.ContainerTemplate
	}{{"topicOperatorContainer", t.TopicOperatorContainer}, {"userOperatorContainer", t.UserOperatorContainer}} {
		if c.t != nil {
			v.add(volumes.CheckMounts(c.t.VolumeMounts, existing, at+c.field+".volumeMounts"), results.Error)
		}
	}
}

// userMerged refuses strimzi.io/ keys in labels or annotations merged
// under Strimzi's.
func (v *validator) userMerged(path string, m map[string]string) {
	if bad := labels.StrimziKeys(m); len(bad) > 0 {
		v.errorf(path, "%s", labels.MsgStrimziInUser(bad))
	}
}

// additive refuses reserved keys in labels added to Strimzi's.
func (v *validator) additive(path string, m map[string]string) {
	if bad := labels.ReservedLabels(m); len(bad) > 0 {
		v.errorf(path, "%s", labels.MsgStrimziLabelOnCR)
	}
}
