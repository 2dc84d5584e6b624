package jvm

import (
	"slices"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Heap options Strimzi reads from -XX (JvmOptionUtils.XX_HEAP_OPTIONS).
const (
	initialRAM = "InitialRAMPercentage"
	maxRAM     = "MaxRAMPercentage"
)

// priorityOptions go first, as later -XX flags may need them unlocked.
var priorityOptions = []string{"UnlockDiagnosticVMOptions", "UnlockExperimentalVMOptions"}

// HeapEnv returns the heap variables of JvmOptionUtils.heapOptions: the
// user's -Xms, -Xmx and RAM percentages in KAFKA_HEAP_OPTS; without a maximum,
// a memory request or limit lets the start script size the heap at percent
// (capped at maxBytes when above 0), and with no memory set either, -Xms128M.
func HeapEnv(percent int, maxBytes int64, opts *strimzi.JvmOptions, res *corev1.ResourceRequirements) []corev1.EnvVar {
	var parts []string
	var xx map[string]string
	if opts != nil {
		xx = opts.XX
		if opts.Xms != "" {
			parts = append(parts, "-Xms"+opts.Xms)
		}
		if opts.Xmx != "" {
			parts = append(parts, "-Xmx"+opts.Xmx)
		}
	}
	initial, hasInitial := xx[initialRAM]
	maximum, hasMax := xx[maxRAM]
	if hasInitial {
		parts = append(parts, "-XX:"+initialRAM+"="+initial)
	}
	if hasMax {
		parts = append(parts, "-XX:"+maxRAM+"="+maximum)
	}
	var env []corev1.EnvVar
	if (opts == nil || opts.Xmx == "") && !hasMax {
		switch {
		case hasMemory(res):
			env = append(env, corev1.EnvVar{Name: "STRIMZI_DYNAMIC_HEAP_PERCENTAGE", Value: strconv.Itoa(percent)})
			if maxBytes > 0 {
				env = append(env, corev1.EnvVar{Name: "STRIMZI_DYNAMIC_HEAP_MAX", Value: strconv.FormatInt(maxBytes, 10)})
			}
		case (opts == nil || opts.Xms == "") && !hasInitial:
			parts = append(parts, "-Xms128M")
		}
	}
	if text := strings.TrimSpace(strings.Join(parts, " ")); text != "" {
		env = append(env, corev1.EnvVar{Name: "KAFKA_HEAP_OPTS", Value: text})
	}
	return env
}

func hasMemory(r *corev1.ResourceRequirements) bool {
	if r == nil {
		return false
	}
	_, req := r.Requests[corev1.ResourceMemory]
	_, lim := r.Limits[corev1.ResourceMemory]
	return req || lim
}

// PerformanceOptions renders the -XX options other than the heap ones: the
// two Unlock* switches first, the rest by name; true and false become
// -XX:+K and -XX:-K (JvmOptionUtils.parseJvmPerformanceOptions).
func PerformanceOptions(opts *strimzi.JvmOptions) string {
	if opts == nil {
		return ""
	}
	var first, rest []string
	for k := range opts.XX {
		switch {
		case k == initialRAM || k == maxRAM:
		case slices.Contains(priorityOptions, k):
			first = append(first, k)
		default:
			rest = append(rest, k)
		}
	}
	slices.Sort(first)
	slices.Sort(rest)
	var flags []string
	for _, k := range append(first, rest...) {
		switch v := opts.XX[k]; strings.ToLower(v) {
		case "true":
			flags = append(flags, "-XX:+"+k)
		case "false":
			flags = append(flags, "-XX:-"+k)
		default:
			flags = append(flags, "-XX:"+k+"="+v)
		}
	}
	return strings.Join(flags, " ")
}

// SystemProperties renders -Dname=value, space-joined
// (JvmOptionUtils.jvmSystemProperties).
func SystemProperties(opts *strimzi.JvmOptions) string {
	if opts == nil {
		return ""
	}
	props := make([]string, 0, len(opts.JavaSystemProperties))
	for _, p := range opts.JavaSystemProperties {
		props = append(props, "-D"+p.Name+"="+p.Value)
	}
	return strings.Join(props, " ")
}

// Env returns the JVM variables in Strimzi's order: heap, then
// KAFKA_JVM_PERFORMANCE_OPTS and STRIMZI_JAVA_SYSTEM_PROPERTIES when set.
func Env(percent int, maxBytes int64, opts *strimzi.JvmOptions, res *corev1.ResourceRequirements) []corev1.EnvVar {
	env := HeapEnv(percent, maxBytes, opts, res)
	if perf := PerformanceOptions(opts); perf != "" {
		env = append(env, corev1.EnvVar{Name: "KAFKA_JVM_PERFORMANCE_OPTS", Value: perf})
	}
	if props := SystemProperties(opts); props != "" {
		env = append(env, corev1.EnvVar{Name: "STRIMZI_JAVA_SYSTEM_PROPERTIES", Value: props})
	}
	return env
}

// JavaOptions returns the variables of JvmOptionUtils.javaOptions, which
// the operators Strimzi runs use instead of Kafka's heap sizing: the user's
// -Xms, -Xmx, RAM percentages and other -XX options in STRIMZI_JAVA_OPTS,
// then STRIMZI_JAVA_SYSTEM_PROPERTIES, each only when set.
func JavaOptions(opts *strimzi.JvmOptions) []corev1.EnvVar {
	if opts == nil {
		return nil
	}
	var parts []string
	if opts.Xms != "" {
		parts = append(parts, "-Xms"+opts.Xms)
	}
	if opts.Xmx != "" {
		parts = append(parts, "-Xmx"+opts.Xmx)
	}
	for _, k := range []string{initialRAM, maxRAM} {
		if v, ok := opts.XX[k]; ok {
			parts = append(parts, "-XX:"+k+"="+v)
		}
	}
	if perf := PerformanceOptions(opts); perf != "" {
		parts = append(parts, perf)
	}
	var env []corev1.EnvVar
	if text := strings.TrimSpace(strings.Join(parts, " ")); text != "" {
		env = append(env, corev1.EnvVar{Name: "STRIMZI_JAVA_OPTS", Value: text})
	}
	if props := SystemProperties(opts); props != "" {
		env = append(env, corev1.EnvVar{Name: "STRIMZI_JAVA_SYSTEM_PROPERTIES", Value: props})
	}
	return env
}
