package assembly

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/connect"
)

// AnnoKeptBuild records, on a kept KafkaConnect, what the rendered build
// replaced: spec.build, the spec.image it had, and the depends-on entry
// added for the build, so that a later run renders the same build.
const AnnoKeptBuild = "strimzi-render.dev/build"

// keptBuild is the JSON of AnnoKeptBuild.
type keptBuild struct {
	Build json.RawMessage `json:"build"`
	// Image is the spec.image the resource had; nil when it had none.
	Image     *string `json:"image,omitempty"`
	DependsOn string  `json:"dependsOn,omitempty"`
}

// keepBuild points a kept KafkaConnect at the image its build pushes and
// drops spec.build, so the operator never builds it again; the build Job
// the bundle carries builds it instead. Under kpt the resource waits for
// that Job, as the workers do when rendered.
func keepBuild(kept *yaml.RNode, b *connect.BuiltImage) error {
	spec := kept.Field("spec").Value
	raw, err := spec.Field("build").Value.MarshalJSON()
	if err != nil {
		return err
	}
	rec := keptBuild{Build: raw, DependsOn: b.DependsOn}
	if img := spec.Field("image"); img != nil && !yaml.IsMissingOrNull(img.Value) {
		s := yaml.GetValue(img.Value)
		rec.Image = &s
	}
	j, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	a := map[string]string{AnnoKeptBuild: string(j)}
	if b.DependsOn != "" {
		a[connect.AnnoDependsOn] = strings.Join(append(dependsOn(kept), b.DependsOn), ",")
	}
	if err := annotate(kept, a); err != nil {
		return err
	}
	if err := spec.PipeE(yaml.Clear("build")); err != nil {
		return err
	}
	return spec.PipeE(yaml.SetField("image", yaml.NewStringRNode(b.Image)))
}

// restoreBuild undoes keepBuild on a resource an earlier run kept.
func restoreBuild(work *yaml.RNode) error {
	raw, ok := work.GetAnnotations()[AnnoKeptBuild]
	if !ok {
		return nil
	}
	var rec keptBuild
	bad := fmt.Errorf("annotation %s must hold the JSON object {\"build\": <spec.build>, \"image\": <spec.image>} that an earlier run recorded", AnnoKeptBuild)
	if err := json.Unmarshal([]byte(raw), &rec); err != nil || len(rec.Build) == 0 {
		return bad
	}
	b, err := yaml.ConvertJSONToYamlNode(string(rec.Build))
	if err != nil || b.YNode().Kind != yaml.MappingNode {
		return bad
	}
	spec, err := work.Pipe(yaml.LookupCreate(yaml.MappingNode, "spec"))
	if err != nil {
		return err
	}
	if err := spec.PipeE(yaml.SetField("build", b)); err != nil {
		return err
	}
	if rec.Image != nil {
		err = spec.PipeE(yaml.SetField("image", yaml.NewStringRNode(*rec.Image)))
	} else {
		err = spec.PipeE(yaml.Clear("image"))
	}
	if err != nil {
		return err
	}
	a := work.GetAnnotations()
	delete(a, AnnoKeptBuild)
	if rest := slices.DeleteFunc(dependsOn(work), func(e string) bool { return e == rec.DependsOn }); len(rest) > 0 {
		a[connect.AnnoDependsOn] = strings.Join(rest, ",")
	} else {
		delete(a, connect.AnnoDependsOn)
	}
	return work.SetAnnotations(a)
}

// dependsOn lists the entries of the depends-on annotation.
func dependsOn(n *yaml.RNode) []string {
	v := n.GetAnnotations()[connect.AnnoDependsOn]
	if v == "" {
		return nil
	}
	return strings.Split(v, ",")
}
