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
//
// Where the results differ from the API server's:
//
//   - The API server rejects unknown fields, and metadata it cannot decode,
//     before it validates anything; all are reported at once here.
//   - Strimzi 1.x serves only v1. v1beta2 input, which the renderer reads
//     as v1, is checked as v1 that also accepts the v1beta2 fields the
//     renderer still reads and does not require what v1 added.
//   - Problems the API server reports at "<nil>" or at metadata as a whole
//     are reported at the field they are about, and the scale
//     subresource's at spec.replicas rather than .spec.replicas.
//   - Follow-on errors of a problem already reported are left out: the
//     note that CEL rules were skipped, and a second error about a value
//     of the wrong type.
//   - Of metadata, unknown fields and the first value that does not decode
//     are reported; the rules for names, labels and owner references are
//     applied where the renderer reads them.
//   - The CRDs' CEL rules are evaluated by Go equivalents; the agreement
//     test ties each to the rule's text.
//   - An anchor used by several aliases is checked once per schema, at the
//     first path that reaches it.
//   - Removed fields and values name what replaced them, and unknown fields
//     the known field they were likely meant to be.
//
// TestAgainstAPIServerValidator and TestGoldenInputsAgainstAPIServerValidator
// compare the results with the API server's own code, run by
// test/kubevalidate, when its command is at hand.
package crdschema
