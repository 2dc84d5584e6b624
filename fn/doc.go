// Package fn is the strimzi-render KRM function: it finds the Strimzi custom
// resources in a ResourceList, has package assembly render each into typed
// objects and problems, turns those into YAML filed beside their source (and
// into stretch bundles), and emits them in the source's place, with every
// problem reported as a result.
//
// The data path is decode → validate → model → objects (package assembly)
// → place → emit (this package); see Processor.Process and
// docs/architecture.md.
package fn
