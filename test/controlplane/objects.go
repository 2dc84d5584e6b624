package controlplane

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// ReadObjects reads the objects of a YAML stream, or of every .yaml, .yml
// and .json file of a directory in name order, as kubectl apply -f does.
func ReadObjects(path string) ([]*unstructured.Unstructured, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	files := []string{path}
	if info.IsDir() {
		files = nil
		err := filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch filepath.Ext(p) {
			case ".yaml", ".yml", ".json":
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
	}
	var objects []*unstructured.Unstructured
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		decoder := utilyaml.NewYAMLOrJSONDecoder(f, 4096)
		for {
			var o map[string]any
			if err := decoder.Decode(&o); err != nil {
				f.Close()
				if errors.Is(err, io.EOF) {
					break
				}
				return nil, fmt.Errorf("%s: %w", file, err)
			}
			if len(o) > 0 {
				objects = append(objects, &unstructured.Unstructured{Object: o})
			}
		}
	}
	return objects, nil
}

// ID names an object as kubectl prints it: kind/namespace/name.
func ID(o *unstructured.Unstructured) string {
	if o.GetNamespace() == "" {
		return o.GetKind() + "/" + o.GetName()
	}
	return o.GetKind() + "/" + o.GetNamespace() + "/" + o.GetName()
}

// OfKind are the objects of one kind.
func OfKind(objects []*unstructured.Unstructured, kind string) []*unstructured.Unstructured {
	var out []*unstructured.Unstructured
	for _, o := range objects {
		if o.GetKind() == kind {
			out = append(out, o)
		}
	}
	return out
}

// Namespaces are the namespaces the objects live in, sorted.
func Namespaces(objects []*unstructured.Unstructured) []string {
	seen := map[string]bool{}
	for _, o := range objects {
		if ns := o.GetNamespace(); ns != "" {
			seen[ns] = true
		}
	}
	var out []string
	for ns := range seen {
		out = append(out, ns)
	}
	sort.Strings(out)
	return out
}

func (cp *ControlPlane) resource(o *unstructured.Unstructured) (*meta.RESTMapping, error) {
	gvk := o.GroupVersionKind()
	m, err := cp.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	if meta.IsNoMatchError(err) {
		// A CRD installed since the last discovery.
		cp.mapper.Reset()
		m, err = cp.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	}
	return m, err
}

// Get returns the live object with o's kind, namespace and name.
func (cp *ControlPlane) Get(ctx context.Context, o *unstructured.Unstructured) (*unstructured.Unstructured, error) {
	m, err := cp.resource(o)
	if err != nil {
		return nil, err
	}
	if m.Scope.Name() == meta.RESTScopeNameNamespace {
		return cp.Dynamic.Resource(m.Resource).Namespace(o.GetNamespace()).Get(ctx, o.GetName(), metav1.GetOptions{})
	}
	return cp.Dynamic.Resource(m.Resource).Get(ctx, o.GetName(), metav1.GetOptions{})
}

// Missing lists the objects the cluster does not have.
func (cp *ControlPlane) Missing(ctx context.Context, objects []*unstructured.Unstructured) ([]string, error) {
	var missing []string
	for _, o := range objects {
		_, err := cp.Get(ctx, o)
		switch {
		case apierrors.IsNotFound(err):
			missing = append(missing, ID(o))
		case err != nil:
			return nil, fmt.Errorf("get %s: %w", ID(o), err)
		}
	}
	return missing, nil
}

// CreateNamespaces creates the namespaces that do not exist yet.
func (cp *ControlPlane) CreateNamespaces(ctx context.Context, names ...string) error {
	for _, name := range names {
		_, err := cp.Client.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name}}, metav1.CreateOptions{})
		if err != nil && !apierrors.IsAlreadyExists(err) {
			return fmt.Errorf("create namespace %s: %w", name, err)
		}
	}
	return nil
}

// ProvideVolumes creates, for every PersistentVolumeClaim among objects, a
// PersistentVolume of the requested size reserved for it (claimRef), as a
// static provisioner would: with no storage class the scheduler waits for
// a bound claim. A volume left from an earlier claim of the same name is
// replaced.
func (cp *ControlPlane) ProvideVolumes(ctx context.Context, objects []*unstructured.Unstructured) error {
	for _, o := range OfKind(objects, "PersistentVolumeClaim") {
		var claim corev1.PersistentVolumeClaim
		if err := fromUnstructured(o, &claim); err != nil {
			return err
		}
		name := volumeName(claim.Namespace, claim.Name)
		err := cp.Client.CoreV1().PersistentVolumes().Delete(ctx, name, metav1.DeleteOptions{})
		if err != nil && !apierrors.IsNotFound(err) {
			return err
		}
		if err := cp.poll(ctx, "volume "+name+" deleted", func(ctx context.Context) (bool, error) {
			_, err := cp.Client.CoreV1().PersistentVolumes().Get(ctx, name, metav1.GetOptions{})
			return apierrors.IsNotFound(err), ignoreNotFound(err)
		}); err != nil {
			return err
		}
		mode := corev1.PersistentVolumeFilesystem
		if claim.Spec.VolumeMode != nil {
			mode = *claim.Spec.VolumeMode
		}
		pv := &corev1.PersistentVolume{
			ObjectMeta: metav1.ObjectMeta{Name: name},
			Spec: corev1.PersistentVolumeSpec{
				Capacity:                      corev1.ResourceList{corev1.ResourceStorage: claim.Spec.Resources.Requests[corev1.ResourceStorage]},
				AccessModes:                   claim.Spec.AccessModes,
				VolumeMode:                    &mode,
				PersistentVolumeReclaimPolicy: corev1.PersistentVolumeReclaimRetain,
				ClaimRef:                      &corev1.ObjectReference{Kind: "PersistentVolumeClaim", Namespace: claim.Namespace, Name: claim.Name},
				PersistentVolumeSource: corev1.PersistentVolumeSource{
					HostPath: &corev1.HostPathVolumeSource{Path: "/kwok/volumes/" + name},
				},
			},
		}
		if claim.Spec.StorageClassName != nil {
			pv.Spec.StorageClassName = *claim.Spec.StorageClassName
		}
		if _, err := cp.Client.CoreV1().PersistentVolumes().Create(ctx, pv, metav1.CreateOptions{}); err != nil {
			return fmt.Errorf("create volume for %s/%s: %w", claim.Namespace, claim.Name, err)
		}
	}
	return nil
}

// EnsureVolumes creates, as ProvideVolumes does, a volume reserved for
// each claim (here the claims a StatefulSet will create) that has none
// yet; an existing volume is left alone, bound or not.
func (cp *ControlPlane) EnsureVolumes(ctx context.Context, claims map[string]corev1.PersistentVolumeClaim) error {
	var missing []*unstructured.Unstructured
	for _, claim := range claims {
		_, err := cp.Client.CoreV1().PersistentVolumes().Get(ctx, volumeName(claim.Namespace, claim.Name), metav1.GetOptions{})
		if err == nil {
			continue
		}
		if !apierrors.IsNotFound(err) {
			return err
		}
		claim.APIVersion, claim.Kind = "v1", "PersistentVolumeClaim"
		o, err := runtime.DefaultUnstructuredConverter.ToUnstructured(&claim)
		if err != nil {
			return err
		}
		missing = append(missing, &unstructured.Unstructured{Object: o})
	}
	return cp.ProvideVolumes(ctx, missing)
}

func volumeName(namespace, claim string) string {
	name := "pv-" + namespace + "-" + claim
	if len(name) > 253 {
		name = name[:253]
	}
	return name
}

// InstallCRDs applies every CRD file of dir server-side (Strimzi's CRDs
// are too large for client-side apply's annotation) and waits until the
// API server serves them.
func (cp *ControlPlane) InstallCRDs(ctx context.Context, dir string) error {
	if r := cp.Apply(ctx, dir, ApplyOptions{ServerSide: true}); r.Err != nil {
		return fmt.Errorf("install CRDs from %s: %v\n%s", dir, r.Err, r.Stderr)
	}
	return cp.waitCRDsEstablished(ctx)
}

// StandIn is a CRD for a kind whose real API this cluster lacks (a
// ServiceExport, an ApplicationSet): it accepts any content, so objects of
// that kind can be created, but checks none of it.
type StandIn struct {
	Group, Version, Kind, Plural string
}

// InstallStandIns creates open namespaced CRDs for the kinds.
func (cp *ControlPlane) InstallStandIns(ctx context.Context, kinds ...StandIn) error {
	for _, k := range kinds {
		crd := &unstructured.Unstructured{Object: map[string]any{
			"apiVersion": "apiextensions.k8s.io/v1",
			"kind":       "CustomResourceDefinition",
			"metadata":   map[string]any{"name": k.Plural + "." + k.Group},
			"spec": map[string]any{
				"group": k.Group,
				"scope": "Namespaced",
				"names": map[string]any{"kind": k.Kind, "plural": k.Plural, "singular": strings.ToLower(k.Kind), "listKind": k.Kind + "List"},
				"versions": []any{map[string]any{
					"name": k.Version, "served": true, "storage": true,
					"schema": map[string]any{"openAPIV3Schema": map[string]any{
						"type": "object", "x-kubernetes-preserve-unknown-fields": true,
					}},
				}},
			},
		}}
		if _, err := cp.Dynamic.Resource(crdResource).Create(ctx, crd, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
			return fmt.Errorf("create stand-in CRD for %s: %w", k.Kind, err)
		}
	}
	return cp.waitCRDsEstablished(ctx)
}

var crdResource = schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"}

// waitCRDsEstablished waits until every CRD has its Established
// condition. (kubectl wait --all fails on a CRD that has no conditions
// yet.)
func (cp *ControlPlane) waitCRDsEstablished(ctx context.Context) error {
	err := cp.poll(ctx, "CRDs established", func(ctx context.Context) (bool, error) {
		list, err := cp.Dynamic.Resource(crdResource).List(ctx, metav1.ListOptions{})
		if err != nil {
			return false, err
		}
		for _, crd := range list.Items {
			if !hasCondition(crd.Object, "Established") {
				return false, nil
			}
		}
		return true, nil
	})
	cp.mapper.Reset()
	return err
}

// hasCondition reports whether status.conditions holds type with status
// "True".
func hasCondition(object map[string]any, conditionType string) bool {
	conditions, _, _ := unstructured.NestedSlice(object, "status", "conditions")
	for _, c := range conditions {
		if c, ok := c.(map[string]any); ok && c["type"] == conditionType && c["status"] == "True" {
			return true
		}
	}
	return false
}

// WaitPodsReady waits until every named pod of namespace exists and is
// Ready. On timeout the error gives each pod's phase, conditions and the
// scheduler's last word.
func (cp *ControlPlane) WaitPodsReady(ctx context.Context, namespace string, names ...string) error {
	pods := cp.Client.CoreV1().Pods(namespace)
	err := cp.poll(ctx, fmt.Sprintf("pods %v Ready", names), func(ctx context.Context) (bool, error) {
		for _, name := range names {
			pod, err := pods.Get(ctx, name, metav1.GetOptions{})
			if err != nil {
				return false, ignoreNotFound(err)
			}
			if !PodReady(pod) {
				return false, nil
			}
		}
		return true, nil
	})
	if err != nil {
		return fmt.Errorf("%w\n%s", err, cp.describePods(namespace, names))
	}
	return nil
}

// PodReady reports the pod's Ready condition.
func PodReady(pod *corev1.Pod) bool {
	for _, c := range pod.Status.Conditions {
		if c.Type == corev1.PodReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

func (cp *ControlPlane) describePods(namespace string, names []string) string {
	ctx := context.Background()
	var b strings.Builder
	for _, name := range names {
		pod, err := cp.Client.CoreV1().Pods(namespace).Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			fmt.Fprintf(&b, "pod %s: %v\n", name, err)
			continue
		}
		fmt.Fprintf(&b, "pod %s: phase %s node %q", name, pod.Status.Phase, pod.Spec.NodeName)
		for _, c := range pod.Status.Conditions {
			fmt.Fprintf(&b, "; %s=%s %s", c.Type, c.Status, c.Message)
		}
		b.WriteString("\n")
	}
	events, err := cp.Client.CoreV1().Events(namespace).List(ctx, metav1.ListOptions{})
	if err == nil {
		for _, e := range events.Items {
			if e.Type == corev1.EventTypeWarning {
				fmt.Fprintf(&b, "event %s/%s: %s: %s\n", e.InvolvedObject.Kind, e.InvolvedObject.Name, e.Reason, e.Message)
			}
		}
	}
	return b.String()
}

// WaitJobsComplete waits until every named Job of namespace has completed.
func (cp *ControlPlane) WaitJobsComplete(ctx context.Context, namespace string, names ...string) error {
	return cp.poll(ctx, fmt.Sprintf("jobs %v complete", names), func(ctx context.Context) (bool, error) {
		for _, name := range names {
			job, err := cp.Client.BatchV1().Jobs(namespace).Get(ctx, name, metav1.GetOptions{})
			if err != nil {
				return false, ignoreNotFound(err)
			}
			complete := false
			for _, c := range job.Status.Conditions {
				if c.Type == batchv1.JobComplete && c.Status == corev1.ConditionTrue {
					complete = true
				}
			}
			if !complete {
				return false, nil
			}
		}
		return true, nil
	})
}

// WaitGone waits until the object no longer exists.
func (cp *ControlPlane) WaitGone(ctx context.Context, o *unstructured.Unstructured) error {
	return cp.poll(ctx, ID(o)+" gone", func(ctx context.Context) (bool, error) {
		_, err := cp.Get(ctx, o)
		return apierrors.IsNotFound(err), ignoreNotFound(err)
	})
}

func fromUnstructured(o *unstructured.Unstructured, into any) error {
	if err := runtime.DefaultUnstructuredConverter.FromUnstructured(o.Object, into); err != nil {
		return fmt.Errorf("%s: %w", ID(o), err)
	}
	return nil
}
