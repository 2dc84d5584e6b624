package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"k8s.io/kube-openapi/pkg/validation/spec"
)

// StretchDoc documents spec.stretch and spec.output, with their own table.
const StretchDoc = "docs/stretch.md"

const referenceHeader = "| Field (`spec.`…) | Type | Default | Description |\n|---|---|---|---|\n"

// Reference renders the configuration reference, a Markdown table of every
// spec field with its type, default and description, from the schema.
func Reference() (string, error) {
	root, err := schemaOnce()
	if err != nil {
		return "", err
	}
	s := root.Properties["spec"]
	var b strings.Builder
	b.WriteString(referenceHeader)
	writeFields(&b, "", &s, func(string) bool { return true })
	return b.String(), nil
}

// ReferenceOf renders the reference of the given spec fields and all
// fields below them.
func ReferenceOf(fields ...string) (string, error) {
	root, err := schemaOnce()
	if err != nil {
		return "", err
	}
	s := root.Properties["spec"]
	var b strings.Builder
	b.WriteString(referenceHeader)
	writeFields(&b, "", &s, func(name string) bool { return slices.Contains(fields, name) })
	return b.String(), nil
}

func writeFields(b *strings.Builder, prefix string, s *spec.Schema, include func(string) bool) {
	all := func(string) bool { return true }
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		if !include(name) {
			continue
		}
		p := s.Properties[name]
		path := prefix + name
		typ := strings.Join(p.Type, "")
		switch {
		case typ == "object" && p.AdditionalProperties != nil && p.AdditionalProperties.Schema != nil:
			typ = "map of " + strings.Join(p.AdditionalProperties.Schema.Type, "")
		case typ == "array" && p.Items != nil && p.Items.Schema != nil:
			typ = "list of " + strings.Join(p.Items.Schema.Type, "")
		}
		if len(p.Enum) > 0 {
			var vals []string
			for _, e := range p.Enum {
				if e != "" {
					vals = append(vals, fmt.Sprintf("`%v`", e))
				}
			}
			typ += ": " + strings.Join(vals, ", ")
		}
		def := ""
		if p.Default != nil {
			def = fmt.Sprintf("`%v`", p.Default)
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", path, typ, def, strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;").Replace(p.Description))
		switch {
		case typ == "object":
			writeFields(b, path+".", &p, all)
		case typ == "list of object":
			writeFields(b, path+"[].", p.Items.Schema, all)
		}
	}
}
