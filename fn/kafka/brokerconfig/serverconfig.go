package brokerconfig

import (
	"slices"

	props "github.com/strimzi-render/strimzi-render/fn/properties"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/names"
)

// Rack types (spec.kafka.rack.type).
const (
	RackTopologyLabel       = "topology-label"
	RackEnvironmentVariable = "environment-variable"
)

// Authorization types (spec.kafka.authorization.type).
const (
	AuthorizationSimple = "simple"
	AuthorizationCustom = "custom"
)

// Quotas plugin types (spec.kafka.quotas.type).
const (
	QuotasKafka   = "kafka"
	QuotasStrimzi = "strimzi"
)

// MetricsPort is where the metrics exporter or the Strimzi metrics reporter
// listens (MetricsModel.METRICS_PORT).
const MetricsPort = 9404

// Cluster holds what the server.config of every node shares: the Kafka custom
// resource's settings and the list of all nodes.
type Cluster struct {
	Name      string
	Namespace string
	// Nodes are the nodes of all pools; the controllers among them form
	// controller.quorum.voters.
	Nodes         []nodepools.Node
	Listeners     []Listener
	Rack          *Rack
	Authorization *Authorization
	TieredStorage *TieredStorage
	Quotas        *Quotas
	Metrics       Metrics
	// CruiseControl is set when the Kafka has spec.cruiseControl.
	CruiseControl *CruiseControlReporter
	// Config is spec.kafka.config from NewConfig; nil means none.
	Config *Config
	// Endpoints supplies node addresses; nil means InCluster with the
	// default cluster domain.
	Endpoints EndpointProvider
	// Certificates names the Secrets of the TLS material (certs.go).
	Certificates Certificates

	sharedCache *sharedConfig
}

// Rack is spec.kafka.rack.
type Rack struct {
	Type        string // RackTopologyLabel (the default) or RackEnvironmentVariable
	TopologyKey string
	EnvVarName  string
}

// Authorization is spec.kafka.authorization.
type Authorization struct {
	Type            string // AuthorizationSimple or AuthorizationCustom
	SuperUsers      []string
	AuthorizerClass string // custom
}

// TieredStorage is spec.kafka.tieredStorage of type custom.
type TieredStorage struct {
	ClassName string
	ClassPath *string // nil prints "null", as Strimzi does
	Config    map[string]string
}

// Quotas is spec.kafka.quotas.
type Quotas struct {
	Type                       string // QuotasKafka or QuotasStrimzi
	ProducerByteRate           *int64
	ConsumerByteRate           *int64
	MinAvailableBytesPerVolume *int64
	MinAvailableRatioPerVolume *float64
	ExcludedPrincipals         []string
}

// Metrics is what spec.kafka.metricsConfig changes in server.config.
type Metrics struct {
	// JMXExporter is set for type jmxPrometheusExporter, which needs the
	// JmxReporter in metric.reporters.
	JMXExporter bool
	// StrimziReporter is set for type strimziMetricsReporter.
	StrimziReporter *StrimziReporter
}

// StrimziReporter is the Strimzi metrics reporter's setting.
type StrimziReporter struct {
	AllowList []string // printed comma-joined
}

// ServerConfig renders the server.config of one node in the order of the
// Strimzi 1.2.0 KafkaBrokerConfigurationBuilder, as
// KafkaCluster.generatePerBrokerConfiguration calls it; the text is trimmed.
// It fails on a user configuration Strimzi refuses (a reserved config provider
// alias, a bad value) and on an endpoint the provider cannot give.
func (c *Cluster) ServerConfig(n nodepools.Node) (string, error) {
	w := &configWriter{}
	w.Header()
	w.Section("Node ID")
	w.Raw("node.id", strconv.Itoa(n.ID))
	w.Blank()

	c.writeRack(w, n)
	c.writeKRaft(w, n)
	w.Section("KRaft metadata log dir configuration")
	w.Raw("metadata.log.dir", n.Storage.KRaftMetadataPath()+"/kafka-log"+strconv.Itoa(n.ID))
	w.Blank()
	if n.Cordoned {
		w.Section("Cordoned log dirs configuration")
		w.Raw("cordoned.log.dirs", "*")
		w.Blank()
	}
	w.Section("Kafka message logs configuration")
	w.Raw("log.dirs", n.Storage.LogDirs(n.ID))
	w.Blank()

	if err := c.writeListeners(w, n); err != nil {
		return "", err
	}
	c.writeAuthorization(w)
	c.writeCruiseControl(w, n)
	c.writeTieredStorage(w, n)
	c.writeQuotas(w, n)
	c.writeStrimziReporter(w)
	if err := c.writeUserConfig(w, n); err != nil {
		return "", err
	}
	return javaTrim(w.String()), nil
}

func (c *Cluster) endpoints() EndpointProvider {
	if c.Endpoints != nil {
		return c.Endpoints
	}
	return InCluster{Cluster: c.Name, Namespace: c.Namespace}
}

// secretRef is the config-provider reference to a key of a Secret in the
// cluster's namespace.
func (c *Cluster) secretRef(secret, key string) string {
	return "${strimzisecrets:" + c.Namespace + "/" + secret + ":" + key + "}"
}

// writeRack prints broker.rack on brokers (Strimzi: withRackId). Nodes of
// a Topology get their Kubernetes cluster as rack, or as its prefix.
func (c *Cluster) writeRack(w *configWriter, n nodepools.Node) {
	if !n.Broker {
		return
	}
	rack := ""
	switch {
	case c.Rack == nil:
	case c.Rack.Type == RackEnvironmentVariable:
		rack = "${strimzienv:" + c.Rack.EnvVarName + "}"
	default:
		rack = "${strimzidir:/opt/kafka/init:rack.id}"
	}
	if rack = c.rackValue(n, rack); rack == "" {
		return
	}
	w.Section("Rack ID")
	w.Raw("broker.rack", rack)
	w.Blank()
}

// writeKRaft prints the roles and the quorum: every controller of every pool,
// sorted by node ID (Strimzi: withKRaft), as voters or, for a dynamic
// quorum, as bootstrap servers.
func (c *Cluster) writeKRaft(w *configWriter, n nodepools.Node) {
	w.Section("KRaft configuration")
	roles := "broker,controller"
	switch {
	case n.Broker && !n.Controller:
		roles = "broker"
	case !n.Broker:
		roles = "controller"
	}
	w.Raw("process.roles", roles)
	w.Raw("controller.listener.names", controlPlaneName)
	if c.DynamicQuorum() {
		w.Raw("controller.quorum.bootstrap.servers", c.BootstrapServers())
	} else {
		w.Raw("controller.quorum.voters", c.Voters())
	}
	w.Blank()
}

// sortedByID returns the nodes in node ID order, copying only when needed.
func sortedByID(nodes []nodepools.Node) []nodepools.Node {
	byID := func(a, b nodepools.Node) int { return a.ID - b.ID }
	if slices.IsSortedFunc(nodes, byID) {
		return nodes
	}
	s := slices.Clone(nodes)
	slices.SortFunc(s, byID)
	return s
}

// writeAuthorization prints the authorizer and the super users: Strimzi's
// own components first (Strimzi: withAuthorization).
func (c *Cluster) writeAuthorization(w *configWriter) {
	a := c.Authorization
	if a == nil {
		return
	}
	users := []string{
		"User:CN=" + names.Kafka(c.Name) + ",O=io.strimzi",
		"User:CN=" + c.Name + "-entity-topic-operator,O=io.strimzi",
		"User:CN=" + c.Name + "-entity-user-operator,O=io.strimzi",
		"User:CN=" + c.Name + "-kafka-exporter,O=io.strimzi",
		"User:CN=" + c.Name + "-cruise-control,O=io.strimzi",
		"User:CN=cluster-operator,O=io.strimzi",
	}
	w.Section("Authorization")
	if a.Type == AuthorizationCustom {
		w.Raw("authorizer.class.name", a.AuthorizerClass)
	} else {
		w.Raw("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
	}
	for _, u := range a.SuperUsers {
		users = append(users, "User:"+u)
	}
	w.Raw("super.users", strings.Join(users, ";"))
	w.Blank()
}

// writeTieredStorage prints the remote log settings on every node, the
// metadata manager reaching the brokers over the replication listener
// (Strimzi: withTieredStorage).
func (c *Cluster) writeTieredStorage(w *configWriter, n nodepools.Node) {
	ts := c.TieredStorage
	if ts == nil {
		return
	}
	const rlmm = "rlmm.config.remote.log.metadata.common.client."
	w.Section("Kafka tiered storage configuration")
	w.Comment("RLMM configuration generated by Strimzi")
	w.Raw("remote.log.storage.system.enable", "true")
	w.Raw("remote.log.metadata.manager.impl.prefix", "rlmm.config.")
	w.Raw("remote.log.metadata.manager.class.name", "org.apache.kafka.server.log.remote.metadata.storage.TopicBasedRemoteLogMetadataManager")
	w.Raw("remote.log.metadata.manager.listener.name", replicationName)
	w.Raw(rlmm+"bootstrap.servers", names.KafkaBrokersService(c.Name)+":"+strconv.Itoa(ReplicationPort))
	w.Raw(rlmm+"security.protocol", "SSL")
	c.writeClientTLS(w, rlmm, n)
	w.Comment("RSM configs set by the operator and by the user")
	classPath := "null"
	if ts.ClassPath != nil {
		classPath = *ts.ClassPath
	}
	w.Raw("remote.log.storage.manager.class.name", ts.ClassName)
	w.Raw("remote.log.storage.manager.class.path", classPath)
	w.Raw("remote.log.storage.manager.impl.prefix", "rsm.config.")
	for _, k := range sortedKeys(ts.Config) {
		w.Raw("rsm.config."+k, ts.Config[k])
	}
	w.Blank()
}

// writeClientTLS prints the PEM key store of the node and the cluster CA
// trust store for a client inside the broker.
func (c *Cluster) writeClientTLS(w *configWriter, prefix string, n nodepools.Node) {
	crt, key := c.nodeCert(n)
	w.Raw(prefix+"ssl.keystore.certificate.chain", c.ref(crt))
	w.Raw(prefix+"ssl.keystore.key", c.ref(key))
	w.Raw(prefix+"ssl.keystore.type", "PEM")
	w.Raw(prefix+"ssl.truststore.certificates", c.ref(c.clusterTrust()))
	w.Raw(prefix+"ssl.truststore.type", "PEM")
}

// writeQuotas configures the Strimzi quotas plugin; Kafka's built-in quotas
// need nothing here (Strimzi: withQuotas).
func (c *Cluster) writeQuotas(w *configWriter, n nodepools.Node) {
	q := c.Quotas
	if q == nil || q.Type != QuotasStrimzi {
		return
	}
	const p = "client.quota.callback.static."
	w.Section("Quotas configuration")
	w.Raw("client.quota.callback.class", "io.strimzi.kafka.quotas.StaticQuotaCallback")
	w.Raw(p+"kafka.admin.bootstrap.servers", names.KafkaBrokersService(c.Name)+":"+strconv.Itoa(ReplicationPort))
	w.Raw(p+"kafka.admin.security.protocol", "SSL")
	c.writeClientTLS(w, p+"kafka.admin.", n)
	printInt := func(key string, v *int64) {
		if v != nil {
			w.Raw(key, strconv.FormatInt(*v, 10))
		}
	}
	printInt(p+"produce", q.ProducerByteRate)
	printInt(p+"fetch", q.ConsumerByteRate)
	printInt(p+"storage.per.volume.limit.min.available.bytes", q.MinAvailableBytesPerVolume)
	if q.MinAvailableRatioPerVolume != nil {
		w.Raw(p+"storage.per.volume.limit.min.available.ratio", javaDouble(*q.MinAvailableRatioPerVolume))
	}
	excluded := append([]string{
		"User:CN=" + names.Kafka(c.Name) + ",O=io.strimzi",
		"User:CN=" + c.Name + "-cruise-control,O=io.strimzi",
	}, q.ExcludedPrincipals...)
	w.Raw(p+"excluded.principal.name.list", strings.Join(excluded, ";"))
	w.Blank()
}

// writeStrimziReporter enables the reporter's HTTP endpoint
// (Strimzi: withStrimziMetricsReporter).
func (c *Cluster) writeStrimziReporter(w *configWriter) {
	r := c.Metrics.StrimziReporter
	if r == nil {
		return
	}
	w.Section("Strimzi Metrics Reporter configuration")
	w.Raw("prometheus.metrics.reporter.listener.enable", "true")
	w.Raw("prometheus.metrics.reporter.listener", "http://:"+strconv.Itoa(MetricsPort))
	w.Raw("prometheus.metrics.reporter.allowlist", strings.Join(r.AllowList, ","))
	w.Blank()
}

// configWriter is the builder's PrintWriter: lines end with \n, and every
// key goes through the properties writer.
type configWriter = props.Writer

// javaTrim is String.trim: it strips every character up to U+0020 at both ends.
func javaTrim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
}
