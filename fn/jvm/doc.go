// Package jvm renders a component's JVM options (jvmOptions: heap sizes, -XX
// flags, system properties) into the environment variables Strimzi's
// container images read, such as KAFKA_HEAP_OPTS.
package jvm
