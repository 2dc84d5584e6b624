package kafka

import (
	"strconv"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/entityoperator"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/logging"
	"github.com/strimzi-render/strimzi-render/fn/metrics"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// OnPool ties p to the KafkaNodePool named pool of a Kafka in namespace.
// Without a pool, p stays about the Kafka.
func OnPool(p results.Problem, namespace, pool string) results.Problem {
	if pool != "" {
		p.Resource = results.Resource{Kind: strimzi.KindKafkaNodePool, Namespace: namespace, Name: pool}
	}
	return p
}

// Validate returns every problem that stops a Kafka and its pools from
// rendering, each on the resource and field that causes it, and warnings
// about what is left out. Strimzi's messages are used where it has them.
// A problem about a pool names it (OnPool).
func Validate(k *strimzi.Kafka, pools []*strimzi.KafkaNodePool, cfg *config.StrimziRender, in Inputs) []results.Problem {
	v := &validator{k: k, spec: k.Spec.Kafka, pools: sortedPools(pools), cfg: &cfg.Spec, in: in, seen: map[results.Problem]bool{}}
	v.filter, _ = labels.NewFilter(v.cfg.LabelsExclusionPattern) // validated with the config
	v.metadata()
	v.components()
	v.certificateAuthorities()
	v.kafkaExporter()
	if v.spec == nil {
		v.errorf("", "spec.kafka", "spec.kafka is required: it describes the brokers and controllers")
		return v.out
	}
	v.version()
	v.listeners()
	v.config()
	v.externalInputs()
	v.rack()
	v.text()
	v.tieredStorage()
	v.clusterTemplates()
	v.nodePools()
	return v.out
}

type validator struct {
	k      *strimzi.Kafka
	spec   *strimzi.KafkaClusterSpec
	pools  []*strimzi.KafkaNodePool
	cfg    *config.Spec
	in     Inputs
	filter labels.Filter
	out    []results.Problem
	// seen drops repeats: a Kafka template shared by pools is checked once per pool.
	seen map[results.Problem]bool
}

// add reports p about pool, or about the Kafka when pool is "".
func (v *validator) add(pool string, p results.Problem) {
	p = OnPool(p, v.k.Namespace, pool)
	if !v.seen[p] {
		v.seen[p] = true
		v.out = append(v.out, p)
	}
}

func (v *validator) errorf(pool, path, format string, args ...any) {
	v.add(pool, results.Errorf(path, format, args...))
}

func (v *validator) warnf(pool, path, format string, args ...any) {
	v.add(pool, results.Warningf(path, format, args...))
}

func (v *validator) metadata() {
	if v.k.Namespace == "" {
		v.errorf("", "metadata.namespace", "a namespace is required, as server.config names Secrets as <namespace>/<name> and nodes reach each other as <pod>.%s.<namespace>.svc: %s",
			names.KafkaBrokersService(v.k.Name), config.NamespaceHint)
	}
	for _, msg := range validation.IsDNS1035Label(names.KafkaBootstrapService(v.k.Name)) {
		v.errorf("", "metadata.name", "Service %s: %s", names.KafkaBootstrapService(v.k.Name), msg)
	}
	if bad := v.filter.ForbiddenOnCR(v.k.Labels); len(bad) > 0 {
		v.errorf("", "metadata.labels", "%s", labels.MsgStrimziLabelOnCR)
	}
	for _, p := range v.pools {
		if bad := v.filter.ForbiddenOnCR(p.Labels); len(bad) > 0 {
			v.errorf(p.Name, "metadata.labels", "%s", labels.MsgStrimziLabelOnCR)
		}
	}
}

// components reports the parts of a Kafka strimzi-render does not render.
func (v *validator) components() {
	s := v.k.Spec
	if len(s.Zookeeper) > 0 {
		v.errorf("", "spec.zookeeper", "ZooKeeper-based clusters are not supported: Strimzi 1.x runs Kafka in KRaft mode, with controllers in a KafkaNodePool")
	}
	for _, p := range entityoperator.Validate(v.k, v.cfg, v.in.ConfigMapData) {
		v.add("", p)
	}
	for path, raw := range map[string][]byte{
		"spec.cruiseControl": s.CruiseControl,
	} {
		if len(raw) > 0 && string(raw) != "null" {
			v.warnf("", path, "%s is not rendered: strimzi-render renders the Kafka nodes, their Services, the Entity Operator and Kafka Exporter only, so it needs the Strimzi operator or its own manifests", path)
		}
	}
	if k := s.Kafka; k != nil {
		if len(k.Replicas) > 0 {
			v.warnf("", "spec.kafka.replicas", "spec.kafka.replicas is ignored: each KafkaNodePool sets its replicas")
		}
		if len(k.Storage) > 0 {
			v.warnf("", "spec.kafka.storage", "spec.kafka.storage is ignored: each KafkaNodePool sets its storage")
		}
	}
}

func (v *validator) version() {
	version := versionOf(v.spec, v.cfg)
	if _, ok := v.cfg.Images.Kafka[version]; !ok {
		v.errorf("", "spec.kafka.version", "%s", UnsupportedVersion(version, v.cfg.Images.Kafka))
		return
	}
	if mv := v.spec.MetadataVersion; mv != "" {
		if msg := CheckMetadataVersion(mv); msg != "" {
			v.errorf("", "spec.kafka.metadataVersion", "%s", msg)
		}
	} else if _, ok := DefaultMetadataVersion(version); !ok {
		v.errorf("", "spec.kafka.metadataVersion", "Kafka %s has no default metadata version known to strimzi-render: set spec.kafka.metadataVersion", version)
	}
}

// config checks spec.kafka.config as far as Strimzi does without Kafka's
// own configuration model.
func (v *validator) config() {
	var all []brokerconfig.Listener
	for _, l := range v.spec.Listeners {
		all = append(all, listenerFrom(l))
	}
	cfg, probs := brokerconfig.NewConfig(v.spec.Config, all)
	for _, p := range probs {
		v.errorf("", p.Path, "Kafka %s/%s has invalid spec.kafka.config: %s", v.k.Namespace, v.k.Name, p.Message)
	}
	if user, ok := cfg.Get("config.providers"); ok {
		for _, msg := range brokerconfig.CheckConfigProviders(user) {
			v.errorf("", "spec.kafka.config[config.providers]", "%s", msg)
		}
	}
	v.replicationFactors()
	if q := v.spec.Quotas; q != nil {
		if q.Type == brokerconfig.QuotasStrimzi && q.MinAvailableBytesPerVolume != nil && q.MinAvailableRatioPerVolume != nil {
			v.errorf("", "spec.kafka.quotas", "You cannot configure both `minAvailableBytesPerVolume` and `minAvailableRatioPerVolume`, they are mutually exclusive.")
		}
		if _, ok := cfg.Get(quotaCallbackClass); ok {
			v.warnf("", "spec.kafka.config["+quotaCallbackClass+"]", "Quotas plugin class cannot be configured in .spec.kafka.config, when .spec.kafka.quotas contains configuration of `%s` plugin. The plugin from .spec.kafka.quotas will be used", q.Type)
		}
	}
	v.cruiseControl(cfg)
	for _, k := range cfg.Dropped {
		v.warnf("", "spec.kafka.config["+k+"]", "%s is set by Strimzi and is left out of server.config", k)
	}
}

// replicationFactors applies KafkaCluster.validateIntConfigProperty: the
// replication options cannot exceed the number of brokers.
func (v *validator) replicationFactors() {
	brokers := v.brokerCount()
	if brokers == 0 {
		return // the pools are reported: Strimzi stops there
	}
	for _, opt := range []string{"default.replication.factor", "offsets.topic.replication.factor",
		"transaction.state.log.replication.factor", "transaction.state.log.min.isr"} {
		raw, ok := v.spec.Config[opt]
		if !ok || raw == nil {
			continue
		}
		text, _ := brokerconfig.FormatValue(raw)
		n, err := strconv.ParseInt(text, 10, 32)
		switch {
		case err != nil:
			v.errorf("", "spec.kafka.config["+opt+"]", "Property %s should be an integer", opt)
		case n > int64(brokers):
			orLess := ""
			if brokers > 1 {
				orLess = " or less"
			}
			v.errorf("", "spec.kafka.config["+opt+"]", "Kafka configuration option '%s' should be set to %d%s because this cluster has only %d Kafka broker(s).", opt, brokers, orLess, brokers)
		}
	}
}

// cruiseControl applies CruiseControlMetricsReporter.fromCrd and
// validateCruiseControl: the brokers' Cruise Control reporter needs two
// brokers and a topic its replicas fit.
func (v *validator) cruiseControl(cfg *brokerconfig.Config) {
	r, probs := cruiseControlReporter(v.k.Spec.CruiseControl, cfg)
	for _, p := range probs {
		v.add("", p)
	}
	brokers := v.brokerCount()
	if r == nil || len(probs) > 0 || brokers == 0 {
		return // the pools are reported: Strimzi stops there
	}
	invalid := "Kafka " + v.k.Namespace + "/" + v.k.Name + " has invalid configuration."
	if brokers < 2 {
		v.errorf("", "spec.cruiseControl", "%s Cruise Control cannot be deployed with a Kafka cluster which has only one broker. It requires at least two Kafka brokers.", invalid)
		return
	}
	// Without its own option the topic takes default.replication.factor,
	// which replicationFactors holds to the broker count already.
	if _, own := cfg.Get(brokerconfig.CruiseControlTopicReplication); own && r.ReplicationFactor > brokers {
		v.errorf("", "spec.kafka.config["+brokerconfig.CruiseControlTopicReplication+"]", "%s Cruise Control metrics reporter replication factor (%d) cannot be higher than number of brokers (%d).", invalid, r.ReplicationFactor, brokers)
		return
	}
	if r.MinInSyncReplicas > r.ReplicationFactor {
		v.errorf("", "spec.kafka.config["+brokerconfig.CruiseControlTopicMinISR+"]",
			"The Cruise Control metric topic minISR was set to a value (%d) which is higher than the number of replicas for that topic (%d). "+
				"Please ensure that the Cruise Control metrics topic minISR is <= to the topic's replication factor.", r.MinInSyncReplicas, r.ReplicationFactor)
	}
}

// brokerCount counts the nodes of broker pools, before node IDs.
func (v *validator) brokerCount() int {
	n := 0
	for _, p := range v.pools {
		if np := nodePoolFrom(p); np.HasRole(nodepools.RoleBroker) {
			n += np.Replicas
		}
	}
	return n
}

// externalInputs checks that the ConfigMaps the output copies are inputs.
func (v *validator) externalInputs() {
	for _, p := range logging.CheckExternal(v.spec.Logging, v.in.ConfigMapData, v.k.Namespace, "spec.kafka.logging") {
		v.errorf("", p.Path, "%s", p.Message)
	}
	for _, p := range metrics.CheckConfig(v.spec.MetricsConfig, v.in.ConfigMapData, v.k.Namespace, "spec.kafka.metricsConfig") {
		v.errorf("", p.Path, "%s", p.Message)
	}
}

func (v *validator) rack() {
	r := v.spec.Rack
	switch {
	case r == nil:
	case (r.Type == "" || r.Type == brokerconfig.RackTopologyLabel) && r.TopologyKey == "":
		v.errorf("", "spec.kafka.rack.topologyKey", "topologyKey property is required")
	case r.Type == brokerconfig.RackEnvironmentVariable && r.EnvVarName == "":
		v.errorf("", "spec.kafka.rack.envVarName", "envVarName property is required")
	}
}

// tieredStorage refuses what would print a class name of null.
func (v *validator) tieredStorage() {
	t := v.spec.TieredStorage
	if t == nil {
		return
	}
	if t.Type != "custom" {
		v.errorf("", "spec.kafka.tieredStorage.type", "tiered storage type %q is not supported: use custom", t.Type)
	}
	if t.RemoteStorageManager == nil || t.RemoteStorageManager.ClassName == "" {
		v.errorf("", "spec.kafka.tieredStorage.remoteStorageManager.className", "className is required: Kafka loads the remote storage manager by its class name")
	}
}

// clusterTemplates checks the templates only the Kafka has.
func (v *validator) clusterTemplates() {
	t := v.spec.Template
	if t == nil {
		return
	}
	const at = "spec.kafka.template."
	if s := t.BootstrapService; s != nil {
		v.userMerged("", at+"bootstrapService.metadata.labels", s.Metadata.Labels)
		v.userMerged("", at+"bootstrapService.metadata.annotations", s.Metadata.Annotations)
	}
	if s := t.BrokersService; s != nil {
		v.additive("", at+"brokersService.metadata.labels", s.Metadata.Labels)
	}
	if s := t.ExternalBootstrapService; s != nil {
		v.userMerged("", at+"externalBootstrapService.metadata.labels", s.Metadata.Labels)
		v.userMerged("", at+"externalBootstrapService.metadata.annotations", s.Metadata.Annotations)
	}
	if s := t.PodDisruptionBudget; s != nil {
		v.additive("", at+"podDisruptionBudget.metadata.labels", s.Metadata.Labels)
	}
	for field, s := range map[string]*strimzi.ResourceTemplate{"serviceAccount": t.ServiceAccount, "clusterRoleBinding": t.ClusterRoleBinding} {
		if s != nil {
			v.additive("", at+field+".metadata.labels", s.Metadata.Labels)
		}
	}
}

// userMerged checks template labels or annotations merged under Strimzi's:
// any strimzi.io/ key is refused.
func (v *validator) userMerged(pool, path string, m map[string]string) {
	if bad := labels.StrimziKeys(m); len(bad) > 0 {
		v.errorf(pool, path, "%s", labels.MsgStrimziInUser(bad))
	}
}

// additive checks template labels added to Strimzi's.
func (v *validator) additive(pool, path string, m map[string]string) {
	if bad := labels.ReservedLabels(m); len(bad) > 0 {
		v.errorf(pool, path, "%s", labels.MsgStrimziLabelOnCR)
	}
}
