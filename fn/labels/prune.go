package labels

import "strconv"

// AnnoDeleteClaim is Strimzi's record of a claim's deleteClaim setting.
const AnnoDeleteClaim = "strimzi.io/delete-claim"

// ClaimAnnotations are the annotations of a rendered PVC. With deleteClaim
// false they also stop Argo CD (prune and app deletion), kpt and cli-utils,
// and Flux from deleting the claim when it leaves the rendered set.
func ClaimAnnotations(deleteClaim bool) map[string]string {
	a := map[string]string{AnnoDeleteClaim: strconv.FormatBool(deleteClaim)}
	if !deleteClaim {
		a["argocd.argoproj.io/sync-options"] = "Prune=false,Delete=false"
		a["cli-utils.sigs.k8s.io/on-remove"] = "keep"
		a["client.lifecycle.config.k8s.io/deletion"] = "detach"
		a["kustomize.toolkit.fluxcd.io/prune"] = "disabled"
	}
	return a
}
