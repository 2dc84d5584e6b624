package cruisecontrol

import (
	"regexp"
	"slices"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Goals Strimzi configures, by priority (CruiseControlConfiguration,
// CruiseControlGoals).
const goalPackage = "com.linkedin.kafka.cruisecontrol.analyzer.goals."

var (
	rackAware             = goalPackage + "RackAwareGoal"
	rackAwareDistribution = goalPackage + "RackAwareDistributionGoal"
	minTopicLeaders       = goalPackage + "MinTopicLeadersPerBrokerGoal"
	replicaCapacity       = goalPackage + "ReplicaCapacityGoal"
	diskCapacityGoal      = goalPackage + "DiskCapacityGoal"
	inboundCapacity       = goalPackage + "NetworkInboundCapacityGoal"
	outboundCapacity      = goalPackage + "NetworkOutboundCapacityGoal"
	cpuCapacityGoal       = goalPackage + "CpuCapacityGoal"
	replicaDistribution   = goalPackage + "ReplicaDistributionGoal"
	potentialNwOut        = goalPackage + "PotentialNwOutGoal"
	diskDistribution      = goalPackage + "DiskUsageDistributionGoal"
	inboundDistribution   = goalPackage + "NetworkInboundUsageDistributionGoal"
	outboundDistribution  = goalPackage + "NetworkOutboundUsageDistributionGoal"
	cpuDistribution       = goalPackage + "CpuUsageDistributionGoal"
	topicReplicaDistrib   = goalPackage + "TopicReplicaDistributionGoal"
	leaderReplicaDistrib  = goalPackage + "LeaderReplicaDistributionGoal"
	leaderBytesIn         = goalPackage + "LeaderBytesInDistributionGoal"

	// allGoals is CRUISE_CONTROL_GOALS_LIST: every goal, for goals.
	allGoals = []string{rackAware, rackAwareDistribution, minTopicLeaders, replicaCapacity, diskCapacityGoal,
		inboundCapacity, outboundCapacity, cpuCapacityGoal, replicaDistribution, potentialNwOut, diskDistribution,
		inboundDistribution, outboundDistribution, cpuDistribution, topicReplicaDistrib, leaderReplicaDistrib, leaderBytesIn}
	hardGoals = []string{rackAware, replicaCapacity, diskCapacityGoal, inboundCapacity, outboundCapacity, cpuCapacityGoal}
	// anomalyGoals is Cruise Control's own default anomaly.detection.goals.
	anomalyGoals = []string{rackAware, minTopicLeaders, replicaCapacity, diskCapacityGoal}
)

// Keys of cruisecontrol.properties Strimzi sets or reads
// (CruiseControlConfigurationParameters).
const (
	keyGoals             = "goals"
	keyDefaultGoals      = "default.goals"
	keyHardGoals         = "hard.goals"
	keyAnomalyGoals      = "anomaly.detection.goals"
	keySecurityEnable    = "webserver.security.enable"
	keySSLEnable         = "webserver.ssl.enable"
	keySampleReplication = "sample.store.topic.replication.factor"
	// authFile is where the pod mounts the API Secret's authFile.
	authFile = "/opt/cruise-control/api-auth-config/" + authFileKey
)

// defaults are CruiseControlConfiguration.DEFAULT_PROPERTIES_MAP without
// the goals that depend on capacity, sorted as its TreeMap.
var defaults = map[string]string{
	"partition.metrics.window.ms":           "300000",
	"num.partition.metrics.windows":         "1",
	"broker.metrics.window.ms":              "300000",
	"num.broker.metrics.windows":            "20",
	"completed.user.task.retention.time.ms": "86400000",
	keyGoals:                                strings.Join(allGoals, ","),
	keySecurityEnable:                       "true",
	"webserver.auth.credentials.file":       authFile,
	keySSLEnable:                            "true",
	"partition.metric.sample.store.topic":   "strimzi.cruisecontrol.partitionmetricsamples",
	"broker.metric.sample.store.topic":      "strimzi.cruisecontrol.modeltrainingsamples",
	"metric.reporter.topic":                 "strimzi.cruisecontrol.metrics",
}

// forbiddenPrefixes and prefixExceptions are CruiseControlSpec's
// FORBIDDEN_PREFIXES and FORBIDDEN_PREFIX_EXCEPTIONS: the image's start
// script sets those options itself.
var (
	forbiddenPrefixes = []string{"bootstrap.servers", "client.id", "zookeeper.", "network.", "security.",
		"failed.brokers.zk.path", "webserver.http.", "webserver.api.urlprefix", "webserver.session.path",
		"webserver.accesslog.", "two.step.", "request.reason.required", "metric.reporter.sampler.bootstrap.servers",
		"capacity.config.file", "self.healing.", "ssl.", "kafka.broker.failure.detection.enable", "topic.config.provider.class"}
	prefixExceptions = []string{"ssl.cipher.suites", "ssl.protocol", "ssl.enabled.protocols", "webserver.http.cors.enabled",
		"webserver.http.cors.origin", "webserver.http.cors.exposeheaders", "webserver.security.enable", "webserver.ssl.enable"}
)

// configuration is cruisecontrol.properties (CruiseControlConfiguration):
// the defaults in key order, then the user's options in key order, a user
// value replacing a default in place, forbidden options left out.
type configuration struct {
	keys   []string
	values map[string]string
}

func (c *configuration) put(k, v string) {
	if _, ok := c.values[k]; !ok {
		c.keys = append(c.keys, k)
	}
	c.values[k] = v
}

// newConfiguration builds the configuration, with warnings for the options
// Strimzi drops or rewrites and errors for values it cannot print.
func newConfiguration(user map[string]any, capacity *capacity, defaultReplication string) (*configuration, []results.Problem) {
	c := &configuration{values: map[string]string{}}
	all := map[string]string{}
	for k, v := range defaults {
		all[k] = v
	}
	all[keyDefaultGoals] = strings.Join(capacityGoals(allGoals, capacity), ",")
	all[keyHardGoals] = strings.Join(capacityGoals(hardGoals, capacity), ",")
	if defaultReplication != "" {
		all[keySampleReplication] = defaultReplication
	}
	for _, k := range sortedKeys(all) {
		c.put(k, all[k])
	}
	var ps []results.Problem
	for _, k := range sortedKeys(user) {
		v, err := properties.FormatValue(user[k])
		if err != nil {
			ps = append(ps, results.Errorf(configPath(k), "%v", err))
			continue
		}
		if forbidden(k) {
			ps = append(ps, results.Warningf(configPath(k), "%s is set by Strimzi and is left out of %s", k, configFile))
			continue
		}
		c.put(k, v)
	}
	ps = append(ps, c.checkGoals()...)
	return c, ps
}

func configPath(key string) string { return Path + ".config[" + key + "]" }

// forbidden applies AbstractConfiguration.filterForbidden: a prefix matches
// the lower-cased key, an exception the key as written.
func forbidden(k string) bool {
	lower := strings.ToLower(k)
	for _, p := range forbiddenPrefixes {
		if strings.HasPrefix(lower, p) {
			return !slices.Contains(prefixExceptions, k)
		}
	}
	return false
}

// capacityGoals drops the goals that need a network capacity the user did
// not give for every broker, and LeaderBytesInDistributionGoal when brokers
// differ in inbound capacity
// (CruiseControlConfiguration.filterResourceGoalsWithoutCapacityConfig).
func capacityGoals(goals []string, c *capacity) []string {
	var drop []string
	if !c.inboundSet() {
		drop = append(drop, inboundDistribution, inboundCapacity, leaderBytesIn)
	} else if !c.inboundHomogeneous() {
		drop = append(drop, leaderBytesIn)
	}
	if !c.outboundSet() {
		drop = append(drop, outboundDistribution, outboundCapacity, potentialNwOut)
	}
	return slices.DeleteFunc(slices.Clone(goals), func(g string) bool { return slices.Contains(drop, g) })
}

var goalSeparator = regexp.MustCompile(`\s*,\s*`)

// splitGoals is Java's split("\\s*,\\s*"): trailing empty parts dropped.
func splitGoals(s string) []string {
	parts := goalSeparator.Split(s, -1)
	for len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// checkGoals is CruiseControl.checkGoals: anomaly detection goals (Cruise
// Control's own default when unset) outside the default goals would stop
// Cruise Control at start, so they become the default goals, with
// Strimzi's warning. (self.healing.goals, which it also refuses, is a
// forbidden option and never gets here.)
func (c *configuration) checkGoals() []results.Problem {
	anomaly, set := c.values[keyAnomalyGoals]
	if !set {
		anomaly = strings.Join(anomalyGoals, ",")
	}
	defaultGoals := c.values[keyDefaultGoals]
	def := splitGoals(defaultGoals)
	for _, g := range splitGoals(anomaly) {
		if slices.Contains(def, g) {
			continue
		}
		c.put(keyAnomalyGoals, defaultGoals)
		at := keyAnomalyGoals
		if !set {
			at = keyDefaultGoals
		}
		return []results.Problem{results.Warningf(configPath(at),
			"Anomaly goals contained goals which are not in the configured default goals. Anomaly goals have been changed to match the specified default goals.")}
	}
	return nil
}

// enabled is Boolean.parseBoolean of an option.
func (c *configuration) enabled(key string) bool { return strings.EqualFold(c.values[key], "true") }

// Text is the file, one escaped key=value a line
// (OrderedProperties.asPairs).
func (c *configuration) Text() string {
	w := properties.NewWriter()
	for _, k := range c.keys {
		w.Pair(k, c.values[k])
	}
	return w.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
