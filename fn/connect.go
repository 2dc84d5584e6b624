package fn

import (
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
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
		return r, framework.Results{results.Errorf(node, "metadata.annotations", "%v", err)}
	}
	cr, err := strimzi.DecodeKafkaConnect(work)
	if err != nil {
		return r, framework.Results{fieldError(node, err)}
	}
	res := results.FromProblems(node, connect.Validate(cr, cfg, in, keep))
	if res.ExitCode() != 0 {
		return r, res
	}
	m := connect.New(cr, cfg, in, nil)
	objs := m.Objects()
	if keep {
		kept, err := keepConnect(work, cr)
		if err != nil {
			return r, append(res, errNode(node, err))
		}
		r.replacement = []*yaml.RNode{kept}
		objs = m.OperatorlessObjects()
	}
	if r.objects, err = place(node, objs); err != nil {
		return r, append(res, errNode(node, err))
	}
	r.failed = false
	return r, res
}

func fieldError(node *yaml.RNode, err error) *framework.Result {
	if fe, ok := err.(*strimzi.FieldError); ok {
		return results.Errorf(node, fe.Path, "%s", fe.Message)
	}
	return results.Errorf(node, "", "%v", err)
}
