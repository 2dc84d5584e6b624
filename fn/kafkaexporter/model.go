package kafkaexporter

import (
	"regexp"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/certmanager"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Values of the exporter pod (KafkaExporter, MetricsModel).
const (
	componentType   = "kafka-exporter"
	MetricsPort     = 9404
	MetricsPortName = "tcp-prometheus"
	defaultRegex    = ".*"
	defaultLogLevel = "info"
)

// Inputs is what the Kafka model tells the exporter about its cluster.
type Inputs struct {
	Cluster   string
	Namespace string
	// CRLabels are the Kafka's labels the exclusion filter keeps.
	CRLabels map[string]string
	// BootstrapAddress is <cluster>-kafka-bootstrap:<replication port>,
	// where the exporter connects with its client certificate.
	BootstrapAddress string
	// KafkaVersion is the cluster's Kafka version.
	KafkaVersion string
	// CertManager is set when the cluster CA is of type cert-manager.io.
	CertManager *CertManagerCA
}

// CertManagerCA is the cluster CA in cert-manager mode: the issuer of the
// exporter's Certificate and the user's Secret and key of the CA
// certificates to trust.
type CertManagerCA struct {
	CA          certmanager.CA
	TrustSecret string
	TrustKey    string
}

// Model is the Kafka Exporter of one Kafka (Strimzi: KafkaExporter).
type Model struct {
	spec *strimzi.KafkaExporterSpec
	cfg  *config.Spec
	in   Inputs
	tmpl strimzi.KafkaExporterTemplate

	Name  string
	Image string

	component      labels.Component
	resourceLabels map[string]string
}

// New returns the exporter of spec, which Validate found valid, or nil when
// the Kafka has no spec.kafkaExporter (KafkaExporter.fromCrd).
func New(spec *strimzi.KafkaExporterSpec, in Inputs, cfg *config.Spec) *Model {
	if spec == nil {
		return nil
	}
	m := &Model{spec: spec, cfg: cfg, in: in, Name: names.KafkaExporter(in.Cluster), Image: imageOf(spec, cfg)}
	if spec.Template != nil {
		m.tmpl = *spec.Template
	}
	m.component = labels.Component{
		Cluster: in.Cluster, Name: m.Name, Kind: strimzi.KindKafka,
		ComponentType: componentType, AppName: componentType,
	}
	m.resourceLabels = labels.Resource(m.component, in.CRLabels)
	return m
}

// imageOf is spec.kafkaExporter.image, else STRIMZI_DEFAULT_KAFKA_EXPORTER_IMAGE.
// Strimzi's install sets that variable, so the operator's fallback to
// spec.kafka.image and the default Kafka version's image never applies.
func imageOf(spec *strimzi.KafkaExporterSpec, cfg *config.Spec) string {
	if spec.Image != "" {
		return spec.Image
	}
	return cfg.Images.KafkaExporter
}

// Objects are what KafkaExporterReconciler creates, in its order:
// ServiceAccount, NetworkPolicy, PodDisruptionBudget and Deployment. The
// certificate Secret comes from the operator's CA, or in cert-manager mode
// from the Certificate rendered before the Deployment (certificates.go).
// Nil for a nil model.
func (m *Model) Objects() []specs.Object {
	if m == nil {
		return nil
	}
	out := specs.Append(nil, m.ServiceAccount())
	if *m.cfg.NetworkPolicies {
		out = specs.Append(out, m.NetworkPolicy())
	}
	if *m.cfg.PodDisruptionBudgets {
		out = specs.Append(out, m.PodDisruptionBudget())
	}
	out = specs.Append(out, m.Certificate())
	return specs.Append(out, m.Deployment())
}

func (m *Model) selector() map[string]string { return labels.Selector(m.component) }

var canonicalVersion = regexp.MustCompile(`^(\d+\.\d+\.\d+)`)

// canonicalKafkaVersion is the x.y.z the version starts with
// (KafkaVersion.canonicalVersion).
func (m *Model) canonicalKafkaVersion() string {
	if v := canonicalVersion.FindString(m.in.KafkaVersion); v != "" {
		return v
	}
	return m.in.KafkaVersion
}

func orDefault(p *string, def string) string {
	if p == nil {
		return def
	}
	return *p
}
