package kafka

import (
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// NetworkPolicy returns <cluster>-network-policy-kafka: the control plane
// open to the nodes and the operator, replication also to Strimzi's other
// components, the agent port to the operator only, and each listener to its
// networkPolicyPeers (everyone without); metrics and JMX are open
// (KafkaCluster.generateNetworkPolicy). Nil when network policies are off.
func (m *Model) NetworkPolicy() *networkingv1.NetworkPolicy {
	if !*m.cfg.NetworkPolicies {
		return nil
	}
	byName := func(name string) networkingv1.NetworkPolicyPeer {
		return specs.PodsPeer(map[string]string{labels.Name: name})
	}
	kafka, operator := specs.PodsPeer(m.selector()), specs.OperatorPeer()
	rules := []networkingv1.NetworkPolicyIngressRule{
		specs.IngressRule(brokerconfig.ControlPlanePort, kafka, operator),
		specs.IngressRule(brokerconfig.ReplicationPort, operator, kafka, byName(m.Name+"-entity-operator"),
			byName(m.Name+"-kafka-exporter"), byName(m.Name+"-cruise-control")),
		specs.IngressRule(AgentPort, operator),
	}
	for _, l := range m.Listeners {
		rules = append(rules, specs.IngressRule(int32(l.Port), m.listenerPeers(l)...))
	}
	if m.spec.MetricsConfig != nil {
		rules = append(rules, specs.IngressRule(brokerconfig.MetricsPort))
	}
	rules = append(rules, m.jmx().IngressRules()...)
	return specs.NetworkPolicy(m.objectMeta(names.KafkaNetworkPolicy(m.Name), m.resourceLabels, nil), m.selector(), rules)
}

func (m *Model) listenerPeers(l brokerconfig.Listener) []networkingv1.NetworkPolicyPeer {
	for _, cr := range m.spec.Listeners {
		if cr.Name == l.Name {
			return cr.NetworkPolicyPeers
		}
	}
	return nil
}
