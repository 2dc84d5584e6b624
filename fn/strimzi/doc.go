// Package strimzi holds typed, read-only views of the Strimzi custom
// resources strimzi-render renders. It decodes; it applies no rules.
package strimzi
