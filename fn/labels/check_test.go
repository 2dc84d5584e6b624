package labels

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

func TestCheckMetadata(t *testing.T) {
	assert.Empty(t, CheckMetadata("spec.template.pod.metadata",
		map[string]string{"app": "my-connect", "example.com/tier": "a-b_c.d", "empty": ""},
		map[string]string{"example.com/note": "any text at all\nwith lines", "Upper": "x"}))

	ps := CheckMetadata("spec.template.pod.metadata",
		map[string]string{"bad key": "v", "ok": "-leading", "long": strings.Repeat("x", 64), "zürich": "v"},
		map[string]string{"-bad": "v", "big": strings.Repeat("x", 256<<10)})
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{
		"spec.template.pod.metadata.labels",
		"spec.template.pod.metadata.labels[long]", "spec.template.pod.metadata.labels[ok]",
		"spec.template.pod.metadata.labels",
		"spec.template.pod.metadata.annotations", "spec.template.pod.metadata.annotations",
	}, paths)
	assert.Equal(t, results.Problem{Path: "spec.template.pod.metadata.labels[ok]",
		Message: `label value "-leading": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`}, ps[2])
}
