package fn

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// unrenderedKinds are the Strimzi kinds the function passes through, each
// with what must run in the cluster for it to take effect.
var unrenderedKinds = map[string]struct{ group, needs string }{
	"KafkaTopic":     {strimzi.Group, "the Topic Operator runs (the Kafka's spec.entityOperator.topicOperator, or a standalone one)"},
	"KafkaUser":      {strimzi.Group, "the User Operator runs (the Kafka's spec.entityOperator.userOperator, or a standalone one)"},
	"KafkaConnector": {strimzi.Group, "the Strimzi cluster operator runs and reconciles its KafkaConnect, annotated strimzi.io/use-connector-resources: \"true\""},
	"KafkaRebalance": {strimzi.Group, "the Strimzi cluster operator runs, with Cruise Control on its Kafka: without it nothing acts on a KafkaRebalance. " +
		"Rebalance with Cruise Control's own REST API instead, through the rendered Service <cluster>-cruise-control on port 9090 " +
		"(GET /kafkacruisecontrol/state, POST /kafkacruisecontrol/rebalance?dryrun=true to see a proposal, then dryrun=false to run it), " +
		"as the rebalance-operator user of Secret <cluster>-cruise-control-api; see docs/cruise-control.md"},
	"KafkaBridge":       {strimzi.Group, "the Strimzi cluster operator runs"},
	"KafkaMirrorMaker2": {strimzi.Group, "the Strimzi cluster operator runs"},
	"KafkaMirrorMaker":  {strimzi.Group, "a Strimzi cluster operator runs that still has MirrorMaker 1, which Kafka 4 removed: use KafkaMirrorMaker2"},
	"StrimziPodSet":     {strimzi.CoreGroup, "the Strimzi cluster operator runs: its StrimziPodSet controller creates the pods"},
}

// strimziGroups are the API groups whose kinds are all Strimzi's.
var strimziGroups = []string{strimzi.Group, strimzi.CoreGroup}

// unrenderedWarnings gives one warning for each Strimzi kind among items
// that the function does not render, about the first resource of that
// kind: a result about a resource gives its file, so kpt shows where to
// look, and one per kind keeps a package of many KafkaTopics readable.
// Objects an earlier run rendered (a StrimziPodSet) and local config are
// the function's own and say nothing.
func unrenderedWarnings(items []*yaml.RNode) framework.Results {
	first := map[string]*yaml.RNode{}
	count := map[string]int{}
	var order []string
	for _, it := range items {
		group, _ := splitAPIVersion(it.GetApiVersion())
		if !slices.Contains(strimziGroups, group) || kindOf(it) != "" || isLocalConfig(it) {
			continue
		}
		if _, ok := it.GetAnnotations()[AnnoSource]; ok {
			continue
		}
		key := group + " " + it.GetKind()
		if first[key] == nil {
			first[key] = it
			order = append(order, key)
		}
		count[key]++
	}
	var res framework.Results
	for _, key := range order {
		n := first[key]
		group, _ := splitAPIVersion(n.GetApiVersion())
		res = append(res, results.Warningf("kind", "%s", unrenderedMessage(group, n.GetKind(), count[key])).Result(n))
	}
	return res
}

func unrenderedMessage(group, kind string, count int) string {
	what := kind
	if count > 1 {
		what = fmt.Sprintf("%s (%d in the input)", kind, count)
	}
	if kind == "" {
		return fmt.Sprintf("a resource of %s without a kind passes through unrendered: set its kind", group)
	}
	if k, ok := unrenderedKinds[kind]; ok && k.group == group {
		return fmt.Sprintf("%s passes through unrendered: it takes effect only if %s", what, k.needs)
	}
	msg := fmt.Sprintf("%s passes through unrendered: %s is not a Strimzi kind of %s", what, kind, group)
	switch g, k := closestStrimziKind(kind); {
	case k == "":
	case g == group:
		msg += fmt.Sprintf("; did you mean %s?", k)
	default:
		msg += fmt.Sprintf("; did you mean %s of %s?", k, g)
	}
	return msg
}

// closestStrimziKind is the Strimzi kind that kind most likely misspells,
// with its group, or "" when none is close.
func closestStrimziKind(kind string) (group, closest string) {
	known := map[string]string{strimzi.KindKafka: strimzi.Group, strimzi.KindKafkaNodePool: strimzi.Group, strimzi.KindKafkaConnect: strimzi.Group}
	for k, u := range unrenderedKinds {
		known[k] = u.group
	}
	lower := strings.ToLower(kind)
	best := len(kind)/3 + 2 // more edits than this is another word
	for _, k := range slices.Sorted(maps.Keys(known)) {
		d := editDistance(lower, strings.ToLower(k))
		if strings.HasSuffix(strings.ToLower(k), lower) && len(lower) >= 4 {
			d = min(d, 1) // Topic for KafkaTopic
		}
		if d < best {
			best, group, closest = d, known[k], k
		}
	}
	return group, closest
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
