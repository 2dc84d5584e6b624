package kafkaexporter

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/utils/ptr"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func problemsAt(ps []results.Problem) map[string]results.Severity {
	out := map[string]results.Severity{}
	for _, p := range ps {
		out[p.Path] = p.Severity
	}
	return out
}

func TestValidateAcceptsDefaults(t *testing.T) {
	cfg := testConfig(t, config.PodSecurityBaseline)
	assert.Empty(t, Validate(nil, cfg))
	assert.Empty(t, Validate(&strimzi.KafkaExporterSpec{}, cfg))
}

func TestValidateReportsAtFieldPaths(t *testing.T) {
	cfg := testConfig(t, config.PodSecurityBaseline)
	spec := &strimzi.KafkaExporterSpec{
		GroupRegex:        ptr.To("(unclosed"),
		TopicExcludeRegex: ptr.To("a(?=b)"),
		Logging:           ptr.To("warn"),
		Resources: &corev1.ResourceRequirements{
			Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("2")},
			Limits:   corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("1")},
		},
		Template: &strimzi.KafkaExporterTemplate{
			Deployment: &strimzi.DeploymentTemplate{
				Metadata:           strimzi.MetadataTemplate{Labels: map[string]string{"strimzi.io/name": "x"}},
				DeploymentStrategy: "BlueGreen",
			},
			Pod: &strimzi.PodTemplate{
				Metadata:        strimzi.MetadataTemplate{Annotations: map[string]string{"strimzi.io/x": "y"}},
				TmpDirSizeLimit: "lots",
				Volumes:         []strimzi.AdditionalVolume{{Name: "strimzi-tmp", EmptyDir: &strimzi.EmptyDir{}}},
			},
			Container:           &strimzi.ContainerTemplate{VolumeMounts: []corev1.VolumeMount{{Name: "missing", MountPath: "/etc"}}},
			PodDisruptionBudget: &strimzi.PodDisruptionBudgetTemplate{MaxUnavailable: ptr.To[int32](-1)},
		},
	}
	ps := Validate(spec, cfg)
	got := problemsAt(ps)
	for path, want := range map[string]results.Severity{
		"spec.kafkaExporter.groupRegex":                                   results.Error,
		"spec.kafkaExporter.topicExcludeRegex":                            results.Error,
		"spec.kafkaExporter.logging":                                      results.Warning,
		"spec.kafkaExporter.resources":                                    results.Error,
		"spec.kafkaExporter.template.deployment.metadata.labels":          results.Error,
		"spec.kafkaExporter.template.deployment.deploymentStrategy":       results.Error,
		"spec.kafkaExporter.template.pod.metadata.annotations":            results.Error,
		"spec.kafkaExporter.template.pod.tmpDirSizeLimit":                 results.Error,
		"spec.kafkaExporter.template.pod.volumes":                         results.Error,
		"spec.kafkaExporter.template.container.volumeMounts[0].mountPath": results.Error,
		"spec.kafkaExporter.template.container.volumeMounts[0].name":      results.Error,
		"spec.kafkaExporter.template.podDisruptionBudget.maxUnavailable":  results.Error,
	} {
		assert.Equal(t, want, got[path], path)
	}
	for _, p := range ps {
		if p.Path == "spec.kafkaExporter.resources" {
			assert.Equal(t, "[Kafka.spec.kafkaExporter.resources cpu request must be <= limit]", p.Message, "Strimzi's message")
		}
	}
}

func TestValidateNeedsAnImage(t *testing.T) {
	cfg := testConfig(t, config.PodSecurityBaseline)
	cfg.Images.KafkaExporter = ""
	assert.Equal(t, map[string]results.Severity{"spec.kafkaExporter.image": results.Error}, problemsAt(Validate(&strimzi.KafkaExporterSpec{}, cfg)))
	assert.Empty(t, Validate(&strimzi.KafkaExporterSpec{Image: "x"}, cfg))
}

// The start script writes each filter between double quotes into a script
// it runs: what the shell would read there is refused at the field.
func TestRegexesTheShellWouldRead(t *testing.T) {
	for value, bad := range map[string]string{
		`a"; rm -rf /tmp; "`: `"\""`,
		`$(id)`:              `"$("` + ", an expansion",
		`a${HOME}`:           `"${"` + ", an expansion",
		`a$HOME`:             `"$H"` + ", an expansion",
		"`id`":               "\"`\"",
		"a\nb":               `"\n"`,
		`a\\b`:               "a backslash the shell would take",
		`abc\`:               "a backslash the shell would take",
		`^topic-\d+$`:        "",
		`^(a$|b$)`:           "",
		`^topic-\d+`:         "",
		`[a-z]+`:             "",
	} {
		assert.Equal(t, bad, shellActive(value), "%q", value)
		ps := checkRegexes(&strimzi.KafkaExporterSpec{TopicRegex: &value})
		if bad == "" {
			assert.Empty(t, ps, "%q", value)
			continue
		}
		if assert.Len(t, ps, 1, "%q", value) {
			assert.Equal(t, "spec.kafkaExporter.topicRegex", ps[0].Path)
			assert.Contains(t, ps[0].Message, "start script would read as shell syntax")
		}
	}
}
