package kafka

import (
	"fmt"
	"slices"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Keys of spec.kafka.config that Strimzi sets itself, so it ignores them when
// the user sets them (Strimzi: KafkaClusterSpec.FORBIDDEN_PREFIXES). A key is
// dropped when its lower-cased form starts with one of the prefixes.
var forbiddenConfigPrefixes = []string{
	"listeners", "advertised.", "broker.", "listener.", "host.name", "port",
	"inter.broker.listener.name", "sasl.", "ssl.", "security.", "password.", "log.dir",
	"authorizer.", "super.user", "cruise.control.metrics.topic",
	"cruise.control.metrics.reporter.bootstrap.servers",
	"node.id", "process.roles", "controller.", "metadata.log.dir",
}

// Keys kept although a forbidden prefix matches them; compared as written,
// not lower-cased (Strimzi: KafkaClusterSpec.FORBIDDEN_PREFIX_EXCEPTIONS).
var configPrefixExceptions = []string{
	"sasl.server.max.receive.size",
	"ssl.cipher.suites", "ssl.protocol", "ssl.enabled.protocols", "ssl.secure.random.implementation",
	"cruise.control.metrics.topic.num.partitions", "cruise.control.metrics.topic.replication.factor",
	"cruise.control.metrics.topic.retention.ms", "cruise.control.metrics.topic.auto.create.retries",
	"cruise.control.metrics.topic.auto.create.timeout.ms", "cruise.control.metrics.topic.min.insync.replicas",
	"broker.session.timeout.ms", "broker.heartbeat.interval.ms", "controller.socket.timeout.ms",
	"controller.quorum.election.backoff.max.ms", "controller.quorum.election.timeout.ms",
	"controller.quorum.fetch.timeout.ms",
}

// Options a user may set per listener as listener.name.<name>-<port>.<option>
// (Strimzi: KafkaClusterSpec.ALLOWED_PER_LISTENER_CONFIGS).
var perListenerConfigs = []string{"connections.max.reauth.ms"}

// configDefaults come before the user's keys; a user value replaces the
// default in place (Strimzi: KafkaConfiguration.DEFAULTS).
var configDefaults = [][2]string{{"min.insync.replicas", "1"}}

// Config is spec.kafka.config as Strimzi keeps it: defaults first, then the
// user's keys in sorted order (the order in which the API server hands them to
// the operator), values rendered by FormatValue, forbidden keys dropped
// (Strimzi: KafkaConfiguration).
type Config struct {
	props *properties
	// Dropped lists the forbidden keys that were left out, which Strimzi
	// only logs.
	Dropped []string
}

// NewConfig builds the Config of a cluster with the given listeners, whose
// names decide which per-listener options are allowed. Values that Strimzi
// refuses become problems with paths under spec.kafka.config.
func NewConfig(user map[string]any, listeners []Listener) (*Config, []results.Problem) {
	c := &Config{props: newProperties()}
	for _, kv := range configDefaults {
		c.props.put(kv[0], kv[1])
	}
	var probs []results.Problem
	for _, k := range sortedKeys(user) {
		v, err := FormatValue(user[k])
		if err != nil {
			probs = append(probs, results.Problem{Path: fmt.Sprintf("spec.kafka.config[%s]", k), Message: err.Error()})
			continue
		}
		c.props.put(k, v)
	}

	exceptions := slices.Clone(configPrefixExceptions)
	for _, l := range listeners {
		for _, opt := range perListenerConfigs {
			exceptions = append(exceptions, "listener.name."+l.Identifier()+"."+opt)
		}
	}
	c.props.filter(func(k string) bool {
		if !hasAnyPrefix(strings.ToLower(k), forbiddenConfigPrefixes) || slices.Contains(exceptions, k) {
			return false
		}
		c.Dropped = append(c.Dropped, k)
		return true
	})
	return c, probs
}

// Get returns the value of a key.
func (c *Config) Get(key string) (string, bool) { return c.props.get(key) }

// Keys lists the keys in order.
func (c *Config) Keys() []string { return slices.Clone(c.props.keys) }

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
