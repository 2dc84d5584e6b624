package strimzi

import (
	"reflect"
	"strings"
)

// MetadataAt is the metadata of one template with the path of its field.
type MetadataAt struct {
	Path     string
	Metadata MetadataTemplate
}

var metadataType = reflect.TypeFor[MetadataTemplate]()

// TemplateMetadata lists the metadata of every template set in template (a
// template struct, such as *KafkaConnectTemplate, or a pointer to one), in
// field order, with paths under path (such as spec.template). It finds them
// by their type, so a template field added later is listed too.
func TemplateMetadata(template any, path string) []MetadataAt {
	var out []MetadataAt
	collectMetadata(reflect.ValueOf(template), path, &out)
	return out
}

func collectMetadata(v reflect.Value, path string, out *[]MetadataAt) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || v.Type().PkgPath() != metadataType.PkgPath() {
		return // the Kubernetes types inside templates hold no template metadata
	}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		if f.Type == metadataType {
			*out = append(*out, MetadataAt{Path: path + "." + name, Metadata: v.Field(i).Interface().(MetadataTemplate)})
			continue
		}
		collectMetadata(v.Field(i), path+"."+name, out)
	}
}
