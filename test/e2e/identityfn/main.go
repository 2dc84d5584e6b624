// Command identityfn is a KRM function that changes nothing, built with
// kyaml's framework as strimzi-render is: the floor BenchmarkStartup
// compares strimzi-render's start-up with.
package main

import (
	"os"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/fn/framework/command"
)

func main() {
	identity := framework.ResourceListProcessorFunc(func(*framework.ResourceList) error { return nil })
	if err := command.Build(identity, command.StandaloneDisabled, false).Execute(); err != nil {
		os.Exit(1)
	}
}
