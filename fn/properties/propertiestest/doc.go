// Package propertiestest reads properties files as java.util.Properties.load
// reads them, for tests: it is the reader Kafka, Kafka Connect and Log4j 2
// use on the files the function writes, so a test can compare the keys they
// will see with the keys the writer was given.
package propertiestest
