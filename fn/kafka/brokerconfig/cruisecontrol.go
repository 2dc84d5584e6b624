package brokerconfig

import (
	"fmt"
	"strconv"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// CruiseControlReporterClass is the reporter every broker runs when the
// Kafka has spec.cruiseControl (CruiseControlMetricsReporter.CRUISE_CONTROL_METRIC_REPORTER).
const CruiseControlReporterClass = "com.linkedin.kafka.cruisecontrol.metricsreporter.CruiseControlMetricsReporter"

// Options of spec.kafka.config that set the Cruise Control metrics topic;
// Strimzi takes them out of the user configuration when Cruise Control is
// enabled (CruiseControlMetricsReporter.intConfigOption).
const (
	CruiseControlTopicPartitions  = "cruise.control.metrics.topic.num.partitions"
	CruiseControlTopicReplication = "cruise.control.metrics.topic.replication.factor"
	CruiseControlTopicMinISR      = "cruise.control.metrics.topic.min.insync.replicas"
)

// defaultCruiseControlTopic is CruiseControlConfigurationParameters.DEFAULT_METRIC_REPORTER_TOPIC_NAME.
const defaultCruiseControlTopic = "strimzi.cruisecontrol.metrics"

// CruiseControlReporter is the Cruise Control metrics reporter's setting,
// which a Kafka with spec.cruiseControl gives every broker.
type CruiseControlReporter struct {
	Topic             string
	NumPartitions     int
	ReplicationFactor int
	MinInSyncReplicas int
}

// NewCruiseControlReporter resolves the reporter as
// CruiseControlMetricsReporter.fromCrd does: the topic from
// spec.cruiseControl.config[metric.reporter.topic], the partitions and
// replicas from the cruise.control.metrics.topic.* options of cfg, else
// num.partitions and default.replication.factor, else 1. It returns
// Strimzi's message, at the option, for a value that is not an integer.
// The caller removes the three options from cfg, as Strimzi does.
func NewCruiseControlReporter(ccConfig map[string]any, cfg *Config) (*CruiseControlReporter, []results.Problem) {
	r := &CruiseControlReporter{Topic: defaultCruiseControlTopic}
	if v, ok := ccConfig["metric.reporter.topic"]; ok && v != nil {
		if s, err := FormatValue(v); err == nil {
			r.Topic = s
		} else {
			r.Topic = fmt.Sprint(v)
		}
	}
	var problems []results.Problem
	intOption := func(key string, fallback func() int) int {
		text, ok := cfg.Get(key)
		if !ok {
			return fallback()
		}
		n, err := strconv.ParseInt(text, 10, 32)
		if err != nil {
			problems = append(problems, results.Errorf("spec.kafka.config["+key+"]",
				"Cruise Control configuration option '%s' should be an integer but was set to '%s'.", key, text))
			return 0
		}
		return int(n)
	}
	// Strimzi parses these fallbacks with Integer.parseInt too; a bad value
	// there is refused by the replication factor checks first.
	fromConfig := func(key string) func() int {
		return func() int {
			text, ok := cfg.Get(key)
			if !ok {
				return 1
			}
			n, _ := strconv.Atoi(text)
			return n
		}
	}
	r.NumPartitions = intOption(CruiseControlTopicPartitions, fromConfig("num.partitions"))
	r.ReplicationFactor = intOption(CruiseControlTopicReplication, fromConfig("default.replication.factor"))
	r.MinInSyncReplicas = intOption(CruiseControlTopicMinISR, func() int { return 1 })
	return r, problems
}

// writeCruiseControl prints the reporter's settings on brokers
// (KafkaBrokerConfigurationBuilder.withCruiseControl). It reaches the
// brokers through the headless Service, authenticated with the node's own
// certificate.
func (c *Cluster) writeCruiseControl(w *configWriter, n nodepools.Node) {
	r := c.CruiseControl
	if r == nil || !n.Broker {
		return
	}
	w.Section("Cruise Control configuration")
	w.Raw("cruise.control.metrics.topic", r.Topic)
	w.Raw("cruise.control.metrics.reporter.ssl.endpoint.identification.algorithm", "HTTPS")
	w.Raw("cruise.control.metrics.reporter.bootstrap.servers", names.KafkaBrokersService(c.Name)+":9091")
	w.Raw("cruise.control.metrics.reporter.security.protocol", "SSL")
	w.Raw("cruise.control.metrics.reporter.ssl.keystore.type", "PEM")
	crt, key := c.nodeCert(n)
	w.Raw("cruise.control.metrics.reporter.ssl.keystore.certificate.chain", c.ref(crt))
	w.Raw("cruise.control.metrics.reporter.ssl.keystore.key", c.ref(key))
	w.Raw("cruise.control.metrics.reporter.ssl.truststore.type", "PEM")
	w.Raw("cruise.control.metrics.reporter.ssl.truststore.certificates", c.ref(c.clusterTrust()))
	w.Raw("cruise.control.metrics.topic.auto.create", "true")
	w.Raw("cruise.control.metrics.topic.num.partitions", strconv.Itoa(r.NumPartitions))
	w.Raw("cruise.control.metrics.topic.replication.factor", strconv.Itoa(r.ReplicationFactor))
	w.Raw("cruise.control.metrics.topic.min.insync.replicas", strconv.Itoa(r.MinInSyncReplicas))
	w.Blank()
}
