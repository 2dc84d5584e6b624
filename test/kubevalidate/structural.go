package kubevalidate

import (
	"slices"
	"strings"

	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// structuralKind describes a kind whose server-side rules are not in
// k8s.io/kubernetes. The check is structural only: known top-level fields,
// valid object metadata and name, and the spec fields the API requires.
// It does not know these APIs' own validation.
type structuralKind struct {
	nameRule apivalidation.ValidateNameFunc
	required []string // dotted paths that must be present
	// specFields, when set, are the only fields spec may have.
	specFields []string
}

var structuralKinds = map[schema.GroupVersionKind]structuralKind{
	// OpenShift Build API: BuildConfigSpec requires strategy (with its type).
	{Group: "build.openshift.io", Version: "v1", Kind: "BuildConfig"}: {
		nameRule: apivalidation.NameIsDNSSubdomain,
		required: []string{"spec", "spec.strategy", "spec.strategy.type"},
	},
	// Multi-Cluster Services API: the name must be that of a Service.
	{Group: "multicluster.x-k8s.io", Version: "v1alpha1", Kind: "ServiceExport"}: {
		nameRule: apivalidation.NameIsDNS1035Label,
	},
	// cert-manager: a Certificate needs the Secret to write and its issuer
	// (CertificateSpec of cert-manager.io/v1); the full schema is
	// cert-manager's, which this module does not import.
	{Group: "cert-manager.io", Version: "v1", Kind: "Certificate"}: {
		nameRule: apivalidation.NameIsDNSSubdomain,
		required: []string{"spec", "spec.secretName", "spec.issuerRef", "spec.issuerRef.name"},
		specFields: []string{"subject", "literalSubject", "commonName", "duration", "renewBefore", "renewBeforePercentage",
			"dnsNames", "ipAddresses", "uris", "otherNames", "emailAddresses", "secretName", "secretTemplate", "keystores",
			"issuerRef", "isCA", "usages", "privateKey", "signatureAlgorithm", "encodeUsagesInRequest", "revisionHistoryLimit",
			"additionalOutputFormats", "nameConstraints"},
	},
	// Argo CD: the ApplicationSet CRD requires generators and template.
	{Group: "argoproj.io", Version: "v1alpha1", Kind: "ApplicationSet"}: {
		nameRule: apivalidation.NameIsDNSSubdomain,
		required: []string{"spec", "spec.generators", "spec.template"},
	},
}

var topLevelFields = []string{"apiVersion", "kind", "metadata", "spec", "status"}

func checkStructural(k structuralKind, obj map[string]any, ps *problems) {
	for key := range obj {
		if !slices.Contains(topLevelFields, key) {
			ps.add(ClassInvalid, key, "unknown field")
		}
	}
	var meta metav1.ObjectMeta
	rawMeta, _ := obj["metadata"].(map[string]any)
	if err := runtime.DefaultUnstructuredConverter.FromUnstructuredWithValidation(rawMeta, &meta, true); err != nil {
		ps.add(ClassInvalid, "metadata", "%v", err)
		return
	}
	for _, e := range apivalidation.ValidateObjectMeta(&meta, true, k.nameRule, field.NewPath("metadata")) {
		ps.add(ClassInvalid, e.Field, "%s", e.ErrorBody())
	}
	for _, path := range k.required {
		if !hasPath(obj, path) {
			ps.add(ClassInvalid, path, "Required value")
		}
	}
	if s, ok := obj["spec"]; ok {
		spec, isMap := s.(map[string]any)
		if !isMap {
			ps.add(ClassInvalid, "spec", "must be an object")
		}
		for key := range spec {
			if len(k.specFields) > 0 && !slices.Contains(k.specFields, key) {
				ps.add(ClassInvalid, "spec."+key, "unknown field")
			}
		}
	}
}

// hasPath reports whether a dotted path of object keys is set and not null.
func hasPath(obj map[string]any, path string) bool {
	var cur any = obj
	for _, key := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[key]; !ok || cur == nil {
			return false
		}
	}
	return true
}
