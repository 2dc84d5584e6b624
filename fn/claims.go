package fn

import (
	"path"

	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
)

// fileKeptClaims moves the PersistentVolumeClaims that must outlive the
// cluster (deleteClaim: false, which labels.ClaimAnnotations marks) into
// spec.output.claimsPath below the directory they were filed in: applied
// there by a command without --prune, they carry neither kubectl's
// applyset label nor, applied server-side, its last-applied annotation, so
// no pruning apply of the other objects considers them. Claims Strimzi
// deletes with the cluster (deleteClaim: true) stay with the rest.
func fileKeptClaims(renderings []*rendering, cfg *config.StrimziRender) {
	dir := cfg.Spec.Output.ClaimsPath
	if dir == "" {
		return
	}
	for _, r := range renderings {
		if r.failed {
			continue
		}
		for _, o := range r.objects {
			a := o.GetAnnotations()
			if o.GetKind() != "PersistentVolumeClaim" || a[labels.AnnoDeleteClaim] != "false" {
				continue
			}
			file := a[kioutil.PathAnnotation]
			if file == "" {
				file = fileName(o.GetKind(), o.GetName())
			}
			a[kioutil.PathAnnotation] = path.Join(path.Dir(file), dir, path.Base(file))
			a[kioutil.IndexAnnotation] = "0"
			_ = o.SetAnnotations(a)
		}
	}
}
