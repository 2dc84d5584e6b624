// Package certmanager builds the cert-manager.io/v1 Certificates that
// stand in for the operator's CA in cert-manager mode (Strimzi proposal
// 100): one builder per certificate Strimzi would issue from its cluster
// CA. The types are the renderer's own, in cert-manager's v1 shape.
package certmanager
