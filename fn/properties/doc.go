// Package properties writes the Java properties files Strimzi generates
// (kafka-connect.properties, server.config) in its section layout and escaping.
package properties
