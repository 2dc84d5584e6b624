package labels

import (
	"fmt"
	"strings"

	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/limits"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// CheckMetadata checks labels and annotations that rendered objects copy
// with the API server's own rules, so that no object the function writes is
// refused for them: keys are qualified names (an optional DNS-subdomain
// prefix and '/', then at most 63 characters of [-_.A-Za-z0-9] that start
// and end alphanumeric), label values at most 63 such characters, and the
// annotations at most 256 KiB together. path is the field that holds them,
// such as spec.template.pod.metadata; a bad key is reported at its labels or
// annotations field, a bad value at labels[<key>].
func CheckMetadata(path string, labels, annotations map[string]string) []results.Problem {
	var ps []results.Problem
	for _, m := range []struct {
		field   string
		entries int
	}{{"labels", len(labels)}, {"annotations", len(annotations)}} {
		if m.entries > limits.MetadataEntries {
			return append(ps, results.Problem{Path: path + "." + m.field,
				Message: fmt.Sprintf("%d %s; strimzi-render copies at most %d onto an object", m.entries, m.field, limits.MetadataEntries)})
		}
	}
	add := func(at string, msgs []string, format string, args ...any) {
		for _, msg := range msgs {
			ps = append(ps, results.Problem{Path: at, Message: fmt.Sprintf(format, args...) + ": " + msg})
		}
	}
	for _, k := range sortedKeys(labels) {
		add(path+".labels", validation.IsQualifiedName(k), "label key %q", k)
		add(path+".labels["+k+"]", validation.IsValidLabelValue(labels[k]), "label value %q", labels[k])
	}
	size := 0
	for _, k := range sortedKeys(annotations) {
		add(path+".annotations", validation.IsQualifiedName(strings.ToLower(k)), "annotation key %q", k)
		size += len(k) + len(annotations[k])
	}
	if size > apivalidation.TotalAnnotationSizeLimitB {
		ps = append(ps, results.Problem{Path: path + ".annotations",
			Message: fmt.Sprintf("the annotations have %d bytes, more than the %d bytes the API server allows", size, apivalidation.TotalAnnotationSizeLimitB)})
	}
	return ps
}

// CheckTemplates applies CheckMetadata to the metadata of every template in
// template, such as a *strimzi.KafkaConnectTemplate, under path.
func CheckTemplates(template any, path string) []results.Problem {
	var ps []results.Problem
	for _, m := range strimzi.TemplateMetadata(template, path) {
		ps = append(ps, CheckMetadata(m.Path, m.Metadata.Labels, m.Metadata.Annotations)...)
	}
	return ps
}
