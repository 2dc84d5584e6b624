package kubevalidate

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"k8s.io/apimachinery/pkg/runtime/schema"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

// Annotation prefixes that kustomize and kpt add to items; stripped so only
// what would reach the cluster is validated.
var functionAnnotationPrefixes = []string{"config.kubernetes.io/", "internal.config.kubernetes.io/"}

// input is the parsed stream: its objects and, for a ResourceList, the
// resources that a warning result names.
type input struct {
	objects []map[string]any
	warned  map[Ref]bool
}

// parseInput reads a multi-document YAML stream or a single ResourceList.
// Duplicate keys are errors, as with the API server's strict decoding.
func parseInput(stream []byte) (*input, error) {
	in := &input{warned: map[Ref]bool{}}
	i := 0
	err := eachDocument(stream, func(doc []byte) error {
		defer func() { i++ }()
		js, err := yaml.YAMLToJSONStrict(doc)
		if err != nil {
			return fmt.Errorf("parsing document %d: %w", i, err)
		}
		var v any // numbers become int64 or float64, as in the API server
		if err := utiljson.Unmarshal(js, &v); err != nil {
			return fmt.Errorf("parsing document %d: %w", i, err)
		}
		if v == nil {
			return nil // empty document or comments only
		}
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("document %d is a %T, not an object", i, v)
		}
		if m["kind"] == "ResourceList" && m["apiVersion"] == "config.kubernetes.io/v1" {
			return in.addResourceList(m)
		}
		in.objects = append(in.objects, m)
		return nil
	})
	return in, err
}

// eachDocument calls fn for each document of a YAML stream.
func eachDocument(stream []byte, fn func(doc []byte) error) error {
	reader := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(stream)))
	for {
		doc, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
}

func (in *input) addResourceList(rl map[string]any) error {
	items, _ := rl["items"].([]any)
	for i, item := range items {
		m, ok := item.(map[string]any)
		if !ok {
			return fmt.Errorf("ResourceList items[%d] is a %T, not an object", i, item)
		}
		in.objects = append(in.objects, m)
	}
	results, _ := rl["results"].([]any)
	for _, r := range results {
		m, _ := r.(map[string]any)
		if m["severity"] != "warning" {
			continue
		}
		ref, _ := m["resourceRef"].(map[string]any)
		in.warned[Ref{
			APIVersion: str(ref["apiVersion"]),
			Kind:       str(ref["kind"]),
			Namespace:  str(ref["namespace"]),
			Name:       str(ref["name"]),
		}] = true
	}
	return nil
}

// refOf reads the identity of an object as written in the input.
func refOf(obj map[string]any) Ref {
	meta, _ := obj["metadata"].(map[string]any)
	return Ref{
		APIVersion: str(obj["apiVersion"]),
		Kind:       str(obj["kind"]),
		Namespace:  str(meta["namespace"]),
		Name:       str(meta["name"]),
	}
}

func gvkOf(ref Ref) schema.GroupVersionKind {
	return schema.FromAPIVersionAndKind(ref.APIVersion, ref.Kind)
}

// stripFunctionAnnotations removes the KRM function bookkeeping annotations.
// isLocalConfig reports objects marked config.kubernetes.io/local-config,
// such as the Kptfile and function configs, which no tool applies.
func isLocalConfig(obj map[string]any) bool {
	meta, _ := obj["metadata"].(map[string]any)
	annotations, _ := meta["annotations"].(map[string]any)
	_, local := annotations["config.kubernetes.io/local-config"]
	return local
}

func stripFunctionAnnotations(obj map[string]any) {
	meta, _ := obj["metadata"].(map[string]any)
	annotations, _ := meta["annotations"].(map[string]any)
	for k := range annotations {
		for _, p := range functionAnnotationPrefixes {
			if strings.HasPrefix(k, p) {
				delete(annotations, k)
			}
		}
	}
	if annotations != nil && len(annotations) == 0 {
		delete(meta, "annotations")
	}
}

// setNamespace writes metadata.namespace, creating metadata if absent; a
// malformed metadata is left for the decoder to report.
func setNamespace(obj map[string]any, ns string) {
	if obj["metadata"] == nil {
		obj["metadata"] = map[string]any{}
	}
	if meta, ok := obj["metadata"].(map[string]any); ok {
		meta["namespace"] = ns
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
