package kafka

import (
	"slices"
	"strconv"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/certmanager"
	"github.com/strimzi-render/strimzi-render/fn/cruisecontrol"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// cruiseControlReporter is the reporter the brokers run for a Kafka with
// spec.cruiseControl, or nil, with the problems of its options. An empty
// spec.cruiseControl enables it as much as a full one does
// (KafkaSpec.getCruiseControl() != null).
func cruiseControlReporter(cc *strimzi.CruiseControlSpec, cfg *brokerconfig.Config) (*brokerconfig.CruiseControlReporter, []results.Problem) {
	if cc == nil {
		return nil, nil
	}
	return brokerconfig.NewCruiseControlReporter(cc.Config, cfg)
}

// cruiseControlTopicOptions are the options Strimzi takes out of the user
// configuration once Cruise Control has read them.
var cruiseControlTopicOptions = []string{
	brokerconfig.CruiseControlTopicPartitions,
	brokerconfig.CruiseControlTopicReplication,
	brokerconfig.CruiseControlTopicMinISR,
}

// CruiseControl is the cluster's Cruise Control, nil without
// spec.cruiseControl. It connects to the bootstrap Service on the
// replication port and sizes each broker from its pool
// (CruiseControl.fromCrd with the broker nodes, storage and resources).
func (m *Model) CruiseControl() *cruisecontrol.Model {
	var brokers []cruisecontrol.Broker
	for _, p := range m.Pools {
		if !p.Broker {
			continue
		}
		for _, n := range p.Nodes {
			brokers = append(brokers, ccBroker(n.ID, p.Name, p.Storage, p.resources))
		}
	}
	slices.SortFunc(brokers, func(a, b cruisecontrol.Broker) int { return a.ID - b.ID })
	filter, _ := labels.NewFilter(m.cfg.LabelsExclusionPattern) // validated with the config
	rf, _ := m.Cluster.Config.Get("default.replication.factor")
	return cruisecontrol.New(m.cr.Spec.CruiseControl, m.ccInputs(filter.Apply(m.cr.Labels), brokers, rf), m.cfg)
}

// ccInputs is what Cruise Control needs of the cluster besides its brokers.
func (m *Model) ccInputs(crLabels map[string]string, brokers []cruisecontrol.Broker, replicationFactor string) cruisecontrol.Inputs {
	eo := m.cr.Spec.EntityOperator
	return cruisecontrol.Inputs{
		Cluster: m.Name, Namespace: m.Namespace, CRLabels: crLabels,
		BootstrapAddress:         names.KafkaBootstrapService(m.Name) + ":" + strconv.Itoa(brokerconfig.ReplicationPort),
		Brokers:                  brokers,
		DefaultReplicationFactor: replicationFactor,
		TopicOperator:            eo != nil && eo.TopicOperator != nil,
		ConfigMapData:            m.in.ConfigMapData,
		SecretData:               m.in.SecretData,
		Certificates:             m.ccCertManager(),
	}
}

// ccCertManager names Cruise Control's Secrets in cert-manager mode: the
// one cert-manager writes for its Certificate and the user's CA Secret;
// nil in the operator's CA mode.
func (m *Model) ccCertManager() *cruisecontrol.Certificates {
	cluster := m.ClusterCA()
	ca, ok := certManagerCA(cluster)
	if !ok {
		return nil
	}
	c := cruisecontrol.OperatorCA(m.Name)
	c.Server = certmanager.SecretName(c.Server)
	c.ServerCertKey, c.ServerKeyKey = certmanager.KeyCert, certmanager.KeyKey
	c.ClusterCA, c.ClusterCAKey = cluster.CertManager.CACert.SecretName, cluster.CertManager.CACert.Certificate
	c.Issuer = &ca
	return &c
}

// ccBroker is a broker as the capacity file sees it: a persistent volume's
// size, an ephemeral one's size limit.
func ccBroker(id int, pool string, s nodepools.Storage, resources *corev1.ResourceRequirements) cruisecontrol.Broker {
	b := cruisecontrol.Broker{ID: id, Pool: pool, JBOD: s.JBOD(), Resources: resources}
	for _, v := range s.AllVolumes() {
		size := v.Size
		if v.Type == nodepools.StorageEphemeral {
			size = v.SizeLimit
		}
		vol := cruisecontrol.Volume{Size: size}
		if v.ID != nil {
			vol.ID = *v.ID
		}
		b.Volumes = append(b.Volumes, vol)
	}
	return b
}

// cruiseControlNotes are Strimzi's logged warnings about the capacities
// and goals, and, without a running operator, the Secrets the pod mounts.
func (m *Model) cruiseControlNotes(withOperator bool) []results.Problem {
	cc := m.CruiseControl()
	out := cc.Warnings()
	if !withOperator {
		out = append(out, cc.Note()...)
	}
	return out
}

// cruiseControlComponent adds the problems of spec.cruiseControl. Node IDs
// are not known yet: each broker pool stands for its nodes, which is
// enough for the errors; the warnings that need node IDs come with the
// model (cruiseControlNotes).
func (v *validator) cruiseControlComponent() {
	cc := v.k.Spec.CruiseControl
	if cc == nil {
		return
	}
	var brokers []cruisecontrol.Broker
	for _, p := range v.pools {
		np := nodePoolFrom(p)
		if !np.HasRole(nodepools.RoleBroker) {
			continue
		}
		resources := p.Spec.Resources
		if resources == nil && v.spec != nil {
			resources = v.spec.Resources
		}
		brokers = append(brokers, ccBroker(-1, p.Name, np.Storage, resources))
	}
	var rf string
	if v.spec != nil {
		if raw, ok := v.spec.Config["default.replication.factor"]; ok {
			rf, _ = brokerconfig.FormatValue(raw)
		}
	}
	in := cruisecontrol.Inputs{Cluster: v.k.Name, Namespace: v.k.Namespace, Brokers: brokers,
		DefaultReplicationFactor: rf, ConfigMapData: v.in.ConfigMapData, SecretData: v.in.SecretData}
	for _, p := range cruisecontrol.Validate(cc, in, v.cfg) {
		v.add("", p)
	}
}
