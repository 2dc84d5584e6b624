// Package labels builds Strimzi's labels and applies its rules for labels and
// annotations that users write on custom resources and templates.
package labels
