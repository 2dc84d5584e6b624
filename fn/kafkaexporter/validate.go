package kafkaexporter

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// Path is where the exporter is configured in a Kafka.
const Path = "spec.kafkaExporter"

// Validate returns the problems of spec.kafkaExporter at their field paths:
// Strimzi's checks with its messages, and what would give a pod that cannot
// start. Nil spec: no exporter, no problems.
func Validate(spec *strimzi.KafkaExporterSpec, cfg *config.Spec) []results.Problem {
	if spec == nil {
		return nil
	}
	var ps []results.Problem
	ps = append(ps, pods.CheckResources(Path+".resources", spec.Resources, "Kafka.spec.kafkaExporter.resources")...)
	if spec.Image == "" && cfg.Images.KafkaExporter == "" {
		ps = append(ps, results.Errorf(Path+".image", "no Kafka Exporter image: set spec.kafkaExporter.image, or images.kafkaExporter in the function config"))
	}
	ps = append(ps, checkRegexes(spec)...)
	if l := spec.Logging; l != nil && !isLogLevel(*l) {
		ps = append(ps, results.Warningf(Path+".logging", "logging level %q is not one of info, debug, trace: Strimzi runs the exporter at level info", *l))
	}
	if t := spec.Template; t != nil {
		ps = append(ps, checkTemplate(t)...)
	}
	return ps
}

// checkRegexes compiles the filters as kafka_exporter does, with Go's
// regexp package: Strimzi passes them on unchecked, and an exporter given
// one that does not compile exits at start.
func checkRegexes(spec *strimzi.KafkaExporterSpec) []results.Problem {
	var ps []results.Problem
	for _, f := range []struct {
		field string
		value *string
	}{
		{"groupRegex", spec.GroupRegex}, {"topicRegex", spec.TopicRegex},
		{"groupExcludeRegex", spec.GroupExcludeRegex}, {"topicExcludeRegex", spec.TopicExcludeRegex},
	} {
		if f.value == nil {
			continue
		}
		if bad := shellActive(*f.value); bad != "" {
			ps = append(ps, results.Errorf(Path+"."+f.field, "%q holds %s, which the exporter's start script would read as shell syntax: it writes the filter between double quotes into a script it runs; use a character class or another form of the expression", *f.value, bad))
			continue
		}
		if _, err := regexp.Compile(*f.value); err != nil {
			ps = append(ps, results.Errorf(Path+"."+f.field, "%q is not a regular expression kafka_exporter accepts, and it would exit at start: %v", *f.value, err))
		}
	}
	return ps
}

// shellActive names what in s keeps a meaning between the double quotes
// kafka_exporter_run.sh writes each filter in, into a script it then runs:
// a quote, a $ that expands, a backquote, a line break, a backslash
// before another one,
// and one at the end, which would escape the closing quote. "" when none.
func shellActive(s string) string {
	if i := strings.IndexAny(s, "\"`\n\r"); i >= 0 {
		return strconv.Quote(s[i : i+1])
	}
	// $ is literal unless an expansion follows; at the end, as a regular
	// expression's anchor, the closing quote follows.
	for i := strings.IndexByte(s, '$'); i >= 0 && i+1 < len(s); i = nextDollar(s, i) {
		if c := s[i+1]; c == '{' || c == '(' || c == '_' || strings.IndexByte("?#$!@*-", c) >= 0 ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			return strconv.Quote(s[i:i+2]) + ", an expansion"
		}
	}
	if strings.Contains(s, `\\`) || strings.HasSuffix(s, `\`) {
		return "a backslash the shell would take"
	}
	return ""
}

func nextDollar(s string, i int) int {
	if j := strings.IndexByte(s[i+1:], '$'); j >= 0 {
		return i + 1 + j
	}
	return -1
}

func isLogLevel(l string) bool {
	switch strings.ToLower(l) {
	case "info", "debug", "trace":
		return true
	}
	return false
}

// checkTemplate applies Strimzi's rules for template labels, annotations,
// volumes and mounts, and refuses what the Deployment cannot carry.
func checkTemplate(t *strimzi.KafkaExporterTemplate) []results.Problem {
	const at = Path + ".template."
	ps, podVolumes := pods.CheckDeploymentTemplate(at, t.Deployment, t.Pod, GeneratedVolumes())
	if c := t.Container; c != nil {
		ps = append(ps, volumes.CheckMounts(c.VolumeMounts, podVolumes, at+"container.volumeMounts")...)
	}
	if s := t.ServiceAccount; s != nil {
		ps = append(ps, pods.CheckAdditiveLabels(at+"serviceAccount.metadata.labels", s.Metadata.Labels)...)
	}
	if s := t.PodDisruptionBudget; s != nil {
		ps = append(ps, pods.CheckAdditiveLabels(at+"podDisruptionBudget.metadata.labels", s.Metadata.Labels)...)
		if s.MaxUnavailable != nil && *s.MaxUnavailable < 0 {
			ps = append(ps, results.Errorf(at+"podDisruptionBudget.maxUnavailable", "maxUnavailable %d must be 0 or more", *s.MaxUnavailable))
		}
	}
	return ps
}
