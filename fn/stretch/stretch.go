package stretch

import (
	"fmt"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Annotations: the proposal's inputs, and what strimzi-render records on
// the objects of a stretched Kafka.
const (
	// AnnoEnable on a Kafka, "true", stretches it (proposal input).
	AnnoEnable = "strimzi.io/enable-stretch-cluster"
	// AnnoAlias on a KafkaNodePool names the cluster its nodes run in
	// (proposal input); strimzi-render also sets it on StrimziPodSets, where
	// the proposal's operators read it.
	AnnoAlias = "strimzi.io/stretch-cluster-alias"
	// AnnoCluster names the bundle an object belongs to.
	AnnoCluster = "strimzi-render.dev/cluster"
	// AnnoProvider records the network provider a Kafka was rendered with,
	// so that a later change is caught.
	AnnoProvider = "strimzi-render.dev/network-provider"
	// AnnoCertDNSNames and AnnoCertIPAddresses list, on a node's
	// ConfigMap, the subject alternative names its certificate needs.
	AnnoCertDNSNames    = "strimzi-render.dev/certificate-dns-names"
	AnnoCertIPAddresses = "strimzi-render.dev/certificate-ip-addresses"
)

// Reasons of the proposal's StretchClusterValidator, which start messages.
const (
	ReasonMissingStretchAnnotation = "MissingStretchAnnotation"
	ReasonMissingTargetCluster     = "MissingTargetCluster"
	ReasonInvalidTargetCluster     = "InvalidTargetCluster"
	ReasonOperatorNotConfigured    = "OperatorNotConfigured"
)

// Enabled reports whether a Kafka opts in to stretching.
func Enabled(k *strimzi.Kafka) bool { return k.Annotations[AnnoEnable] == "true" }

// Lookup returns the index of the spec.stretch entry naming the Kafka, or -1.
// An entry naming it by <namespace>/<name> wins over one naming it by name.
func Lookup(entries []config.Stretch, namespace, name string) int {
	found := -1
	for i, e := range entries {
		if !e.Names(namespace, name) {
			continue
		}
		if strings.Contains(e.Kafka, "/") {
			return i
		}
		if found < 0 {
			found = i
		}
	}
	return found
}

// Input is what Validate found: whether the Kafka is stretched and by
// which entry of spec.stretch (-1: none), and the problems.
type Input struct {
	Stretched bool
	Index     int
	Problems  []results.Problem
}

// Validate applies the proposal's rules to a Kafka and its pools: a
// stretched Kafka has a spec.stretch entry and every pool names one of its
// clusters; a pool of a Kafka that is not stretched names none. Messages
// start with the proposal's reason.
func Validate(k *strimzi.Kafka, pools []*strimzi.KafkaNodePool, entries []config.Stretch) Input {
	in := Input{Stretched: Enabled(k), Index: Lookup(entries, k.Namespace, k.Name)}
	add := func(pool, path string, sev results.Severity, format string, args ...any) {
		p := results.Problem{Severity: sev, Path: path, Message: fmt.Sprintf(format, args...)}
		in.Problems = append(in.Problems, kafka.OnPool(p, k.Namespace, pool))
	}
	aliasPath := "metadata.annotations[" + AnnoAlias + "]"
	var entry *config.Stretch
	if in.Index >= 0 {
		entry = &entries[in.Index]
	}
	switch {
	case in.Stretched && entry == nil:
		add("", "metadata.annotations["+AnnoEnable+"]", results.Error,
			"%s: Kafka %s is annotated %s: \"true\", but spec.stretch of the function config has no entry for it: add one with its central alias, clusters and network provider",
			ReasonOperatorNotConfigured, k.Name, AnnoEnable)
	case !in.Stretched && entry != nil:
		add("", "metadata.annotations", results.Warning,
			"spec.stretch[%d] names Kafka %s, which is not annotated %s: \"true\": it renders as a cluster in one Kubernetes cluster",
			in.Index, k.Name, AnnoEnable)
	}
	for _, p := range pools {
		alias, has := p.Annotations[AnnoAlias]
		switch {
		case !in.Stretched && has:
			add(p.Name, aliasPath, results.Error,
				"%s: KafkaNodePool %s has %s %q, but Kafka %s is not annotated %s: \"true\": annotate the Kafka, or remove the alias",
				ReasonMissingStretchAnnotation, p.Name, AnnoAlias, alias, k.Name, AnnoEnable)
		case !in.Stretched:
		case alias == "":
			add(p.Name, "metadata.annotations", results.Error,
				"%s: KafkaNodePool %s of stretched Kafka %s has no %s annotation: every pool names the Kubernetes cluster it runs in%s",
				ReasonMissingTargetCluster, p.Name, k.Name, AnnoAlias, knownSuffix(entry))
		case len(validation.IsDNS1123Label(alias)) > 0:
			add(p.Name, aliasPath, results.Error,
				"%s: KafkaNodePool %s has alias %q, which is not a DNS label without dots", ReasonInvalidTargetCluster, p.Name, alias)
		case entry != nil && entry.Cluster(alias) == nil:
			add(p.Name, aliasPath, results.Error,
				"%s: KafkaNodePool %s has alias %q, which is not one of the clusters spec.stretch[%d] lists: %s",
				ReasonInvalidTargetCluster, p.Name, alias, in.Index, strings.Join(entry.Aliases(), ", "))
		}
	}
	if in.Stretched && entry != nil && k.Spec.Kafka != nil {
		for i, l := range k.Spec.Kafka.Listeners {
			if l.Type == brokerconfig.ListenerClusterIP {
				add("", fmt.Sprintf("spec.kafka.listeners[%d]", i), results.Warning,
					"listener %s of type cluster-ip is not rendered in a stretch cluster: its per-node Services are reachable in one Kubernetes cluster only; use an internal listener, which the network provider exposes",
					l.Name)
			}
		}
	}
	in.Stretched = in.Stretched && entry != nil
	return in
}

func knownSuffix(entry *config.Stretch) string {
	if entry == nil {
		return ""
	}
	return " (" + strings.Join(entry.Aliases(), ", ") + ")"
}
