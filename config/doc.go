// Package config is the function config of strimzi-render: the StrimziRender
// kind (fn.strimzi-render.dev/v1alpha1), its defaults, its validation and its
// OpenAPI schema, plus the plain ConfigMap form that `kpt fn eval -- k=v` sends.
//
// The schema in krm-function-definition.yaml is the single source for field
// names and documentation: it validates input (unknown fields are errors),
// drives the ConfigMap form, and generates the README reference.
package config
