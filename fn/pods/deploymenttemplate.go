package pods

import (
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// CheckDeploymentTemplate applies Strimzi's rules to the deployment and pod
// parts of a Deployment-based component's template, at (ending in
// "template."): Strimzi's own label and annotation keys, the strategy, the
// temporary directory's size and the volumes beside generated ones. It
// returns the pod's volume names, which container mounts may use.
func CheckDeploymentTemplate(at string, d *strimzi.DeploymentTemplate, p *strimzi.PodTemplate, generated []string) ([]results.Problem, []string) {
	var ps []results.Problem
	if d != nil {
		ps = append(ps, CheckAdditiveLabels(at+"deployment.metadata.labels", d.Metadata.Labels)...)
		ps = append(ps, CheckUserMerged(at+"deployment.metadata.annotations", d.Metadata.Annotations)...)
		switch d.DeploymentStrategy {
		case "", strimzi.DeploymentRollingUpdate, strimzi.DeploymentRecreate:
		default:
			ps = append(ps, results.Errorf(at+"deployment.deploymentStrategy", "deployment strategy %q is not one of RollingUpdate, Recreate", d.DeploymentStrategy))
		}
	}
	podVolumes := append([]string(nil), generated...)
	if p != nil {
		ps = append(ps, CheckUserMerged(at+"pod.metadata.labels", p.Metadata.Labels)...)
		ps = append(ps, CheckUserMerged(at+"pod.metadata.annotations", p.Metadata.Annotations)...)
		if s := p.TmpDirSizeLimit; s != "" {
			if _, err := resource.ParseQuantity(s); err != nil {
				ps = append(ps, results.Errorf(at+"pod.tmpDirSizeLimit", "%q is not a quantity", s))
			}
		}
		ps = append(ps, volumes.CheckVolumes(p.Volumes, podVolumes, at+"pod.volumes", false)...)
		for _, v := range p.Volumes {
			podVolumes = append(podVolumes, v.Name)
		}
	}
	return ps, podVolumes
}

// CheckUserMerged refuses Strimzi's own keys in labels or annotations the
// component merges with its own.
func CheckUserMerged(path string, m map[string]string) []results.Problem {
	if bad := labels.StrimziKeys(m); len(bad) > 0 {
		return []results.Problem{results.Errorf(path, "%s", labels.MsgStrimziInUser(bad))}
	}
	return nil
}

// CheckAdditiveLabels refuses Strimzi's reserved labels where the template's
// labels are added to the object's.
func CheckAdditiveLabels(path string, m map[string]string) []results.Problem {
	if bad := labels.ReservedLabels(m); len(bad) > 0 {
		return []results.Problem{results.Errorf(path, "%s", labels.MsgStrimziLabelOnCR)}
	}
	return nil
}
