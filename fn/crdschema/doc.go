// Package crdschema checks Strimzi custom resources as the Kubernetes API
// server checks them with Strimzi 1.2.0's CRDs: unknown fields (kubectl
// validates strictly by default), types, enums, patterns, required fields,
// bounds, oneOf alternatives and the CRDs' CEL rules, each reported at its
// field path in the API server's words.
//
// The schema is described here, not read from the CRD files: shared
// Strimzi types are built with a small set of constructors (obj, str,
// enum, ...), and the Kubernetes types Strimzi embeds (affinity, security
// contexts, volume sources) are derived from their Go types. A test proves
// the description agrees with the CRDs of a Strimzi release when they are
// at hand. The renderer's extensions (KafkaConnect spec.storage) are
// marked as such, and what kafka.strimzi.io/v1beta2 had and v1 dropped is
// kept apart, with what replaces it.
package crdschema
