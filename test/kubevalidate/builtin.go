package kubevalidate

import (
	"context"
	"encoding/json"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	kjson "k8s.io/apimachinery/pkg/runtime/serializer/json"
	genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	apiservice "k8s.io/kubernetes/pkg/api/service"
	"k8s.io/kubernetes/pkg/apis/core"
	"k8s.io/kubernetes/pkg/capabilities"
	"k8s.io/kubernetes/pkg/registry/apps/deployment"
	"k8s.io/kubernetes/pkg/registry/apps/statefulset"
	"k8s.io/kubernetes/pkg/registry/batch/job"
	"k8s.io/kubernetes/pkg/registry/core/configmap"
	"k8s.io/kubernetes/pkg/registry/core/persistentvolumeclaim"
	"k8s.io/kubernetes/pkg/registry/core/pod"
	"k8s.io/kubernetes/pkg/registry/core/secret"
	"k8s.io/kubernetes/pkg/registry/core/service"
	"k8s.io/kubernetes/pkg/registry/core/serviceaccount"
	"k8s.io/kubernetes/pkg/registry/networking/ingress"
	"k8s.io/kubernetes/pkg/registry/networking/networkpolicy"
	"k8s.io/kubernetes/pkg/registry/policy/poddisruptionbudget"
	"k8s.io/kubernetes/pkg/registry/rbac/clusterrolebinding"
	"k8s.io/kubernetes/pkg/registry/rbac/role"
	"k8s.io/kubernetes/pkg/registry/rbac/rolebinding"

	// The API groups must be in legacyscheme for decoding, defaulting and
	// conversion, as in kube-apiserver.
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	_ "k8s.io/kubernetes/pkg/apis/networking/install"
	_ "k8s.io/kubernetes/pkg/apis/policy/install"
	_ "k8s.io/kubernetes/pkg/apis/rbac/install"
)

// builtin is a kind served by kube-apiserver: its registry strategy, the
// resource name the request info carries, and what its REST storage does to
// the object before rest.BeforeCreate, if anything.
type builtin struct {
	strategy    rest.RESTCreateStrategy
	resource    string
	beginCreate func(runtime.Object)
}

func init() {
	// Clusters run kube-apiserver with --allow-privileged=true (kubeadm, kind
	// and managed clusters do); privileged Pods are left to Pod Security.
	capabilities.Setup(true, 0)
}

// builtins are the built-in kinds the function emits. Anything else fails
// with "no validator", so a new output kind has to be wired here.
var builtins = map[schema.GroupVersionKind]builtin{
	{Version: "v1", Kind: "Pod"}:                                                    {pod.Strategy, "pods", nil},
	{Version: "v1", Kind: "Service"}:                                                {service.Strategy, "services", syncClusterIPs},
	{Version: "v1", Kind: "ConfigMap"}:                                              {configmap.Strategy, "configmaps", nil},
	{Version: "v1", Kind: "Secret"}:                                                 {secret.Strategy, "secrets", nil},
	{Version: "v1", Kind: "PersistentVolumeClaim"}:                                  {persistentvolumeclaim.Strategy, "persistentvolumeclaims", nil},
	{Version: "v1", Kind: "ServiceAccount"}:                                         {serviceaccount.Strategy, "serviceaccounts", nil},
	{Group: "policy", Version: "v1", Kind: "PodDisruptionBudget"}:                   {poddisruptionbudget.Strategy, "poddisruptionbudgets", nil},
	{Group: "batch", Version: "v1", Kind: "Job"}:                                    {job.Strategy, "jobs", nil},
	{Group: "apps", Version: "v1", Kind: "StatefulSet"}:                             {statefulset.Strategy, "statefulsets", nil},
	{Group: "apps", Version: "v1", Kind: "Deployment"}:                              {deployment.Strategy, "deployments", nil},
	{Group: "networking.k8s.io", Version: "v1", Kind: "NetworkPolicy"}:              {networkpolicy.Strategy, "networkpolicies", nil},
	{Group: "networking.k8s.io", Version: "v1", Kind: "Ingress"}:                    {ingress.Strategy, "ingresses", nil},
	{Group: "rbac.authorization.k8s.io", Version: "v1", Kind: "Role"}:               {role.Strategy, "roles", nil},
	{Group: "rbac.authorization.k8s.io", Version: "v1", Kind: "RoleBinding"}:        {rolebinding.Strategy, "rolebindings", nil},
	{Group: "rbac.authorization.k8s.io", Version: "v1", Kind: "ClusterRoleBinding"}: {clusterrolebinding.Strategy, "clusterrolebindings", nil},
}

// strictCodec decodes JSON into the versioned Go types and reports unknown
// and duplicate fields, like a request with fieldValidation=Strict.
var strictCodec = kjson.NewSerializerWithOptions(kjson.DefaultMetaFactory, legacyscheme.Scheme, legacyscheme.Scheme,
	kjson.SerializerOptions{Strict: true})

// createBuiltin runs obj through kube-apiserver's create path: strict decode,
// defaulting, conversion to the internal version, system metadata, then
// rest.BeforeCreate with the kind's registry strategy (PrepareForCreate,
// Validate, declarative validation, object meta checks). It returns the
// defaulted versioned object, for the Pod Security checks, or nil when the
// object does not decode. Field paths are prefixed with prefix.
func createBuiltin(b builtin, gvk schema.GroupVersionKind, obj map[string]any, prefix string, ps *problems) runtime.Object {
	data, err := json.Marshal(obj)
	if err != nil {
		ps.add(ClassInvalid, prefix, "%v", err)
		return nil
	}
	versioned, _, err := strictCodec.Decode(data, &gvk, nil)
	if err != nil {
		strict, ok := runtime.AsStrictDecodingError(err)
		if !ok || versioned == nil {
			ps.add(ClassInvalid, prefix, "%v", err)
			return nil
		}
		for _, e := range strict.Errors() {
			addStrictError(ps, prefix, e)
		}
	}
	legacyscheme.Scheme.Default(versioned)

	internal, err := legacyscheme.Scheme.ConvertToVersion(versioned.DeepCopyObject(),
		schema.GroupVersion{Group: gvk.Group, Version: runtime.APIVersionInternal})
	if err != nil {
		ps.add(ClassInvalid, prefix, "converting to the internal version: %v", err)
		return nil
	}
	if b.beginCreate != nil {
		b.beginCreate(internal)
	}
	if err := beforeCreate(b.strategy, internal, gvk, b.resource); err != nil {
		addStatusError(ps, prefix, err)
	}
	return versioned
}

// syncClusterIPs copies spec.clusterIP into spec.clusterIPs when only the
// former is set, as the Service storage does before validation (an old
// client's headless Service sets only clusterIP: None). IP allocation, the
// rest of that step, needs the cluster and is not done. The storage also
// allocates the health check node port a LoadBalancer Service with
// externalTrafficPolicy Local needs before validation requires it; a
// placeholder from the default range stands in for it.
func syncClusterIPs(obj runtime.Object) {
	svc := obj.(*core.Service)
	if svc.Spec.ClusterIP != "" && len(svc.Spec.ClusterIPs) == 0 {
		svc.Spec.ClusterIPs = []string{svc.Spec.ClusterIP}
	}
	if apiservice.NeedsHealthCheck(svc) && svc.Spec.HealthCheckNodePort == 0 {
		svc.Spec.HealthCheckNodePort = allocatedHealthCheckNodePort
	}
}

// allocatedHealthCheckNodePort stands in for the port the allocator gives.
const allocatedHealthCheckNodePort = 30000

// beforeCreate fills the system metadata and the request context a create
// request would have, then calls rest.BeforeCreate.
func beforeCreate(strategy rest.RESTCreateStrategy, obj runtime.Object, gvk schema.GroupVersionKind, resource string) error {
	accessor, err := meta.Accessor(obj)
	if err != nil {
		return err
	}
	rest.FillObjectMetaSystemFields(accessor)
	ns := accessor.GetNamespace()
	prefix := "apis"
	if gvk.Group == "" {
		prefix = "api"
	}
	ctx := genericapirequest.WithRequestInfo(context.Background(), &genericapirequest.RequestInfo{
		IsResourceRequest: true,
		Verb:              "create",
		APIPrefix:         prefix,
		APIGroup:          gvk.Group,
		APIVersion:        gvk.Version,
		Namespace:         ns,
		Resource:          resource,
		Name:              accessor.GetName(),
	})
	ctx = genericapirequest.WithNamespace(ctx, ns)
	return rest.BeforeCreate(strategy, ctx, obj)
}

// addStrictError turns an "unknown field" or "duplicate field" error from
// the strict decoder into a problem at that field.
func addStrictError(ps *problems, prefix string, err error) {
	type fieldPather interface{ FieldPath() string }
	fp, ok := err.(fieldPather)
	if !ok {
		ps.add(ClassInvalid, prefix, "%v", err)
		return
	}
	msg, _, _ := strings.Cut(err.Error(), ` "`) // "unknown field" or "duplicate field"
	ps.add(ClassInvalid, joinPath(prefix, fp.FieldPath()), "%s", msg)
}

// addStatusError lists the causes of an API error (one per invalid field)
// as problems, or the whole message when there are none.
func addStatusError(ps *problems, prefix string, err error) {
	status, ok := err.(apierrors.APIStatus)
	if !ok || status.Status().Details == nil || len(status.Status().Details.Causes) == 0 {
		ps.add(ClassInvalid, prefix, "%v", err)
		return
	}
	for _, c := range status.Status().Details.Causes {
		ps.add(ClassInvalid, joinPath(prefix, c.Field), "%s", c.Message)
	}
}

// joinPath prefixes a field path, as in spec.pods[0].spec.containers.
func joinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "" || path == "<nil>":
		return prefix
	case strings.HasPrefix(path, "["):
		return prefix + path
	}
	return prefix + "." + path
}
