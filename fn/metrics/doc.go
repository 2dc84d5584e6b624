// Package metrics renders Strimzi's metrics settings: the JMX Prometheus
// exporter rules as the compact JSON Strimzi stores, and the Strimzi metrics
// reporter lines.
package metrics
