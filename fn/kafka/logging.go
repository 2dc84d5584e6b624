package kafka

// Logging types (spec.kafka.logging.type).
const (
	LoggingInline   = "inline"
	LoggingExternal = "external"
)

// loggingComment heads every generated log4j2.properties.
const loggingComment = "Do not change this generated file. Logging can be configured in the corresponding Kubernetes resource."

// monitorInterval makes Log4j2 reread its file, so logger changes apply
// without a restart.
const monitorInterval = "monitorInterval"

// defaultKafkaLogging is Strimzi 1.2.0's default-logging/KafkaCluster.properties
// as the pairs it parses into, in file order: a console appender and INFO or
// WARN levels for Kafka's main loggers.
var defaultKafkaLogging = func() [][2]string {
	pairs := [][2]string{
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
	loggers := [][3]string{
		{"kafka", "kafka", "INFO"},
		{"orgapachekafka", "org.apache.kafka", "INFO"},
		{"requestlogger", "kafka.request.logger", "WARN"},
		{"requestchannel", "kafka.network.RequestChannel$", "WARN"},
		{"controller", "org.apache.kafka.controller", "INFO"},
		{"logcleaner", "kafka.log.LogCleaner", "INFO"},
		{"statechange", "state.change.logger", "INFO"},
		{"authorizer", "kafka.authorizer.logger", "INFO"},
	}
	for _, l := range loggers {
		p := "logger." + l[0] + "."
		pairs = append(pairs,
			[2]string{p + "name", l[1]},
			[2]string{p + "level", l[2]},
			[2]string{p + "appenderRefs", "console"},
			[2]string{p + "appenderRef.console.ref", "STDOUT"},
			[2]string{p + "additivity", "false"},
		)
	}
	return pairs
}()

// Logging is spec.kafka.logging.
type Logging struct {
	Type string // LoggingInline, LoggingExternal, or "" for the defaults
	// Loggers are the inline loggers, such as logger.kafka.level: DEBUG.
	Loggers map[string]string
	// External is the text of the key the external ConfigMap reference names;
	// the caller reads the ConfigMap.
	External string
}

// Log4j2Properties is the log4j2.properties of every Kafka node
// (Strimzi: LoggingUtils.loggingConfiguration). Inline loggers overwrite the
// default with the same key in place and add the others after the defaults,
// in key order; the pairs are written without blanks around "=" under
// Strimzi's comment. External text is used as it is. Either way a
// monitorInterval=30 line is appended, after a blank line, unless the text
// sets monitorInterval.
func (l Logging) Log4j2Properties() string {
	if l.Type == LoggingExternal {
		return withMonitorInterval(l.External)
	}
	props := newProperties()
	for _, kv := range defaultKafkaLogging {
		props.put(kv[0], kv[1])
	}
	if l.Type == LoggingInline {
		for _, k := range sortedKeys(l.Loggers) {
			props.put(k, l.Loggers[k])
		}
	}
	return withMonitorInterval(props.pairs(loggingComment))
}

// withMonitorInterval is LoggingUtils.maybeAddMonitorIntervalToExternalLogging.
func withMonitorInterval(text string) string {
	if _, ok := parseProperties(text).get(monitorInterval); ok {
		return text
	}
	return text + "\n" + monitorInterval + "=30\n"
}
