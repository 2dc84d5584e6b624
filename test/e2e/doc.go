// Package e2e runs strimzi-render through the real tools its users run it
// with: kustomize (exec and container), kpt (render and eval, exec and
// container), the standalone command, and the Argo CD plugin's commands on
// the host and in its sidecar image, on every example.
//
// A tier whose tool is missing is skipped, unless STRIMZI_RENDER_E2E_REQUIRE
// names it (a comma-separated list of kustomize, kpt, docker), as CI does.
// Each tier logs a line "E2E-TIER <name>: ran" so logs show what ran.
package e2e
