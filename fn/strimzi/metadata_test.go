package strimzi

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTemplateMetadata(t *testing.T) {
	pod := MetadataTemplate{Labels: map[string]string{"a": "b"}}
	build := MetadataTemplate{Annotations: map[string]string{"c": "d"}}
	got := TemplateMetadata(&KafkaConnectTemplate{
		Pod:                 &PodTemplate{Metadata: pod},
		APIService:          &ServiceTemplate{},
		BuildServiceAccount: &ResourceTemplate{Metadata: build},
	}, "spec.template")
	assert.Equal(t, []MetadataAt{
		{Path: "spec.template.pod.metadata", Metadata: pod},
		{Path: "spec.template.apiService.metadata"},
		{Path: "spec.template.buildServiceAccount.metadata", Metadata: build},
	}, got)
	assert.Empty(t, TemplateMetadata((*KafkaNodePoolTemplate)(nil), "spec.template"))
}
