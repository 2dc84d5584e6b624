// Package logging builds the log4j2.properties Strimzi puts in Kafka and
// Connect ConfigMaps (LoggingUtils): its defaults, inline loggers merged over
// them, or an external configuration copied from a user ConfigMap.
package logging
