package kafka

import (
	"bytes"
	"encoding/json"

	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// cruiseControlConfig returns spec.cruiseControl.config and whether
// spec.cruiseControl is set at all: an empty object enables Cruise Control
// as much as a full one does (KafkaSpec.getCruiseControl() != null).
func cruiseControlConfig(raw json.RawMessage) (map[string]any, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, false
	}
	var cc struct {
		Config map[string]any `json:"config"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	_ = dec.Decode(&cc) // an unreadable section still enables the reporter
	return cc.Config, true
}

// cruiseControlReporter is the reporter the brokers run for a Kafka with
// spec.cruiseControl, or nil, with the problems of its options.
func cruiseControlReporter(raw json.RawMessage, cfg *brokerconfig.Config) (*brokerconfig.CruiseControlReporter, []results.Problem) {
	ccConfig, enabled := cruiseControlConfig(raw)
	if !enabled {
		return nil, nil
	}
	return brokerconfig.NewCruiseControlReporter(ccConfig, cfg)
}

// cruiseControlTopicOptions are the options Strimzi takes out of the user
// configuration once Cruise Control has read them.
var cruiseControlTopicOptions = []string{
	brokerconfig.CruiseControlTopicPartitions,
	brokerconfig.CruiseControlTopicReplication,
	brokerconfig.CruiseControlTopicMinISR,
}
