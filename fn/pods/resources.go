package pods

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// CheckResources applies Strimzi's checks to the compute resources at path
// (ModelUtils.validateComputeResources): cpu and memory requests and limits
// above zero, each request at most its limit. javaPath is how Strimzi names
// the field in its message, e.g. KafkaConnect.spec.build.resources.
func CheckResources(path string, r *corev1.ResourceRequirements, javaPath string) []results.Problem {
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
	if len(errs) == 0 {
		return nil
	}
	return []results.Problem{{Path: path, Message: "[" + strings.Join(errs, ", ") + "]"}}
}
