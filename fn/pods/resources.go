package pods

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
)

// CheckResources returns Strimzi's messages for compute resources it
// refuses: a cpu or memory request or limit of zero or less, or a request
// above its limit (ModelUtils.validateComputeResources). javaPath names the
// field as Strimzi does, such as KafkaNodePool.spec.resources.
func CheckResources(r *corev1.ResourceRequirements, javaPath string) []string {
	if r == nil {
		return nil
	}
	var errs []string
	for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, hasReq := r.Requests[res]
		lim, hasLim := r.Limits[res]
		if hasReq && req.Sign() <= 0 {
			errs = append(errs, fmt.Sprintf("%s %s request must be > zero", javaPath, res))
		}
		if hasLim && lim.Sign() <= 0 {
			errs = append(errs, fmt.Sprintf("%s %s limit must be > zero", javaPath, res))
		}
		if hasReq && hasLim && req.Cmp(lim) > 0 {
			errs = append(errs, fmt.Sprintf("%s %s request must be <= limit", javaPath, res))
		}
	}
	return errs
}
