package strimzi

import (
	"encoding/json"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Kafka is a decoded kafka.strimzi.io Kafka (v1 or v1beta2).
type Kafka struct {
	Object
	Spec   KafkaSpec
	Status KafkaStatus
}

// KafkaSpec is the spec of Kafka v1. The components strimzi-render does not
// render yet are kept raw, so their presence can be reported.
type KafkaSpec struct {
	Kafka          *KafkaClusterSpec     `json:"kafka,omitempty"`
	EntityOperator *EntityOperatorSpec   `json:"entityOperator,omitempty"`
	CruiseControl  json.RawMessage       `json:"cruiseControl,omitempty"`
	KafkaExporter  *KafkaExporterSpec    `json:"kafkaExporter,omitempty"`
	ClusterCa      *CertificateAuthority `json:"clusterCa,omitempty"`
	ClientsCa      *CertificateAuthority `json:"clientsCa,omitempty"`
	// MaintenanceTimeWindows are cron expressions the User Operator renews
	// user certificates in.
	MaintenanceTimeWindows []string `json:"maintenanceTimeWindows,omitempty"`
	// Zookeeper exists only in v1beta2 custom resources of Strimzi 0.x.
	Zookeeper json.RawMessage `json:"zookeeper,omitempty"`
}

// KafkaClusterSpec is spec.kafka.
type KafkaClusterSpec struct {
	Version             string                       `json:"version,omitempty"`
	MetadataVersion     string                       `json:"metadataVersion,omitempty"`
	Image               string                       `json:"image,omitempty"`
	Listeners           []GenericKafkaListener       `json:"listeners,omitempty"`
	Config              map[string]any               `json:"config,omitempty"`
	Authorization       *KafkaAuthorization          `json:"authorization,omitempty"`
	Rack                *Rack                        `json:"rack,omitempty"`
	BrokerRackInitImage string                       `json:"brokerRackInitImage,omitempty"`
	LivenessProbe       *Probe                       `json:"livenessProbe,omitempty"`
	ReadinessProbe      *Probe                       `json:"readinessProbe,omitempty"`
	JvmOptions          *JvmOptions                  `json:"jvmOptions,omitempty"`
	JmxOptions          *JmxOptions                  `json:"jmxOptions,omitempty"`
	MetricsConfig       *MetricsConfig               `json:"metricsConfig,omitempty"`
	Logging             *Logging                     `json:"logging,omitempty"`
	Template            *KafkaClusterTemplate        `json:"template,omitempty"`
	TieredStorage       *TieredStorage               `json:"tieredStorage,omitempty"`
	Quotas              *Quotas                      `json:"quotas,omitempty"`
	Resources           *corev1.ResourceRequirements `json:"resources,omitempty"`
	// Replicas and Storage exist only in v1beta2, before node pools.
	Replicas json.RawMessage `json:"replicas,omitempty"`
	Storage  json.RawMessage `json:"storage,omitempty"`
}

// GenericKafkaListener is one item of spec.kafka.listeners.
type GenericKafkaListener struct {
	Name           string                  `json:"name"`
	Port           int                     `json:"port"`
	Type           string                  `json:"type"`
	TLS            bool                    `json:"tls"`
	Authentication *ListenerAuthentication `json:"authentication,omitempty"`
	Configuration  *ListenerConfiguration  `json:"configuration,omitempty"`
	// NetworkPolicyPeers may connect to the listener; none means anyone.
	NetworkPolicyPeers []networkingv1.NetworkPolicyPeer `json:"networkPolicyPeers,omitempty"`
}

// ListenerAuthentication is a listener's authentication, all types flattened.
type ListenerAuthentication struct {
	Type           string         `json:"type,omitempty"`
	Sasl           bool           `json:"sasl,omitempty"`
	ListenerConfig map[string]any `json:"listenerConfig,omitempty"`
}

// ListenerConfiguration is a listener's configuration: the fields the
// rendered objects use and the ones whose presence is checked.
type ListenerConfiguration struct {
	BrokerCertChainAndKey     *CertAndKey            `json:"brokerCertChainAndKey,omitempty"`
	UseServiceDNSDomain       *bool                  `json:"useServiceDnsDomain,omitempty"`
	MaxConnections            *int                   `json:"maxConnections,omitempty"`
	MaxConnectionCreationRate *int                   `json:"maxConnectionCreationRate,omitempty"`
	Bootstrap                 *ListenerBootstrap     `json:"bootstrap,omitempty"`
	Brokers                   []ListenerBroker       `json:"brokers,omitempty"`
	IPFamilyPolicy            *corev1.IPFamilyPolicy `json:"ipFamilyPolicy,omitempty"`
	IPFamilies                []corev1.IPFamily      `json:"ipFamilies,omitempty"`
	PublishNotReadyAddresses  *bool                  `json:"publishNotReadyAddresses,omitempty"`
	AdvertisedHostTemplate    string                 `json:"advertisedHostTemplate,omitempty"`
	ExternalTrafficPolicy     string                 `json:"externalTrafficPolicy,omitempty"`
	LoadBalancerSourceRanges  []string               `json:"loadBalancerSourceRanges,omitempty"`
	PreferredNodePortAddress  string                 `json:"preferredNodePortAddressType,omitempty"`
	Class                     string                 `json:"class,omitempty"`
}

// ListenerBootstrap is configuration.bootstrap.
type ListenerBootstrap struct {
	AlternativeNames []string          `json:"alternativeNames,omitempty"`
	Host             string            `json:"host,omitempty"`
	NodePort         *int32            `json:"nodePort,omitempty"`
	LoadBalancerIP   string            `json:"loadBalancerIP,omitempty"`
	Annotations      map[string]string `json:"annotations,omitempty"`
	Labels           map[string]string `json:"labels,omitempty"`
}

// ListenerBroker is one item of configuration.brokers.
type ListenerBroker struct {
	Broker         *int              `json:"broker,omitempty"`
	AdvertisedHost string            `json:"advertisedHost,omitempty"`
	AdvertisedPort *int              `json:"advertisedPort,omitempty"`
	Host           string            `json:"host,omitempty"`
	NodePort       *int32            `json:"nodePort,omitempty"`
	LoadBalancerIP string            `json:"loadBalancerIP,omitempty"`
	Annotations    map[string]string `json:"annotations,omitempty"`
	Labels         map[string]string `json:"labels,omitempty"`
}

// KafkaAuthorization is spec.kafka.authorization.
type KafkaAuthorization struct {
	Type            string   `json:"type,omitempty"`
	SuperUsers      []string `json:"superUsers,omitempty"`
	AuthorizerClass string   `json:"authorizerClass,omitempty"`
	// SupportsAdminAPI is the custom authorizer's supportsAdminApi; the
	// simple authorizer always supports the Admin API.
	SupportsAdminAPI bool `json:"supportsAdminApi,omitempty"`
}

// TieredStorage is spec.kafka.tieredStorage.
type TieredStorage struct {
	Type                 string                `json:"type,omitempty"`
	RemoteStorageManager *RemoteStorageManager `json:"remoteStorageManager,omitempty"`
}

// RemoteStorageManager is the tiered storage plugin.
type RemoteStorageManager struct {
	ClassName string            `json:"className,omitempty"`
	ClassPath *string           `json:"classPath,omitempty"`
	Config    map[string]string `json:"config,omitempty"`
}

// Quotas is spec.kafka.quotas.
type Quotas struct {
	Type                       string   `json:"type,omitempty"`
	ProducerByteRate           *int64   `json:"producerByteRate,omitempty"`
	ConsumerByteRate           *int64   `json:"consumerByteRate,omitempty"`
	MinAvailableBytesPerVolume *int64   `json:"minAvailableBytesPerVolume,omitempty"`
	MinAvailableRatioPerVolume *float64 `json:"minAvailableRatioPerVolume,omitempty"`
	ExcludedPrincipals         []string `json:"excludedPrincipals,omitempty"`
}

// KafkaClusterTemplate is spec.kafka.template.
type KafkaClusterTemplate struct {
	PodSet                   *ResourceTemplate            `json:"podSet,omitempty"`
	Pod                      *PodTemplate                 `json:"pod,omitempty"`
	BootstrapService         *ServiceTemplate             `json:"bootstrapService,omitempty"`
	BrokersService           *ServiceTemplate             `json:"brokersService,omitempty"`
	ExternalBootstrapService *ResourceTemplate            `json:"externalBootstrapService,omitempty"`
	PerPodService            *ResourceTemplate            `json:"perPodService,omitempty"`
	PerPodRoute              *ResourceTemplate            `json:"perPodRoute,omitempty"`
	PerPodIngress            *ResourceTemplate            `json:"perPodIngress,omitempty"`
	PersistentVolumeClaim    *ResourceTemplate            `json:"persistentVolumeClaim,omitempty"`
	PodDisruptionBudget      *PodDisruptionBudgetTemplate `json:"podDisruptionBudget,omitempty"`
	KafkaContainer           *ContainerTemplate           `json:"kafkaContainer,omitempty"`
	InitContainer            *ContainerTemplate           `json:"initContainer,omitempty"`
	ServiceAccount           *ResourceTemplate            `json:"serviceAccount,omitempty"`
	ClusterRoleBinding       *ResourceTemplate            `json:"clusterRoleBinding,omitempty"`
}

// KafkaStatus is the part of status the renderer honours.
type KafkaStatus struct {
	ClusterID string `json:"clusterId,omitempty"`
}

// DecodeKafka decodes a Kafka node. Numbers in spec.kafka.config stay
// json.Number, so they print as written.
func DecodeKafka(node *yaml.RNode) (*Kafka, error) {
	k := &Kafka{Object: newObject(node)}
	size, err := decodeSpec(node, &k.Spec)
	if err != nil {
		return nil, err
	}
	k.SpecBytes = size
	if err := decodeStatus(node, &k.Status); err != nil {
		return nil, err
	}
	return k, nil
}
