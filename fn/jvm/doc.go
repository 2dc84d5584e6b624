// Package jvm reproduces the Java runtime behaviours that shape Strimzi's
// output: String.hashCode, HashMap and HashSet iteration order, and
// List.toString.
package jvm
