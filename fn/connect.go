package fn

import (
	"errors"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/build"
	"github.com/strimzi-render/strimzi-render/fn/connect"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// renderConnect renders one KafkaConnect: decode, validate, model, objects.
func renderConnect(node *yaml.RNode, cfg *config.StrimziRender, in connect.Inputs) (*rendering, framework.Results) {
	r := &rendering{source: node, failed: true}
	keep := cfg.Spec.KeepCustomResources
	work := node.Copy()
	if err := restoreKept(work); err != nil {
		return r, framework.Results{results.ErrorAt(node, "metadata.annotations", "%v", err)}
	}
	cr, err := strimzi.DecodeKafkaConnect(work)
	if err != nil {
		return r, framework.Results{fieldError(node, err)}
	}
	res := results.FromProblems(node, connect.Validate(cr, cfg, in, keep))
	var b *build.Spec
	if cr.Spec.Build != nil {
		b = build.FromKafkaConnect(cr, &cfg.Spec)
		res = append(res, results.FromProblems(node, build.Validate(b))...)
	}
	if res.ExitCode() != 0 {
		return r, res
	}
	var bm *build.Model
	var cb *connect.BuiltImage
	if b != nil {
		bm = build.NewModel(b, &cfg.Spec)
		res = append(res, results.FromProblems(node, bm.Warnings())...)
		cb = &connect.BuiltImage{Image: bm.Image, Revision: bm.Revision, DependsOn: bm.DependsOn(), Objects: bm.Objects()}
	}
	m := connect.New(cr, cfg, in, cb)
	objs := m.Objects()
	if keep {
		kept, err := keepConnect(work, cr, cb)
		if err != nil {
			return r, append(res, errNode(node, err))
		}
		r.replacement = []*yaml.RNode{kept}
		objs = m.OperatorlessObjects()
	}
	if r.objects, err = place(node, objs); err != nil {
		return r, append(res, errNode(node, err))
	}
	if bm != nil {
		res = append(res, restrictedWarning(bm, r.objects)...)
	}
	r.failed = false
	return r, res
}

// restrictedWarning says, about the rendered build Job itself, that its pod
// cannot meet the restricted Pod Security Standard. Naming the Job lets a
// reviewer, or a Pod Security check of the output, pair it with the object.
func restrictedWarning(bm *build.Model, objects []*yaml.RNode) framework.Results {
	msg := bm.RestrictedWarning()
	if msg == "" {
		return nil
	}
	for _, o := range objects {
		if o.GetKind() == "Job" && o.GetApiVersion() == "batch/v1" && o.GetName() == bm.WorkloadName() {
			return framework.Results{results.WarningAt(o, "spec.template.spec.containers[0].securityContext", "%s", msg)}
		}
	}
	return nil
}

// fieldError reports a resource that does not decode, at the field the
// decoder names.
func fieldError(node *yaml.RNode, err error) *framework.Result {
	var p results.Problem
	if errors.As(err, &p) {
		return p.Result(node)
	}
	return results.ErrorAt(node, "", "%v", err)
}
