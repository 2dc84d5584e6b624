package logging

import (
	"maps"
	"slices"

	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Pair is one logging property.
type Pair struct{ Key, Value string }

const (
	headerComment   = "Do not change this generated file. Logging can be configured in the corresponding Kubernetes resource."
	header          = "# " + headerComment + "\n"
	monitorInterval = "monitorInterval"
)

// ConnectDefaults are the parsed pairs of Strimzi's
// default-logging/KafkaConnectCluster.properties.
var ConnectDefaults = []Pair{
	{"name", "KafkaConnectConfig"},
	{"appender.console.type", "Console"},
	{"appender.console.name", "STDOUT"},
	{"appender.console.layout.type", "PatternLayout"},
	{"appender.console.layout.pattern", "%d{yyyy-MM-dd HH:mm:ss} %-5p [%t] %c{1}:%L - %m%n"},
	{"rootLogger.level", "INFO"},
	{"rootLogger.appenderRefs", "console"},
	{"rootLogger.appenderRef.console.ref", "STDOUT"},
	{"rootLogger.additivity", "false"},
	{"logger.reflections.name", "org.reflections"},
	{"logger.reflections.level", "ERROR"},
	{"logger.reflections.additivity", "false"},
}

// KafkaDefaults are the parsed pairs of Strimzi's
// default-logging/KafkaCluster.properties: a console appender and INFO or
// WARN levels for Kafka's main loggers.
var KafkaDefaults = func() []Pair {
	pairs := []Pair{
		{"name", "KafkaConfig"},
		{"appender.console.type", "Console"},
		{"appender.console.name", "STDOUT"},
		{"appender.console.layout.type", "PatternLayout"},
		{"appender.console.layout.pattern", "%d{yyyy-MM-dd HH:mm:ss} %-5p [%t] %c{1}:%L - %m%n"},
		{"rootLogger.level", "INFO"},
		{"rootLogger.appenderRefs", "console"},
		{"rootLogger.appenderRef.console.ref", "STDOUT"},
		{"rootLogger.additivity", "false"},
	}
	for _, l := range [][3]string{
		{"kafka", "kafka", "INFO"},
		{"orgapachekafka", "org.apache.kafka", "INFO"},
		{"requestlogger", "kafka.request.logger", "WARN"},
		{"requestchannel", "kafka.network.RequestChannel$", "WARN"},
		{"controller", "org.apache.kafka.controller", "INFO"},
		{"logcleaner", "kafka.log.LogCleaner", "INFO"},
		{"statechange", "state.change.logger", "INFO"},
		{"authorizer", "kafka.authorizer.logger", "INFO"},
	} {
		p := "logger." + l[0] + "."
		pairs = append(pairs,
			Pair{p + "name", l[1]},
			Pair{p + "level", l[2]},
			Pair{p + "appenderRefs", "console"},
			Pair{p + "appenderRef.console.ref", "STDOUT"},
			Pair{p + "additivity", "false"},
		)
	}
	return pairs
}()

// Inline renders defaults with the inline loggers merged over them: a key
// already there keeps its place, new keys follow in sorted order (the order
// the API server gives them to the operator).
func Inline(defaults []Pair, loggers map[string]string) string {
	pairs := slices.Clone(defaults)
	at := make(map[string]int, len(pairs))
	for i, p := range pairs {
		at[p.Key] = i
	}
	for _, k := range slices.Sorted(maps.Keys(loggers)) {
		if i, ok := at[k]; ok {
			pairs[i].Value = loggers[k]
		} else {
			at[k] = len(pairs)
			pairs = append(pairs, Pair{k, loggers[k]})
		}
	}
	w := properties.NewWriter()
	w.Comment(headerComment)
	for _, p := range pairs {
		w.Pair(p.Key, p.Value)
	}
	if _, ok := at[monitorInterval]; !ok {
		writeMonitorInterval(w)
	}
	return w.String()
}

// External returns a user's logging configuration verbatim, with Strimzi's
// monitorInterval appended unless the text, read as properties, sets one
// (LoggingUtils.maybeAddMonitorIntervalToExternalLogging).
func External(text string) string {
	w := properties.NewWriter()
	w.Copy(text)
	if _, values := properties.Parse(text); values != nil {
		if _, ok := values[monitorInterval]; ok {
			return w.String()
		}
	}
	writeMonitorInterval(w)
	return w.String()
}

// writeMonitorInterval appends Strimzi's monitorInterval after a blank line.
func writeMonitorInterval(w *properties.Writer) {
	w.Blank()
	w.Raw(monitorInterval, "30")
}

// Render is the log4j2.properties for a component's logging settings;
// external is the text of the referenced ConfigMap key, if any.
func Render(defaults []Pair, l *strimzi.Logging, external string) string {
	if l != nil && l.Type == "external" {
		return External(external)
	}
	var loggers map[string]string
	if l != nil {
		loggers = l.Loggers
	}
	return Inline(defaults, loggers)
}
