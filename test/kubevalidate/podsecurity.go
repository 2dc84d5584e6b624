package kubevalidate

import (
	"fmt"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	psapi "k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
)

// Connect build Jobs carry this label. Buildah needs capabilities and
// Kaniko runs as root, so they cannot meet the restricted profile.
const (
	componentTypeLabel = "strimzi.io/component-type"
	connectBuildType   = "kafka-connect-build"
)

var (
	restricted = psapi.LevelVersion{Level: psapi.LevelRestricted, Version: psapi.LatestVersion()}
	baseline   = psapi.LevelVersion{Level: psapi.LevelBaseline, Version: psapi.LatestVersion()}
)

func newPodSecurity() (policy.Evaluator, error) {
	return policy.NewEvaluator(policy.DefaultChecks(), nil)
}

// checkPodSecurity reports each failed check of the restricted profile, as
// the PodSecurity admission plugin would in enforce mode. Field is the path
// of the pod spec.
func (v *Validator) checkPodSecurity(meta *metav1.ObjectMeta, spec *corev1.PodSpec, field string, ps *problems) {
	for _, msg := range v.failures(v.level, meta, spec) {
		ps.add(ClassPodSecurity, field, "%s", msg)
	}
}

// checkBuildJobSecurity checks the pod template of a Job. A Connect build
// Job may fail the restricted profile, but only if the ResourceList says so
// in a warning result naming the Job; baseline failures are always problems.
func (v *Validator) checkBuildJobSecurity(job *batchv1.Job, warned bool, ps *problems) {
	tmpl := &job.Spec.Template
	field := "spec.template.spec"
	if job.Labels[componentTypeLabel] != connectBuildType {
		v.checkPodSecurity(&tmpl.ObjectMeta, &tmpl.Spec, field, ps)
		return
	}
	for _, msg := range v.failures(baseline, &tmpl.ObjectMeta, &tmpl.Spec) {
		ps.add(ClassPodSecurity, field, "%s", msg)
	}
	agg := policy.AggregateCheckResults(v.psa.EvaluatePod(restricted, &tmpl.ObjectMeta, &tmpl.Spec))
	if !agg.Allowed && !warned {
		ps.add(ClassPodSecurity, field, "build pod fails the restricted profile and no warning result says so: %s", agg.ForbiddenDetail())
	}
}

// failures formats the failed checks like the admission plugin does:
// violates PodSecurity "restricted:latest": <reason> (<detail>).
func (v *Validator) failures(lv psapi.LevelVersion, meta *metav1.ObjectMeta, spec *corev1.PodSpec) []string {
	var out []string
	for _, r := range v.psa.EvaluatePod(lv, meta, spec) {
		if r.Allowed {
			continue
		}
		msg := fmt.Sprintf("violates PodSecurity %q: %s", lv.String(), r.ForbiddenReason)
		if r.ForbiddenDetail != "" {
			msg += " (" + r.ForbiddenDetail + ")"
		}
		out = append(out, msg)
	}
	return out
}
