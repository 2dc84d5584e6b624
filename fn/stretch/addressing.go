package stretch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Annotations that catch a change of how nodes are addressed.
const (
	// AnnoNodeAddressing on a node's ConfigMap is the fingerprint of the
	// addresses other clusters reach the node at: its provider, cluster
	// alias and every port's host and port. NodePort portBase and stride,
	// LoadBalancer addresses, the MCS domain, the DNS template and a pool's
	// alias all change it; configuration.brokers[] overrides do not, as
	// Strimzi rolls those itself.
	AnnoNodeAddressing = "strimzi-render.dev/node-addressing"
	// AnnoAcceptAddressChange on the Kafka accepts one change of node
	// addresses: its value must be the AddressingFingerprint of the new
	// addresses, which the refusal gives, so an acceptance never carries
	// over to a later change.
	AnnoAcceptAddressChange = "strimzi-render.dev/accept-address-change"
)

// NodeAddressing is the AnnoNodeAddressing fingerprint of node n.
func (net *Network) NodeAddressing(n nodepools.Node) string {
	sn := net.Node(n)
	parts := []string{net.Provider.Name(), sn.Alias}
	for _, p := range net.Ports(n) {
		e := net.Provider.Endpoint(sn, p)
		parts = append(parts, p.Name+"="+e.Host+":"+strconv.Itoa(e.Port))
	}
	return fingerprint(parts)
}

// Addressing maps each node's pod name to its NodeAddressing fingerprint.
func (net *Network) Addressing(nodes []nodepools.Node) map[string]string {
	out := make(map[string]string, len(nodes))
	for _, n := range nodes {
		out[n.Pod] = net.NodeAddressing(n)
	}
	return out
}

// AddressingFingerprint is the fingerprint of a whole cluster's node
// addressing, by pod name: the value AnnoAcceptAddressChange takes.
func AddressingFingerprint(addressing map[string]string) string {
	pods := make([]string, 0, len(addressing))
	for pod := range addressing {
		pods = append(pods, pod)
	}
	slices.Sort(pods)
	parts := make([]string, 0, len(pods))
	for _, pod := range pods {
		parts = append(parts, pod+"="+addressing[pod])
	}
	return fingerprint(parts)
}

func fingerprint(parts []string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\n")))
	return hex.EncodeToString(sum[:8])
}

// AddressChanges compares the addressing recorded on a Kafka's rendered
// objects in the input (pod name to AnnoNodeAddressing; nodes that were
// not rendered before are not in it) with the current one, and refuses a
// node whose addresses changed: every voter and advertised address moves
// with them, which a running cluster cannot roll through. Nodes added or
// removed are not changes. accepted is the Kafka's AnnoAcceptAddressChange
// value; when it equals the current AddressingFingerprint the change is
// accepted and nothing is returned. Problems are about the Kafka, at the
// annotation that accepts the change.
func AddressChanges(kafka string, recorded, current map[string]string, accepted string) []results.Problem {
	var changed []string
	for pod, now := range current {
		if before, ok := recorded[pod]; ok && before != now {
			changed = append(changed, pod)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	want := AddressingFingerprint(current)
	if accepted == want {
		return nil
	}
	slices.Sort(changed)
	msg := fmt.Sprintf("unsupported change: Kafka %s: the addresses of %s change (NodePort portBase or stride, LoadBalancer addresses, MCS domain, DNS template or a pool's alias): "+
		"this changes every node's voters, advertised addresses and certificate SANs, which a running cluster cannot roll through; "+
		"revert the change, or, to migrate deliberately, annotate the Kafka with %s: %q",
		kafka, strings.Join(changed, ", "), AnnoAcceptAddressChange, want)
	if accepted != "" {
		msg += fmt.Sprintf(" (it has %q, which accepts other addresses)", accepted)
	}
	return []results.Problem{results.Errorf("metadata.annotations["+AnnoAcceptAddressChange+"]", "%s", msg)}
}
