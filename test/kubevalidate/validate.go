package kubevalidate

// DefaultNamespace is used for namespaced objects without a namespace,
// as kubectl does with its default context.
const DefaultNamespace = "default"

// Options configure a Validator.
type Options struct {
	// Namespace replaces a missing metadata.namespace; DefaultNamespace if empty.
	Namespace string
	// RequireNamespace also reports each namespaced object without a
	// namespace, as a ClassNamespace problem.
	RequireNamespace bool
}

// Validator checks objects as kube-apiserver would on create. It can be
// reused.
type Validator struct {
	opts Options
}

// New prepares a Validator.
func New(opts Options) (*Validator, error) {
	if opts.Namespace == "" {
		opts.Namespace = DefaultNamespace
	}
	return &Validator{opts: opts}, nil
}

// Validate checks every object of a YAML stream or KRM ResourceList with a
// new Validator. It returns an error only when the input cannot be read.
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
		r.Problems = append(r.Problems, v.check(obj)...)
	}
	return r, nil
}

// check routes one object to its validator.
func (v *Validator) check(obj map[string]any) []Problem {
	ps := &problems{ref: refOf(obj)}
	if ps.ref.APIVersion == "" || ps.ref.Kind == "" {
		ps.add(ClassInvalid, "", "apiVersion and kind are required")
		return ps.list
	}
	gvk := gvkOf(ps.ref)
	stripFunctionAnnotations(obj)

	b, ok := builtins[gvk]
	if !ok {
		ps.add(ClassUnsupported, "", "no validator for %s", gvk)
		return ps.list
	}
	// Problems name the object as written; validation sees the namespace
	// kubectl would apply it to.
	if ps.ref.Namespace == "" && b.strategy.NamespaceScoped() {
		if v.opts.RequireNamespace {
			ps.add(ClassNamespace, "metadata.namespace", "Required value: namespaced object has no namespace")
		}
		setNamespace(obj, v.opts.Namespace)
	}
	createBuiltin(b, gvk, obj, "", ps)
	return ps.list
}
