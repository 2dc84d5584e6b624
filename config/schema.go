package config

import (
	_ "embed"
	"sync"

	"k8s.io/kube-openapi/pkg/validation/spec"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/resid"
)

// FunctionDefinition is the KRMFunctionDefinition holding the config schema.
//
//go:embed krm-function-definition.yaml
var FunctionDefinition string

var schemaOnce = sync.OnceValues(func() (*spec.Schema, error) {
	return framework.SchemaFromFunctionDefinition(
		resid.Gvk{Group: Group, Version: Version, Kind: Kind}, FunctionDefinition)
})

// Schema returns the OpenAPI schema of StrimziRender. It implements
// framework.ValidationSchemaProvider, so unknown fields fail the run.
func (c *StrimziRender) Schema() (*spec.Schema, error) { return schemaOnce() }
