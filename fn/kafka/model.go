package kafka

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/entityoperator"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/logging"
	"github.com/strimzi-render/strimzi-render/fn/metrics"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Ports, volumes and values of Kafka pods (KafkaCluster).
const (
	AgentPort           = 8443
	AgentPortName       = "tcp-kafkaagent"
	MetricsPortName     = "tcp-prometheus"
	ConfigVolume        = "kafka-metrics-and-logging"
	ConfigMountPath     = "/opt/kafka/custom-config/"
	ReadyFilesVolume    = "ready-files"
	ReadyFilesMountPath = "/var/opt/kafka"
	componentType       = "kafka"
	// Kafka sizes its heap at half the container memory, at most 5 GiB.
	heapPercent = 50
	heapMax     = int64(5) << 30
)

// Inputs gives the model what it may read from other input resources.
type Inputs struct {
	// ConfigMapData returns the data of a ConfigMap in the input, if present.
	ConfigMapData strimzi.ConfigMaps
	// RenderedNodeIDs holds, by pool name, the node IDs an earlier render in
	// the input gave the pool; they count as its current IDs when it has
	// no status.nodeIds.
	RenderedNodeIDs map[string][]int
}

// Model is one Kafka cluster with its node pools, ready to render
// (Strimzi: KafkaCluster with its KafkaPools).
type Model struct {
	cr   *strimzi.Kafka
	spec *strimzi.KafkaClusterSpec
	cfg  *config.Spec
	in   Inputs

	Name            string
	Namespace       string
	Version         string
	MetadataVersion string
	Image           string
	ClusterID       string
	// Pools in name order, the order the API server lists them in.
	Pools []*Pool
	// Listeners are the listeners rendered: those the endpoint provider knows.
	Listeners []brokerconfig.Listener
	// Cluster holds what every node's server.config shares.
	Cluster *brokerconfig.Cluster
	// EntityOperator is nil unless spec.entityOperator sets an operator.
	EntityOperator *entityoperator.Model

	component      labels.Component
	resourceLabels map[string]string
	tmpl           strimzi.KafkaClusterTemplate
	serverConfigs  map[int]string
}

// Pool is one KafkaNodePool of the cluster (Strimzi: KafkaPool).
type Pool struct {
	cr         *strimzi.KafkaNodePool
	Name       string
	Controller bool
	Broker     bool
	// Nodes are the pool's desired nodes, by node ID.
	Nodes      []nodepools.Node
	Storage    nodepools.Storage
	Assignment nodepools.Assignment
	Template   PoolTemplate

	resourceLabels map[string]string
	resources      *corev1.ResourceRequirements
	jvm            *strimzi.JvmOptions
}

// New builds the model of a Kafka and its pools, which Validate found
// valid. endpoints may be nil for a cluster in one Kubernetes cluster. It
// fails only on an inconsistency validation should have caught.
func New(k *strimzi.Kafka, pools []*strimzi.KafkaNodePool, cfg *config.StrimziRender, in Inputs, endpoints brokerconfig.EndpointProvider) (*Model, error) {
	spec := k.Spec.Kafka
	if spec == nil {
		spec = &strimzi.KafkaClusterSpec{}
	}
	m := &Model{
		cr: k, spec: spec, cfg: &cfg.Spec, in: in,
		Name: k.Name, Namespace: k.Namespace,
		Version:       versionOf(spec, &cfg.Spec),
		ClusterID:     ClusterID(k, pools, cfg.Spec.KafkaClusterIDs),
		serverConfigs: map[int]string{},
	}
	if spec.Template != nil {
		m.tmpl = *spec.Template
	}
	m.MetadataVersion = spec.MetadataVersion
	if m.MetadataVersion == "" {
		m.MetadataVersion, _ = DefaultMetadataVersion(m.Version)
	}
	m.Image = spec.Image
	if m.Image == "" {
		m.Image = cfg.Spec.Images.Kafka[m.Version]
	}
	m.component = labels.Component{
		Cluster: m.Name, Name: names.Kafka(m.Name), Kind: strimzi.KindKafka,
		ComponentType: componentType, AppName: componentType,
	}
	filter, _ := labels.NewFilter(m.cfg.LabelsExclusionPattern) // validated with the config
	m.resourceLabels = labels.Resource(m.component, filter.Apply(k.Labels))

	if endpoints == nil {
		endpoints = brokerconfig.InCluster{Cluster: m.Name, Namespace: m.Namespace, ClusterDomain: m.cfg.ClusterDomain}
	}
	all := make([]brokerconfig.Listener, 0, len(spec.Listeners))
	for _, l := range spec.Listeners {
		all = append(all, listenerFrom(l))
	}
	m.Listeners = renderedListeners(all, endpoints)

	if err := m.addPools(pools, filter); err != nil {
		return nil, err
	}
	userConfig, _ := brokerconfig.NewConfig(spec.Config, all) // validated
	if spec.Quotas != nil {
		// The quotas plugin wins over a callback class in the config (KafkaCluster.validateConfigurationOfQuotasPlugin).
		userConfig.Remove(quotaCallbackClass)
	}
	cruiseControl, _ := cruiseControlReporter(k.Spec.CruiseControl, userConfig) // validated
	if cruiseControl != nil {
		for _, key := range cruiseControlTopicOptions {
			userConfig.Remove(key)
		}
	}
	m.Cluster = &brokerconfig.Cluster{
		Name: m.Name, Namespace: m.Namespace, Nodes: m.Nodes(), Listeners: m.Listeners,
		Rack: rackFrom(spec.Rack), Authorization: authorizationFrom(spec.Authorization),
		TieredStorage: tieredStorageFrom(spec.TieredStorage), Quotas: quotasFrom(spec.Quotas),
		Metrics: metricsFrom(spec.MetricsConfig), CruiseControl: cruiseControl,
		Config: userConfig, Endpoints: endpoints, Certificates: m.tlsSources(),
	}
	for _, n := range m.Cluster.Nodes {
		text, err := m.Cluster.ServerConfig(n)
		if err != nil {
			return nil, fmt.Errorf("server.config of node %d: %w", n.ID, err)
		}
		m.serverConfigs[n.ID] = text
	}
	m.EntityOperator = entityoperator.New(k, m.cfg, m.entityOperatorCluster(filter.Apply(k.Labels)), in.ConfigMapData)
	return m, nil
}

// entityOperatorCluster is what the Entity Operator needs of the cluster:
// it connects to the replication listener through the bootstrap Service
// (EntityTopicOperator, EntityUserOperator).
func (m *Model) entityOperatorCluster(crLabels map[string]string) entityoperator.Cluster {
	c := entityoperator.Cluster{
		Name: m.Name, Namespace: m.Namespace, Labels: crLabels,
		BootstrapServers: fmt.Sprintf("%s:%d", names.KafkaBootstrapService(m.Name), brokerconfig.ReplicationPort),
		CA: entityoperator.CASecrets{
			ClusterCert: names.ClusterCACert(m.Name),
			ClientsCert: names.ClientsCACert(m.Name),
			ClientsKey:  names.ClientsCAKey(m.Name),
		},
	}
	cluster := m.ClusterCA()
	if ca, ok := certManagerCA(cluster); ok {
		c.ClusterCertManager = &entityoperator.CertManagerCA{CA: ca,
			TrustSecret: cluster.CertManager.CACert.SecretName, TrustKey: cluster.CertManager.CACert.Certificate}
	}
	clients := m.ClientsCA()
	if ca, ok := certManagerCA(clients); ok {
		c.ClientsIssuer = &ca.Issuer
		// The User Operator reads the clients CA certificate from the user's Secret.
		c.CA.ClientsCert = clients.CertManager.CACert.SecretName
	}
	return c
}

// ClusterID is the cluster.id of a Kafka, in the order of precedence
// NodePoolUtils.getOrGenerateKRaftClusterId uses, with a stateless last step:
// the Kafka's status.clusterId, else the first pool (in name order) with a
// status.clusterId, else the configured ID for <namespace>/<name>, else
// brokerconfig.DerivedClusterID. The operator would generate a random ID
// instead.
func ClusterID(k *strimzi.Kafka, pools []*strimzi.KafkaNodePool, configured map[string]string) string {
	if k.Status.ClusterID != "" {
		return k.Status.ClusterID
	}
	for _, p := range sortedPools(pools) {
		if p.Status.ClusterID != "" {
			return p.Status.ClusterID
		}
	}
	if id, ok := configured[k.Namespace+"/"+k.Name]; ok {
		return id
	}
	return brokerconfig.DerivedClusterID(k.Namespace, k.Name)
}

// quotaCallbackClass is the option the Strimzi quotas plugin sets itself.
const quotaCallbackClass = "client.quota.callback.class"

func versionOf(spec *strimzi.KafkaClusterSpec, cfg *config.Spec) string {
	if spec.Version != "" {
		return spec.Version
	}
	return cfg.Images.DefaultKafkaVersion
}

// renderedListeners keeps the listeners the provider can give endpoints for.
func renderedListeners(all []brokerconfig.Listener, endpoints brokerconfig.EndpointProvider) []brokerconfig.Listener {
	s, ok := endpoints.(brokerconfig.ListenerSupport)
	if !ok {
		return all
	}
	return slices.DeleteFunc(slices.Clone(all), func(l brokerconfig.Listener) bool { return !s.Supports(l) })
}

// addPools assigns node IDs and builds the pools in name order.
func (m *Model) addPools(crs []*strimzi.KafkaNodePool, filter labels.Filter) error {
	sorted := sortedPools(crs)
	nps := make([]nodepools.NodePool, 0, len(sorted))
	for _, p := range sorted {
		np := nodePoolFrom(p)
		np.RenderedNodeIDs = m.in.RenderedNodeIDs[p.Name]
		nps = append(nps, np)
	}
	assignments, err := nodepools.AssignNodeIDs(nps)
	if err != nil {
		return err
	}
	nodes := nodepools.Nodes(m.Name, nps, assignments)
	for i, cr := range sorted {
		np := nps[i]
		p := &Pool{
			cr: cr, Name: cr.Name, Storage: np.Storage, Assignment: assignments[i],
			Controller: np.HasRole(nodepools.RoleController), Broker: np.HasRole(nodepools.RoleBroker),
			Template: mergeTemplates(m.tmpl, cr.Spec.Template),
		}
		for _, n := range nodes {
			if n.Pool == p.Name {
				p.Nodes = append(p.Nodes, n)
			}
		}
		p.resourceLabels = labels.Resource(m.component, filter.Apply(cr.Labels))
		p.resourceLabels[labels.PoolName] = p.Name
		p.resources, p.jvm = cr.Spec.Resources, cr.Spec.JvmOptions
		if p.resources == nil {
			p.resources = m.spec.Resources
		}
		if p.jvm == nil {
			p.jvm = m.spec.JvmOptions
		}
		m.Pools = append(m.Pools, p)
	}
	return nil
}

// sortedPools orders pools by name, as the API server lists them.
func sortedPools(pools []*strimzi.KafkaNodePool) []*strimzi.KafkaNodePool {
	out := slices.Clone(pools)
	slices.SortStableFunc(out, func(a, b *strimzi.KafkaNodePool) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Nodes lists the nodes of all pools by node ID.
func (m *Model) Nodes() []nodepools.Node {
	var nodes []nodepools.Node
	for _, p := range m.Pools {
		nodes = append(nodes, p.Nodes...)
	}
	slices.SortFunc(nodes, func(a, b nodepools.Node) int { return a.ID - b.ID })
	return nodes
}

// BrokerCount is the number of nodes with the broker role.
func (m *Model) BrokerCount() int {
	n := 0
	for _, p := range m.Pools {
		if p.Broker {
			n += len(p.Nodes)
		}
	}
	return n
}

// ServerConfig is the server.config of a node.
func (m *Model) ServerConfig(nodeID int) string { return m.serverConfigs[nodeID] }

// Logging is log4j2.properties, the same on every node.
func (m *Model) Logging() string {
	return logging.RenderFrom(logging.KafkaDefaults, m.spec.Logging, m.in.ConfigMapData, m.Namespace)
}

// MetricsJSON is the JMX exporter configuration of metrics-config.json,
// copied from the ConfigMap key spec.kafka.metricsConfig names.
func (m *Model) MetricsJSON() (string, bool) {
	return metrics.ExporterRules(m.spec.MetricsConfig, m.in.ConfigMapData, m.Namespace)
}

// rackTopologyKey is the node label of topology-label rack awareness, or "".
func (m *Model) rackTopologyKey() string {
	r := m.spec.Rack
	if r == nil || (r.Type != "" && r.Type != brokerconfig.RackTopologyLabel) {
		return ""
	}
	return r.TopologyKey
}

func (m *Model) selector() map[string]string { return labels.Selector(m.component) }

// Labels are the labels of the cluster's shared objects.
func (m *Model) Labels() map[string]string { return cloneLabels(m.resourceLabels) }

// Labels are the labels of the pool's objects.
func (p *Pool) Labels() map[string]string { return cloneLabels(p.resourceLabels) }

// PodSelector selects the pod of one node of the pool, as a per-pod
// Service does. A StatefulSet's pods share one template, so they are told
// apart by the pod-name label the StatefulSet controller sets on each.
func (m *Model) PodSelector(p *Pool, n nodepools.Node) map[string]string {
	s := m.poolSelector(p)
	if m.cfg.Workload == config.WorkloadStatefulSet {
		s[labels.StatefulSetPodName] = n.Pod
	} else {
		s[labels.PodName] = n.Pod
	}
	return s
}

// poolSelector adds strimzi.io/pool-name (Labels.strimziSelectorLabels of a pool).
func (m *Model) poolSelector(p *Pool) map[string]string {
	s := m.selector()
	s[labels.PoolName] = p.Name
	return s
}

// brokerSelector selects the brokers of all pools (KafkaCluster.brokersSelector).
func (m *Model) brokerSelector() map[string]string {
	s := m.selector()
	s[labels.BrokerRole] = "true"
	return s
}

func cloneLabels(m map[string]string) map[string]string {
	out := maps.Clone(m)
	if out == nil {
		out = map[string]string{}
	}
	return out
}
