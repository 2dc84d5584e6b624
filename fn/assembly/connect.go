package assembly

import (
	"strings"

	batchv1 "k8s.io/api/batch/v1"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/build"
	"github.com/strimzi-render/strimzi-render/fn/connect"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Connect renders one KafkaConnect: decode, validate, model, objects, and
// with keepCustomResources the resource a running operator gets.
func Connect(node *yaml.RNode, cfg *config.StrimziRender, in Inputs) *Rendering {
	r := newRendering(node, node)
	keep := cfg.Spec.KeepCustomResources
	work := node.Copy()
	if err := restoreKept(work); err != nil {
		return r.fail(results.Errorf("metadata.annotations", "%v", err))
	}
	cr, err := strimzi.DecodeKafkaConnect(work)
	if ps := admissionProblems(work, err); len(ps) > 0 {
		return r.fail(ps...)
	}
	// In cert-manager mode no operator copies Connect's trusted
	// certificates; with kept resources the operator does.
	cin := connect.Inputs{ConfigMapData: in.ConfigMapData,
		DirectTrust: cfg.Spec.Certificates.ClusterCA.Type == config.CATypeCertManager && !keep}
	r.Problems = connect.Validate(cr, cfg, cin, keep)
	var spec *build.Spec
	if cr.Spec.Build != nil {
		spec = build.FromKafkaConnect(cr, &cfg.Spec)
		r.Problems = append(r.Problems, build.Validate(spec)...)
	}
	if results.HasErrors(r.Problems) {
		return r.fail()
	}
	var bm *build.Model
	var image *connect.BuiltImage
	if spec != nil {
		bm = build.NewModel(spec, &cfg.Spec)
		r.Problems = append(r.Problems, bm.Warnings()...)
		image = &connect.BuiltImage{Image: bm.Image, Revision: bm.Revision, DependsOn: bm.DependsOn(), Objects: bm.Objects()}
	}
	m := connect.New(cr, cfg, cin, image)
	objs := m.Objects()
	if keep {
		kept, err := keepConnect(work, cr, image)
		if err != nil {
			return r.fail(results.Internal(node, err))
		}
		r.Replacement = []*yaml.RNode{kept}
		objs = m.OperatorlessObjects()
	}
	r.add("", objs)
	if bm != nil {
		r.Problems = append(r.Problems, restrictedWarning(bm, objs)...)
	}
	r.Kafkas = bootstrapKafkas(cr.Spec.BootstrapServers, cr.Namespace)
	return r
}

// restrictedWarning says, about the rendered build Job itself, that its pod
// cannot meet the restricted Pod Security Standard. Naming the Job lets a
// reviewer, or a Pod Security check of the output, pair it with the object.
func restrictedWarning(bm *build.Model, objs []specs.Object) []results.Problem {
	msg := bm.RestrictedWarning()
	if msg == "" {
		return nil
	}
	for _, o := range objs {
		if job, ok := o.(*batchv1.Job); ok && job.Name == bm.WorkloadName() {
			p := results.Warningf("spec.template.spec.containers[0].securityContext", "%s", msg)
			p.Resource = results.Resource{APIVersion: job.APIVersion, Kind: job.Kind, Namespace: job.Namespace, Name: job.Name}
			return []results.Problem{p}
		}
	}
	return nil
}

// bootstrapKafkas are the Kafkas whose bootstrap Service a bootstrap
// servers list names: <c>-kafka-bootstrap[.<namespace>[.svc…]]:<port>.
func bootstrapKafkas(servers, namespace string) []KafkaRef {
	var out []KafkaRef
	suffix := names.KafkaBootstrapService("")
	for _, s := range strings.Split(servers, ",") {
		host := strings.TrimSpace(s)
		if i := strings.LastIndexByte(host, ':'); i >= 0 {
			host = host[:i]
		}
		svc, rest, _ := strings.Cut(host, ".")
		cluster, ok := strings.CutSuffix(svc, suffix)
		if !ok || cluster == "" {
			continue
		}
		ns := namespace
		if rest != "" {
			ns, _, _ = strings.Cut(rest, ".")
		}
		out = append(out, KafkaRef{Namespace: ns, Name: cluster})
	}
	return out
}
