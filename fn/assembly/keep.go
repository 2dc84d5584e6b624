package assembly

import (
	"fmt"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/connect"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// AnnoKeptStorage records, on a kept KafkaConnect, the spec.storage that was
// moved into its templates, so that a later run renders the same claim.
const AnnoKeptStorage = "strimzi-render.dev/storage"

// keepConnect returns the KafkaConnect a running operator gets: spec.storage,
// which Strimzi's CRD lacks, becomes a template volume and mount of the
// claim, and a rendered build (b non-nil) is replaced by its image.
func keepConnect(work *yaml.RNode, cr *strimzi.KafkaConnect, b *connect.BuiltImage) (*yaml.RNode, error) {
	kept := work.Copy()
	if b != nil {
		if err := keepBuild(kept, b); err != nil {
			return nil, err
		}
	}
	return kept, keepStorage(kept, cr)
}

func keepStorage(kept *yaml.RNode, cr *strimzi.KafkaConnect) error {
	st := kept.Field("spec").Value.Field("storage")
	if st == nil {
		return nil
	}
	raw, err := st.Value.MarshalJSON()
	if err != nil {
		return err
	}
	if err := annotate(kept, map[string]string{AnnoKeptStorage: string(raw)}); err != nil {
		return err
	}
	if err := kept.PipeE(yaml.Lookup("spec"), yaml.Clear("storage")); err != nil {
		return err
	}
	vol, err := yaml.FromMap(map[string]any{
		"name":                  connect.StorageVolume,
		"persistentVolumeClaim": map[string]any{"claimName": names.ConnectSharedStorageClaim(cr.Name)},
	})
	if err != nil {
		return err
	}
	mount, err := yaml.FromMap(map[string]any{"name": connect.StorageVolume, "mountPath": connect.StorageMountPath(cr.Spec.Storage)})
	if err != nil {
		return err
	}
	if err := appendTo(kept, vol, "spec", "template", "pod", "volumes"); err != nil {
		return err
	}
	return appendTo(kept, mount, "spec", "template", "connectContainer", "volumeMounts")
}

// restoreKept undoes keepConnect on a resource an earlier run kept.
func restoreKept(work *yaml.RNode) error {
	if err := restoreBuild(work); err != nil {
		return err
	}
	raw, ok := work.GetAnnotations()[AnnoKeptStorage]
	if !ok {
		return nil
	}
	st, err := yaml.ConvertJSONToYamlNode(raw)
	if err != nil || st.YNode().Kind != yaml.MappingNode {
		return fmt.Errorf("annotation %s must hold the JSON of spec.storage", AnnoKeptStorage)
	}
	spec, err := work.Pipe(yaml.LookupCreate(yaml.MappingNode, "spec"))
	if err != nil {
		return err
	}
	if err := spec.PipeE(yaml.SetField("storage", st)); err != nil {
		return err
	}
	claim := names.ConnectSharedStorageClaim(work.GetName())
	if err := removeElements(work, func(e *yaml.RNode) bool {
		c, _ := e.Pipe(yaml.Lookup("persistentVolumeClaim", "claimName"))
		return yaml.GetValue(e.Field("name").Value) == connect.StorageVolume && c != nil && yaml.GetValue(c) == claim
	}, "spec", "template", "pod", "volumes"); err != nil {
		return err
	}
	if err := removeElements(work, func(e *yaml.RNode) bool {
		n := e.Field("name")
		return n != nil && yaml.GetValue(n.Value) == connect.StorageVolume
	}, "spec", "template", "connectContainer", "volumeMounts"); err != nil {
		return err
	}
	_, err = work.Pipe(yaml.ClearAnnotation(AnnoKeptStorage))
	return err
}

func appendTo(node, elem *yaml.RNode, path ...string) error {
	list, err := node.Pipe(yaml.LookupCreate(yaml.SequenceNode, path...))
	if err != nil {
		return err
	}
	return list.PipeE(yaml.Append(elem.YNode()))
}

func removeElements(node *yaml.RNode, match func(*yaml.RNode) bool, path ...string) error {
	list, err := node.Pipe(yaml.Lookup(path...))
	if err != nil || list == nil || list.YNode().Kind != yaml.SequenceNode {
		return err
	}
	var keep []*yaml.Node
	for _, c := range list.Content() {
		if !match(yaml.NewRNode(c)) {
			keep = append(keep, c)
		}
	}
	list.YNode().Content = keep
	return nil
}

// annotate adds annotations without the single quotes yaml.SetAnnotation writes.
func annotate(n *yaml.RNode, kv map[string]string) error {
	a := n.GetAnnotations()
	for k, v := range kv {
		a[k] = v
	}
	return n.SetAnnotations(a)
}
