package certmanager

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	apiyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

// ClusterAnnotation names the stretch bundle (Kubernetes cluster) an object
// belongs to; objects without it all go to one cluster.
const ClusterAnnotation = "strimzi-render.dev/cluster"

// Object is one rendered object: its identity, the bundle it belongs to and
// its JSON form, decoded into typed structs where a check needs them.
type Object struct {
	APIVersion, Kind, Namespace, Name string
	Cluster                           string
	JSON                              []byte
	Map                               map[string]any
}

func (o Object) String() string {
	s := fmt.Sprintf("%s %s/%s", o.Kind, o.Namespace, o.Name)
	if o.Cluster != "" {
		s += " in cluster " + o.Cluster
	}
	return s
}

// ParseStream splits a YAML stream into objects.
func ParseStream(stream []byte) ([]Object, error) {
	r := apiyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(stream)))
	var objs []Object
	for {
		doc, err := r.Read()
		if errors.Is(err, io.EOF) {
			return objs, nil
		}
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		j, err := yaml.YAMLToJSON(doc)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := yaml.Unmarshal(j, &m); err != nil {
			return nil, err
		}
		if m == nil {
			continue
		}
		o := Object{JSON: j, Map: m}
		o.APIVersion, _ = m["apiVersion"].(string)
		o.Kind, _ = m["kind"].(string)
		md, _ := m["metadata"].(map[string]any)
		o.Namespace, _ = md["namespace"].(string)
		o.Name, _ = md["name"].(string)
		if ann, ok := md["annotations"].(map[string]any); ok {
			o.Cluster, _ = ann[ClusterAnnotation].(string)
		}
		objs = append(objs, o)
	}
}

// Flatten replaces each KRM ResourceList by its function config and items.
func Flatten(objs []Object) ([]Object, error) {
	var out []Object
	for _, o := range objs {
		if o.Kind != "ResourceList" {
			out = append(out, o)
			continue
		}
		var docs []any
		if fc, ok := o.Map["functionConfig"]; ok && fc != nil {
			docs = append(docs, fc)
		}
		items, _ := o.Map["items"].([]any)
		docs = append(docs, items...)
		for _, d := range docs {
			j, err := json.Marshal(d)
			if err != nil {
				return nil, err
			}
			one, err := ParseStream(j)
			if err != nil {
				return nil, err
			}
			out = append(out, one...)
		}
	}
	return out, nil
}

// Clusters lists the bundles in order of first appearance ("" when the
// output is not stretched).
func Clusters(objs []Object) []string {
	var out []string
	seen := map[string]bool{}
	for _, o := range objs {
		if !seen[o.Cluster] {
			seen[o.Cluster] = true
			out = append(out, o.Cluster)
		}
	}
	return out
}

// InCluster keeps the objects of one bundle.
func InCluster(objs []Object, cluster string) []Object {
	var out []Object
	for _, o := range objs {
		if o.Cluster == cluster {
			out = append(out, o)
		}
	}
	return out
}

// Get walks a path of map keys.
func Get(m map[string]any, path ...string) any {
	var cur any = m
	for _, p := range path {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = mm[p]
	}
	return cur
}

// GetString is Get for a string value.
func GetString(m map[string]any, path ...string) string {
	s, _ := Get(m, path...).(string)
	return s
}
