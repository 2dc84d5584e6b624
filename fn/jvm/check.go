package jvm

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// heapSize is the pattern Strimzi's CRD gives -Xms and -Xmx.
var heapSize = regexp.MustCompile(`^[0-9]+[mMgG]?$`)

// Check refuses, at path (such as spec.jvmOptions), what would give the JVM
// options the field does not ask for. -Xms and -Xmx must match Strimzi's CRD
// pattern. Every -XX option and system property becomes one word of
// KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS or KAFKA_OPTS, which Kafka's
// start script expands unquoted, so a blank in one would add an option such
// as -javaagent: keys and values must be one word, without blanks or control
// characters, and a system property needs a name without '='.
func Check(opts *strimzi.JvmOptions, path string) []results.Problem {
	if opts == nil {
		return nil
	}
	var ps []results.Problem
	add := func(at, format string, args ...any) {
		ps = append(ps, results.Problem{Path: at, Message: fmt.Sprintf(format, args...)})
	}
	for _, f := range [][2]string{{"-Xms", opts.Xms}, {"-Xmx", opts.Xmx}} {
		if f[1] != "" && !heapSize.MatchString(f[1]) {
			add(path+"."+f[0], "%q must match %s, as in Strimzi's CRD", f[1], heapSize)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(opts.XX)) {
		at := path + ".-XX." + k
		if k == "" || !oneWord(k) {
			add(at, "the option name %q must be one word, without blanks or control characters: the start script splits the JVM options at blanks", k)
		}
		if !oneWord(opts.XX[k]) {
			add(at, "the value %q must be one word, without blanks or control characters: the start script splits the JVM options at blanks", opts.XX[k])
		}
	}
	for i, p := range opts.JavaSystemProperties {
		at := fmt.Sprintf("%s.javaSystemProperties[%d]", path, i)
		if p.Name == "" || !oneWord(p.Name) || strings.Contains(p.Name, "=") {
			add(at+".name", "the name %q must be one word without '=', blanks or control characters: the start script splits the JVM options at blanks", p.Name)
		}
		if !oneWord(p.Value) {
			add(at+".value", "the value %q must be one word, without blanks or control characters: the start script splits the JVM options at blanks", p.Value)
		}
	}
	return ps
}

func oneWord(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
}
