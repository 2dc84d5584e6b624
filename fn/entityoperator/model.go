package entityoperator

import (
	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/certmanager"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// componentType is the Entity Operator's strimzi.io/component-type and
// app.kubernetes.io/name (EntityOperator.COMPONENT_TYPE).
const componentType = "entity-operator"

// Cluster is what the Kafka model tells the Entity Operator.
type Cluster struct {
	Name      string
	Namespace string
	// Labels are the Kafka's labels that pass the exclusion filter.
	Labels map[string]string
	// BootstrapServers is the address both operators connect to.
	BootstrapServers string
	// CA names the Secrets of the cluster and clients CAs.
	CA CASecrets
	// ClusterCertManager is set when cert-manager issues the operators'
	// certificates (cluster CA of type cert-manager.io).
	ClusterCertManager *CertManagerCA
	// ClientsIssuer is set when the User Operator issues user certificates
	// through cert-manager (clients CA of type cert-manager.io).
	ClientsIssuer *certmanager.IssuerRef
}

// CertManagerCA is a CA of type cert-manager.io: the issuer and validity
// of its Certificates, and the user's Secret and key of the CA
// certificates to trust.
type CertManagerCA struct {
	CA          certmanager.CA
	TrustSecret string
	TrustKey    string
}

// CASecrets are the Secrets of the cluster's certificate authorities.
type CASecrets struct {
	ClusterCert string
	ClientsCert string
	ClientsKey  string
}

// Model is the Entity Operator of one Kafka (Strimzi: EntityOperator).
type Model struct {
	cfg     *config.Spec
	cluster Cluster
	tmpl    strimzi.EntityOperatorTemplate
	certs   Certificates

	component      labels.Component
	resourceLabels map[string]string

	// Topic and User are nil when not configured.
	Topic *TopicOperator
	User  *UserOperator
}

// New returns the Entity Operator of a Kafka that Validate found valid, or
// nil when it sets neither operator: Strimzi then deploys nothing
// (EntityOperator.fromCrd).
func New(k *strimzi.Kafka, cfg *config.Spec, c Cluster, cms strimzi.ConfigMaps) *Model {
	spec := k.Spec.EntityOperator
	if spec == nil || (spec.TopicOperator == nil && spec.UserOperator == nil) {
		return nil
	}
	m := &Model{cfg: cfg, cluster: c, certs: certificatesOf(c)}
	if spec.Template != nil {
		m.tmpl = *spec.Template
	}
	m.component = component(c.Name, names.EntityOperator(c.Name), componentType)
	m.resourceLabels = labels.Resource(m.component, c.Labels)
	if spec.TopicOperator != nil {
		m.Topic = newTopicOperator(k, cfg, c, m.certs, m.tmpl, cms)
	}
	if spec.UserOperator != nil {
		m.User = newUserOperator(k, cfg, c, m.certs, m.tmpl, cms)
	}
	return m
}

func component(cluster, name, typ string) labels.Component {
	return labels.Component{Cluster: cluster, Name: name, Kind: strimzi.KindKafka, ComponentType: typ, AppName: typ}
}

// featureGates is STRIMZI_FEATURE_GATES as the operator passes it on: the
// gates set away from their defaults. Of Strimzi 1.2.0's gates the config
// decides only UseConnectBuildWithBuildah, through the builder
// (FeatureGates.toEnvironmentVariable).
func featureGates(cfg *config.Spec) string {
	if cfg.Build.Builder == config.BuilderKaniko {
		return "-UseConnectBuildWithBuildah"
	}
	return ""
}

// watched is the namespace an operator watches: its watchedNamespace, else
// the Kafka's.
func watched(watchedNamespace, kafkaNamespace string) string {
	if watchedNamespace != "" {
		return watchedNamespace
	}
	return kafkaNamespace
}
