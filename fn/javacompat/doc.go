// Package javacompat reproduces the Java library behaviours that shape
// Strimzi's output: String.hashCode, the iteration order of a
// java.util.HashMap, and List.toString. Strimzi builds role rules, Maven
// pre-stages and error messages from Java collections, so matching its output
// byte for byte means ordering and formatting them as the JDK does.
package javacompat
