package fn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	batchv1 "k8s.io/api/batch/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/assembly"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

func TestPlaceReportsProblemsAtWhatTheyName(t *testing.T) {
	source := yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata:\n  name: c\n  namespace: ns\n  annotations: {config.kubernetes.io/path: connect/c.yaml}\n")
	job := &batchv1.Job{TypeMeta: metav1.TypeMeta{APIVersion: "batch/v1", Kind: "Job"}, ObjectMeta: metav1.ObjectMeta{Name: "c-build", Namespace: "ns"}}
	aboutJob := results.Warningf("spec.template", "job")
	aboutJob.Resource = results.Resource{APIVersion: "batch/v1", Kind: "Job", Namespace: "ns", Name: "c-build"}
	elsewhere := results.Errorf("spec.stretch", "config")
	elsewhere.Resource = results.Resource{APIVersion: "fn.strimzi-render.dev/v1alpha1", Kind: "StrimziRender", Name: "render"}

	r, res := place(&assembly.Rendering{
		Source: source, RenderedFrom: source,
		Objects:  []assembly.Placed{{Object: job}},
		Problems: []results.Problem{results.Infof("spec", "source"), aboutJob, elsewhere},
	})
	require.Len(t, r.objects, 1)
	assert.Equal(t, "connect/23-job_c-build.yaml", r.objects[0].GetAnnotations()[kioutil.PathAnnotation])
	assert.Equal(t, "KafkaConnect/c", r.objects[0].GetAnnotations()[AnnoSource])
	require.Len(t, res, 3)
	assert.Equal(t, "KafkaConnect", res[0].ResourceRef.Kind)
	assert.Equal(t, "Job", res[1].ResourceRef.Kind)
	assert.Equal(t, "connect/23-job_c-build.yaml", res[1].File.Path, "the warning is filed with the Job")
	assert.Equal(t, "StrimziRender", res[2].ResourceRef.Kind)
	assert.Nil(t, res[2].File)
}

func TestPlaceRefusesAnObjectWithoutKind(t *testing.T) {
	source := yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata: {name: c, namespace: ns}\n")
	r, res := place(&assembly.Rendering{Source: source, RenderedFrom: source, Objects: []assembly.Placed{{Object: &batchv1.Job{}}}})
	assert.True(t, r.failed)
	require.Len(t, res, 1)
	assert.Contains(t, res[0].Message, "internal error rendering KafkaConnect/c")
}
