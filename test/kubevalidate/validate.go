package kubevalidate

import (
	"fmt"
	psapi "k8s.io/pod-security-admission/api"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/pod-security-admission/policy"
)

// DefaultNamespace is used for namespaced objects without a namespace,
// as kubectl does with its default context.
const DefaultNamespace = "default"

// Options configure a Validator.
type Options struct {
	// CRDDir holds CustomResourceDefinition YAML files (Strimzi's
	// 04x-Crd-*.yaml). Without it, custom resources have no validator.
	CRDDir string
	// Namespace replaces a missing metadata.namespace; DefaultNamespace if empty.
	Namespace string
	// RequireNamespace also reports each namespaced object without a
	// namespace, as a ClassNamespace problem.
	RequireNamespace bool
	// PodSecurityLevel is the Pod Security profile every pod must meet:
	// "restricted" (the default) or "baseline", for output rendered with
	// Strimzi's baseline provider on purpose.
	PodSecurityLevel string
}

// Validator checks objects as kube-apiserver would on create. It is built
// once (CRD schemas and CEL programs are compiled in New) and can be reused.
type Validator struct {
	opts Options
	crds map[schema.GroupKind]*crdKind
	psa  policy.Evaluator
	// level is the profile pods must meet (build Jobs have their own rule).
	level psapi.LevelVersion
}

// New prepares a Validator, loading the CRDs in opts.CRDDir.
func New(opts Options) (*Validator, error) {
	if opts.Namespace == "" {
		opts.Namespace = DefaultNamespace
	}
	v := &Validator{opts: opts}
	if opts.CRDDir != "" {
		crds, err := loadCRDs(opts.CRDDir)
		if err != nil {
			return nil, fmt.Errorf("loading CRDs: %w", err)
		}
		v.crds = crds
	}
	switch opts.PodSecurityLevel {
	case "", "restricted":
		v.level = restricted
	case "baseline":
		v.level = baseline
	default:
		return nil, fmt.Errorf("pod security level %q is not restricted or baseline", opts.PodSecurityLevel)
	}
	psa, err := newPodSecurity()
	if err != nil {
		return nil, fmt.Errorf("pod security checks: %w", err)
	}
	v.psa = psa
	return v, nil
}

// Validate checks every object of a YAML stream or KRM ResourceList with a
// new Validator. It returns an error only when the CRDs or the input cannot
// be read.
func Validate(stream []byte, opts Options) (Report, error) {
	v, err := New(opts)
	if err != nil {
		return Report{}, err
	}
	return v.Validate(stream)
}

// Validate checks every object of a YAML stream or KRM ResourceList.
// It returns an error only when the input cannot be parsed.
func (v *Validator) Validate(stream []byte) (Report, error) {
	in, err := parseInput(stream)
	if err != nil {
		return Report{}, err
	}
	var r Report
	for _, obj := range in.objects {
		r.Objects++
		r.Problems = append(r.Problems, v.check(obj, in.warned)...)
	}
	return r, nil
}

// check routes one object to its validator.
func (v *Validator) check(obj map[string]any, warned map[Ref]bool) []Problem {
	ps := &problems{ref: refOf(obj)}
	if ps.ref.APIVersion == "" || ps.ref.Kind == "" {
		ps.add(ClassInvalid, "", "apiVersion and kind are required")
		return ps.list
	}
	gvk := gvkOf(ps.ref)
	if isLocalConfig(obj) {
		return nil // never applied to a cluster
	}
	stripFunctionAnnotations(obj)

	b, isBuiltin := builtins[gvk]
	crd, isCRD := v.crds[gvk.GroupKind()]
	sk, isStructural := structuralKinds[gvk]
	var namespaced bool
	switch {
	case isBuiltin:
		namespaced = b.strategy.NamespaceScoped()
	case isCRD:
		namespaced = crd.namespaced
	case isStructural:
		namespaced = true
	case v.crds == nil:
		ps.add(ClassUnsupported, "", "no validator for %s (no CRD directory given)", gvk)
		return ps.list
	default:
		ps.add(ClassUnsupported, "", "no validator for %s", gvk)
		return ps.list
	}
	// Problems name the object as written; validation sees the namespace
	// kubectl would apply it to.
	ns := ps.ref.Namespace
	if namespaced && ns == "" {
		if v.opts.RequireNamespace {
			ps.add(ClassNamespace, "metadata.namespace", "Required value: namespaced object has no namespace")
		}
		ns = v.opts.Namespace
		setNamespace(obj, ns)
	}

	switch {
	case isBuiltin:
		versioned := createBuiltin(b, gvk, obj, "", ps)
		switch o := versioned.(type) {
		case *corev1.Pod:
			v.checkPodSecurity(&o.ObjectMeta, &o.Spec, "spec", ps)
		case *appsv1.StatefulSet:
			v.checkPodSecurity(&o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec, "spec.template.spec", ps)
		case *appsv1.Deployment:
			v.checkPodSecurity(&o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec, "spec.template.spec", ps)
		case *batchv1.Job:
			inNS := ps.ref
			inNS.Namespace = ns
			v.checkBuildJobSecurity(o, warned[ps.ref] || warned[inNS], ps)
		}
	case isCRD:
		createCustom(crd, gvk, runtime.DeepCopyJSON(obj), ps)
		if gvk == podSetGVK {
			v.checkPodSetPods(obj, ns, ps)
		}
	case isStructural:
		checkStructural(sk, obj, ps)
	}
	return ps.list
}
