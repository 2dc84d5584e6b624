package kafka

import (
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// cruiseControlReporter is the reporter the brokers run for a Kafka with
// spec.cruiseControl, or nil, with the problems of its options. An empty
// spec.cruiseControl enables it as much as a full one does
// (KafkaSpec.getCruiseControl() != null).
func cruiseControlReporter(cc *strimzi.CruiseControlSpec, cfg *brokerconfig.Config) (*brokerconfig.CruiseControlReporter, []results.Problem) {
	if cc == nil {
		return nil, nil
	}
	return brokerconfig.NewCruiseControlReporter(cc.Config, cfg)
}

// cruiseControlTopicOptions are the options Strimzi takes out of the user
// configuration once Cruise Control has read them.
var cruiseControlTopicOptions = []string{
	brokerconfig.CruiseControlTopicPartitions,
	brokerconfig.CruiseControlTopicReplication,
	brokerconfig.CruiseControlTopicMinISR,
}
