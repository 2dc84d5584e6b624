package kafka

import (
	"fmt"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/limits"
	"github.com/strimzi-render/strimzi-render/fn/metrics"
)

// sizes refuses a cluster beyond the limits of package limits before any
// work grows with it: more nodes, controllers or listeners, node IDs Kafka
// cannot have, or more text repeated on its nodes. It reports on the pool
// whose replicas pass a limit, and tells whether node IDs can be assigned.
func (v *validator) sizes() bool {
	ok := true
	if n := len(v.spec.Listeners); n > limits.Listeners {
		v.errorf("", "spec.kafka.listeners", "%d listeners; strimzi-render renders at most %d, as each adds a section to every node's server.config and a port to every pod", n, limits.Listeners)
		ok = false
	}
	rules, _ := metrics.ExporterRules(v.spec.MetricsConfig, v.in.ConfigMapData, v.k.Namespace)
	shared := v.k.SpecBytes + len(v.loggingText()) + len(rules)
	nodes, controllers, repeated := 0, 0, 0
	for _, p := range v.pools {
		np := nodePoolFrom(p)
		for i, id := range np.StatusNodeIDs {
			if id < 0 || id > limits.NodeID {
				v.errorf(p.Name, fmt.Sprintf("status.nodeIds[%d]", i), "node ID %d is not one Kafka can have: node.id is from 0 to %d", id, limits.NodeID)
				ok = false
			}
		}
		pass := func(total *int, add, limit int) bool {
			before := *total
			*total += add
			return *total > limit && before <= limit
		}
		if pass(&nodes, np.Replicas, limits.KafkaNodes) {
			v.errorf(p.Name, "spec.replicas", "with these %d replicas Kafka cluster %s would have %d nodes; strimzi-render renders at most %d nodes per cluster",
				np.Replicas, v.k.Name, nodes, limits.KafkaNodes)
			ok = false
		} else if listeners := len(v.spec.Listeners); nodes <= limits.KafkaNodes && nodes*listeners > limits.NodeListeners && (nodes-np.Replicas)*listeners <= limits.NodeListeners {
			v.errorf(p.Name, "spec.replicas", "with these %d replicas Kafka cluster %s would have %d nodes with %d listeners each; strimzi-render renders at most %d listeners on all nodes together, as each adds a section to every node's server.config and a port to every pod",
				np.Replicas, v.k.Name, nodes, listeners, limits.NodeListeners)
			ok = false
		}
		if np.HasRole(nodepools.RoleController) && pass(&controllers, np.Replicas, limits.Controllers) {
			v.errorf(p.Name, "spec.replicas", "with these %d replicas Kafka cluster %s would have %d controllers; strimzi-render renders at most %d, as every node lists every controller and a KRaft quorum needs a majority of them for each commit (Kafka recommends 3 or 5)",
				np.Replicas, v.k.Name, controllers, limits.Controllers)
			ok = false
		}
		perNode := shared + p.SpecBytes
		if ok && pass(&repeated, np.Replicas*perNode, limits.RepeatedBytes) {
			v.errorf(p.Name, "spec.replicas", "with these %d replicas the nodes of Kafka cluster %s would repeat %d bytes of its text (%d per node of this pool: the Kafka's and the pool's spec as JSON, external logging and exporter rules); strimzi-render renders at most %d",
				np.Replicas, v.k.Name, repeated, perNode, limits.RepeatedBytes)
			ok = false
		}
	}
	return ok
}

// loggingText is the external logging configuration the nodes copy, "" for
// inline logging.
func (v *validator) loggingText() string {
	l := v.spec.Logging
	if l == nil || l.ValueFrom == nil || l.ValueFrom.ConfigMapKeyRef == nil {
		return ""
	}
	text, _ := v.in.ConfigMapData.Key(v.k.Namespace, l.ValueFrom.ConfigMapKeyRef.Name, l.ValueFrom.ConfigMapKeyRef.Key)
	return text
}
