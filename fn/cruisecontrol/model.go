package cruisecontrol

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Values of the Cruise Control pod (CruiseControl, MetricsModel).
const (
	componentType   = "cruise-control"
	containerName   = "cruise-control"
	RESTPort        = 9090
	RESTPortName    = "rest-api"
	MetricsPort     = 9404
	MetricsPortName = "tcp-prometheus"
	// healthCheckPath is where the probe script asks for the state.
	healthCheckPath     = "/kafkacruisecontrol/state"
	healthCheckUser     = "healthcheck"
	rebalanceUser       = "rebalance-operator"
	topicOperatorUser   = "topic-operator"
	heapPercent         = 75
	configFile          = "cruisecontrol.properties"
	capacityFile        = "capacity.json"
	loggingFile         = "log4j2.properties"
	metricsFile         = "metrics-config.json"
	authFileKey         = "cruise-control.authFile"
	healthCheckPassword = "healthcheck.password"
	rebalancePassword   = "rebalance-operator.password"
)

// Inputs is what the Kafka model tells Cruise Control about its cluster.
type Inputs struct {
	Cluster   string
	Namespace string
	// CRLabels are the Kafka's labels the exclusion filter keeps.
	CRLabels map[string]string
	// BootstrapAddress is <cluster>-kafka-bootstrap:<replication port>,
	// where Cruise Control connects with its certificate.
	BootstrapAddress string
	// Brokers are the broker nodes, by node ID.
	Brokers []Broker
	// DefaultReplicationFactor is spec.kafka.config's
	// default.replication.factor as Strimzi prints it, "" when unset.
	DefaultReplicationFactor string
	// TopicOperator is set when the Entity Operator runs a Topic Operator,
	// which calls the REST API.
	TopicOperator bool
	// ConfigMapData gives the external logging and metrics ConfigMaps.
	ConfigMapData strimzi.ConfigMaps
	// SecretData gives the decoded data of Secrets among the inputs: the
	// apiUsers Secret is checked when it is one.
	SecretData strimzi.ConfigMaps
	// Certificates, when set, replaces the Secrets the operator's own CA
	// mode issues (OperatorCA).
	Certificates *Certificates
}

// Broker is one broker node as the capacity file sees it: its pool's
// storage and resources.
type Broker struct {
	ID   int
	Pool string
	// JBOD tells a JBOD array from a single volume; Volumes lists the
	// data volumes.
	JBOD    bool
	Volumes []Volume
	// Resources are the pool's, or spec.kafka's when the pool sets none.
	Resources *corev1.ResourceRequirements
}

// Volume is a data volume: its JBOD id and size ("" when unset).
type Volume struct {
	ID   int
	Size string
}

// Model is the Cruise Control of one Kafka (Strimzi: CruiseControl).
type Model struct {
	spec  *strimzi.CruiseControlSpec
	cfg   *config.Spec
	in    Inputs
	tmpl  strimzi.CruiseControlTemplate
	certs Certificates

	Name  string
	Image string

	capacity *capacity
	conf     *configuration
	warnings []results.Problem

	component      labels.Component
	resourceLabels map[string]string
}

// New returns the Cruise Control of spec, which Validate found valid, or
// nil when the Kafka has no spec.cruiseControl (CruiseControl.fromCrd).
func New(spec *strimzi.CruiseControlSpec, in Inputs, cfg *config.Spec) *Model {
	if spec == nil {
		return nil
	}
	m := &Model{spec: spec, cfg: cfg, in: in, Name: names.CruiseControl(in.Cluster), Image: spec.Image}
	if m.Image == "" {
		m.Image = cfg.Images.CruiseControl
	}
	if spec.Template != nil {
		m.tmpl = *spec.Template
	}
	m.certs = OperatorCA(in.Cluster)
	if in.Certificates != nil {
		m.certs = *in.Certificates
	}
	m.component = labels.Component{
		Cluster: in.Cluster, Name: m.Name, Kind: strimzi.KindKafka,
		ComponentType: componentType, AppName: componentType,
	}
	m.resourceLabels = labels.Resource(m.component, in.CRLabels)
	var capacityProblems, configProblems []results.Problem
	m.capacity, capacityProblems = newCapacity(spec.BrokerCapacity, in.Brokers)
	m.conf, configProblems = newConfiguration(spec.Config, m.capacity, in.DefaultReplicationFactor)
	m.warnings = only(results.Warning, append(capacityProblems, configProblems...))
	return m
}

// Warnings are what Strimzi only logs about a valid Cruise Control: broker
// capacity overrides it ignores, options it drops, anomaly goals it
// rewrites. Nil for a nil model.
func (m *Model) Warnings() []results.Problem {
	if m == nil {
		return nil
	}
	return m.warnings
}

// only keeps the problems of one severity.
func only(s results.Severity, ps []results.Problem) []results.Problem {
	var out []results.Problem
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// Objects are what CruiseControlReconciler creates, in its order:
// NetworkPolicy, ServiceAccount, ConfigMap, Service, PodDisruptionBudget
// and Deployment. The Secrets come from the operator (certificates.go).
// Nil for a nil model.
func (m *Model) Objects() []specs.Object {
	if m == nil {
		return nil
	}
	var out []specs.Object
	if *m.cfg.NetworkPolicies {
		out = specs.Append(out, m.NetworkPolicy())
	}
	out = specs.Append(out, m.ServiceAccount())
	out = specs.Append(out, m.ConfigMap())
	out = specs.Append(out, m.Service())
	if *m.cfg.PodDisruptionBudgets {
		out = specs.Append(out, m.PodDisruptionBudget())
	}
	out = specs.Append(out, m.Certificate())
	return specs.Append(out, m.Deployment())
}

func (m *Model) selector() map[string]string { return labels.Selector(m.component) }
