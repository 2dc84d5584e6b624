package connect

import (
	"strings"

	networkingv1 "k8s.io/api/networking/v1"

	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// NetworkPolicy returns <cluster>-connect when the KafkaConnect manages
// connectors as KafkaConnector resources (strimzi.io/use-connector-resources):
// the REST API opens to the workers and the operator only; metrics and JMX
// ports open to all (KafkaConnectCluster.generateNetworkPolicy). Nil otherwise.
func (m *Model) NetworkPolicy() *networkingv1.NetworkPolicy {
	if !*m.cfg.NetworkPolicies || !strings.EqualFold(m.cr.Annotations[useConnectorsAnno], "true") {
		return nil
	}
	rules := []networkingv1.NetworkPolicyIngressRule{
		specs.IngressRule(RESTPort, specs.PodsPeer(m.selector()), specs.OperatorPeer()),
	}
	if m.spec.MetricsConfig != nil {
		rules = append(rules, specs.IngressRule(MetricsPort))
	}
	rules = append(rules, m.jmx().IngressRules()...)
	return specs.NetworkPolicy(m.objectMeta(names.Connect(m.Name), m.resourceLabels, nil), m.selector(), rules)
}
