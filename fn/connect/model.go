package connect

import (
	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/specs"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Ports, paths and values of the Connect worker (KafkaConnectCluster).
const (
	RESTPort            = 8083
	RESTPortName        = "rest-api"
	MetricsPort         = 9404
	MetricsPortName     = "tcp-prometheus"
	ConfigVolume        = "kafka-connect-configurations"
	ConfigMountPath     = "/opt/kafka/custom-config/"
	StorageVolume       = "data"
	DefaultStoragePath  = "/var/lib/kafka/data"
	DefaultReplicas     = 3
	componentType       = "kafka-connect"
	defaultHealthDelay  = 60
	defaultProbeTimeout = 5
	templateProbeDelay  = 15
	useConnectorsAnno   = "strimzi.io/use-connector-resources"
)

// Inputs gives the model what it may read from other input resources.
type Inputs struct {
	// ConfigMapData returns the data of a ConfigMap in the input, if present.
	ConfigMapData strimzi.ConfigMaps
	// DirectTrust: no operator copies spec.tls.trustedCertificates into
	// <name>-connect-tls-trusted-certs (cert-manager mode), so the workers
	// read each certificate from the user's Secret.
	DirectTrust bool
}

// BuiltImage is what a Connect Build contributes to the workers: the image
// the build pushes, its revision, and the build's own objects.
type BuiltImage struct {
	Image    string
	Revision string
	// DependsOn is the config.kubernetes.io/depends-on value of the
	// workload objects, naming the build's Job or BuildConfig; "" for none.
	DependsOn string
	// Objects are the build's objects, which come first in Objects and
	// OperatorlessObjects.
	Objects []specs.Object
}

// Model is one KafkaConnect, ready to render.
type Model struct {
	cr        *strimzi.KafkaConnect
	spec      *strimzi.KafkaConnectSpec
	cfg       *config.Spec
	in        Inputs
	build     *BuiltImage
	Name      string
	Namespace string
	Replicas  int32
	Image     string

	component      labels.Component
	resourceLabels map[string]string
	tmpl           strimzi.KafkaConnectTemplate
}

// New builds the model of a validated KafkaConnect. build is nil unless the
// resource has a Connect Build.
func New(cr *strimzi.KafkaConnect, cfg *config.StrimziRender, in Inputs, build *BuiltImage) *Model {
	m := &Model{
		cr: cr, spec: &cr.Spec, cfg: &cfg.Spec, in: in, build: build,
		Name: cr.Name, Namespace: cr.Namespace,
	}
	m.Replicas = m.replicas()
	if cr.Spec.Template != nil {
		m.tmpl = *cr.Spec.Template
	}
	m.Image = m.image()
	m.component = labels.Component{
		Cluster: m.Name, Name: names.Connect(m.Name), Kind: strimzi.KindKafkaConnect,
		ComponentType: componentType, AppName: componentType,
	}
	filter, _ := labels.NewFilter(m.cfg.LabelsExclusionPattern) // validated with the config
	m.resourceLabels = labels.Resource(m.component, filter.Apply(cr.Labels))
	return m
}

// image is the build's image, else .spec.image, else the image of the
// version (KafkaConnectCluster.fromCrd and the versions map).
func (m *Model) image() string {
	switch {
	case m.build != nil:
		return m.build.Image
	case m.spec.Image != "":
		return m.spec.Image
	default:
		return m.cfg.Images.KafkaConnect[m.version()]
	}
}

func (m *Model) version() string {
	if m.spec.Version != "" {
		return m.spec.Version
	}
	return m.cfg.Images.DefaultKafkaVersion
}

// rackTopologyKey is the node label of topology-label rack awareness, or "".
func (m *Model) rackTopologyKey() string {
	r := m.spec.Rack
	if r == nil || (r.Type != "" && r.Type != RackTopologyLabel) {
		return ""
	}
	return r.TopologyKey
}

func (m *Model) podTemplate() *strimzi.PodTemplate {
	if m.tmpl.Pod == nil {
		return &strimzi.PodTemplate{}
	}
	return m.tmpl.Pod
}

func (m *Model) containerTemplate() *strimzi.ContainerTemplate {
	if m.tmpl.ConnectContainer == nil {
		return &strimzi.ContainerTemplate{}
	}
	return m.tmpl.ConnectContainer
}

func (m *Model) selector() map[string]string { return labels.Selector(m.component) }

func (m *Model) replicas() int32 {
	if m.spec.Replicas != nil {
		return *m.spec.Replicas
	}
	return DefaultReplicas
}
