package kubevalidate

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	structuraldefaulting "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	schemaobjectmeta "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/objectmeta"
	structuralpruning "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	"k8s.io/apiextensions-apiserver/pkg/registry/customresource"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/unstructuredscheme"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apiserver/pkg/registry/rest"
	"sigs.k8s.io/yaml"
)

// crdKind is one custom resource kind with what kube-apiserver builds for
// each served version.
type crdKind struct {
	name       string // plural.group, for messages
	namespaced bool
	versions   map[string]*crdVersion
}

type crdVersion struct {
	structural *structuralschema.Structural
	strategy   rest.RESTCreateStrategy
	resource   string
}

// loadCRDs reads every CustomResourceDefinition in the YAML files of dir
// (other documents are skipped) and prepares validation as the
// apiextensions-apiserver does when it starts serving a CRD.
func loadCRDs(dir string) (map[schema.GroupKind]*crdKind, error) {
	files, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	kinds := map[schema.GroupKind]*crdKind{}
	for _, f := range files {
		ext := filepath.Ext(f.Name())
		if f.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		path := filepath.Join(dir, f.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if err := eachDocument(data, func(doc []byte) error {
			var crd apiextensionsv1.CustomResourceDefinition
			if err := yaml.Unmarshal(doc, &crd); err != nil {
				return err
			}
			if crd.Kind != "CustomResourceDefinition" {
				return nil
			}
			k, err := newCRDKind(&crd)
			if err != nil {
				return fmt.Errorf("CRD %s: %w", crd.Name, err)
			}
			kinds[schema.GroupKind{Group: crd.Spec.Group, Kind: crd.Spec.Names.Kind}] = k
			return nil
		}); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return kinds, nil
}

func newCRDKind(v1crd *apiextensionsv1.CustomResourceDefinition) (*crdKind, error) {
	apiextensionsv1.SetObjectDefaults_CustomResourceDefinition(v1crd)
	crd := &apiextensions.CustomResourceDefinition{}
	if err := apiextensionsv1.Convert_v1_CustomResourceDefinition_To_apiextensions_CustomResourceDefinition(v1crd, crd, nil); err != nil {
		return nil, err
	}
	k := &crdKind{
		name:       crd.Name,
		namespaced: crd.Spec.Scope == apiextensions.NamespaceScoped,
		versions:   map[string]*crdVersion{},
	}
	for i, ver := range crd.Spec.Versions {
		if !ver.Served {
			continue
		}
		val, err := apiextensions.GetSchemaForVersion(crd, ver.Name)
		if err != nil || val == nil || val.OpenAPIV3Schema == nil {
			return nil, fmt.Errorf("version %s has no schema: %v", ver.Name, err)
		}
		s, err := structuralschema.NewStructural(val.OpenAPIV3Schema)
		if err != nil {
			return nil, fmt.Errorf("version %s: %w", ver.Name, err)
		}
		s = s.DeepCopy() // defaults are shared with the CRD
		if err := structuraldefaulting.PruneDefaults(s); err != nil {
			return nil, fmt.Errorf("version %s: %w", ver.Name, err)
		}
		validator, _, err := apiservervalidation.NewSchemaValidator(val.OpenAPIV3Schema)
		if err != nil {
			return nil, fmt.Errorf("version %s: %w", ver.Name, err)
		}
		sub, err := apiextensions.GetSubresourcesForVersion(crd, ver.Name)
		if err != nil {
			return nil, err
		}
		var status *apiextensions.CustomResourceSubresourceStatus
		var statusValidator apiservervalidation.SchemaValidator
		var scale *apiextensions.CustomResourceSubresourceScale
		if sub != nil {
			scale = sub.Scale
			if sub.Status != nil {
				status = sub.Status
				if st, ok := val.OpenAPIV3Schema.Properties["status"]; ok {
					if statusValidator, _, err = apiservervalidation.NewSchemaValidator(&st); err != nil {
						return nil, err
					}
				}
			}
		}
		gvk := schema.GroupVersionKind{Group: crd.Spec.Group, Version: ver.Name, Kind: crd.Spec.Names.Kind}
		k.versions[ver.Name] = &crdVersion{
			structural: s,
			strategy: customresource.NewStrategy(unstructuredscheme.NewUnstructuredObjectTyper(), k.namespaced, gvk,
				validator, statusValidator, s, status, scale, v1crd.Spec.Versions[i].SelectableFields),
			resource: crd.Spec.Names.Plural,
		}
	}
	return k, nil
}

// served lists the served versions, for messages.
func (k *crdKind) served() string {
	var vs []string
	for v := range k.versions {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	return strings.Join(vs, ", ")
}

// createCustom runs a custom resource through what apiextensions-apiserver
// does on create: pruning with unknown-field reporting (fieldValidation=Strict),
// metadata coercion, structural defaulting, then rest.BeforeCreate with the
// custom resource strategy (schema validation, embedded objects, list types,
// CEL rules with the server's cost limits).
func createCustom(k *crdKind, gvk schema.GroupVersionKind, obj map[string]any, ps *problems) {
	ver, ok := k.versions[gvk.Version]
	if !ok {
		ps.add(ClassInvalid, "apiVersion", "version %s of %s is not served by the CRD (served: %s)", gvk.Version, k.name, k.served())
		return
	}
	u := &unstructured.Unstructured{Object: obj}
	meta, found, unknown, err := schemaobjectmeta.GetObjectMetaWithOptions(u.Object,
		schemaobjectmeta.ObjectMetaOptions{ReturnUnknownFieldPaths: true})
	if err != nil {
		ps.add(ClassInvalid, "metadata", "%v", err)
		return
	}
	unknown = append(unknown, structuralpruning.PruneWithOptions(u.Object, ver.structural, true,
		structuralschema.UnknownFieldPathOptions{TrackUnknownFieldPaths: true})...)
	structuraldefaulting.PruneNonNullableNullsWithoutDefaults(u.Object, ver.structural)
	ferr, paths := schemaobjectmeta.CoerceWithOptions(nil, u.Object, ver.structural, false,
		schemaobjectmeta.CoerceOptions{ReturnUnknownFieldPaths: true})
	if ferr != nil {
		ps.add(ClassInvalid, ferr.Field, "%s", ferr.ErrorBody())
		return
	}
	unknown = append(unknown, paths...)
	for _, p := range unknown {
		ps.add(ClassInvalid, p, "unknown field")
	}
	u.SetAPIVersion(gvk.GroupVersion().String())
	u.SetKind(gvk.Kind)
	if found {
		if err := schemaobjectmeta.SetObjectMeta(u.Object, meta); err != nil {
			ps.add(ClassInvalid, "metadata", "%v", err)
			return
		}
	}
	structuraldefaulting.Default(u.Object, ver.structural)
	if err := beforeCreate(ver.strategy, u, gvk, ver.resource); err != nil {
		addStatusError(ps, "", err)
	}
}
