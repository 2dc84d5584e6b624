// Package certmanager checks the cert-manager mode end to end without a
// cluster: it renders inputs with strimzi-render, issues every rendered
// Certificate with cert-manager's own pki code (github.com/cert-manager/cert-manager
// v1.21, pkg/util/pki) from a CA made in the test, writes the Secrets
// cert-manager would write, and then checks that every Secret the rendered
// objects read exists and that the certificates serve the names the
// rendered configuration dials, with real TLS handshakes. A module of its
// own keeps cert-manager's dependencies out of the main module.
package certmanager
