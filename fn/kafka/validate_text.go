package kafka

import (
	"fmt"
	"maps"
	"slices"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/jvm"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// printedConfigKeys are the keys of spec.kafka.config whose values Strimzi
// prints as they are, joined with its own, instead of escaping them.
var printedConfigKeys = []string{"config.providers", "metric.reporters", "kafka.metrics.reporters"}

// text refuses the user strings that reach server.config, a JVM option or a
// node label as they are, and could there say more than their field: a line
// break that starts a line of its own, a trailing backslash that joins the
// next line, a blank that splits a JVM option in two.
func (v *validator) text() {
	s := v.spec
	for _, key := range printedConfigKeys {
		if raw, ok := s.Config[key]; ok {
			if value, err := brokerconfig.FormatValue(raw); err == nil {
				v.problems("", properties.CheckRawValueAt("spec.kafka.config["+key+"]", value))
			}
		}
	}
	if a := s.Authorization; a != nil {
		for i, u := range a.SuperUsers {
			v.problems("", properties.CheckRawValueAt(fmt.Sprintf("spec.kafka.authorization.superUsers[%d]", i), u))
		}
		v.problems("", properties.CheckRawValueAt("spec.kafka.authorization.authorizerClass", a.AuthorizerClass))
	}
	if t := s.TieredStorage; t != nil && t.RemoteStorageManager != nil {
		const at = "spec.kafka.tieredStorage.remoteStorageManager"
		rsm := t.RemoteStorageManager
		v.problems("", properties.CheckRawValueAt(at+".className", rsm.ClassName))
		if rsm.ClassPath != nil {
			v.problems("", properties.CheckRawValueAt(at+".classPath", *rsm.ClassPath))
		}
		for _, k := range slices.Sorted(maps.Keys(rsm.Config)) {
			v.problems("", properties.CheckRawValueAt(at+".config."+k, rsm.Config[k]))
		}
	}
	if q := s.Quotas; q != nil {
		for i, p := range q.ExcludedPrincipals {
			v.problems("", properties.CheckRawValueAt(fmt.Sprintf("spec.kafka.quotas.excludedPrincipals[%d]", i), p))
		}
	}
	for i, l := range s.Listeners {
		if c := l.Configuration; c != nil {
			at := fmt.Sprintf("spec.kafka.listeners[%d].configuration", i)
			v.problems("", properties.CheckRawValueAt(at+".advertisedHostTemplate", c.AdvertisedHostTemplate))
			v.problems("", properties.CheckRawValueAt(at+".hostTemplate", c.HostTemplate))
			for j, b := range c.Brokers {
				v.problems("", properties.CheckRawValueAt(fmt.Sprintf("%s.brokers[%d].advertisedHost", at, j), b.AdvertisedHost))
				v.problems("", properties.CheckRawValueAt(fmt.Sprintf("%s.brokers[%d].host", at, j), b.Host))
				v.problems("", properties.CheckRawValueAt(fmt.Sprintf("%s.brokers[%d].loadBalancerIP", at, j), b.LoadBalancerIP))
			}
		}
	}
	v.problems("", jvm.Check(s.JvmOptions, "spec.kafka.jvmOptions"))
	for _, p := range v.pools {
		v.problems(p.Name, jvm.Check(p.Spec.JvmOptions, "spec.jvmOptions"))
	}
	v.rackNames()
	v.clusterIDs()
	v.metadataText()
}

// metadataText checks the labels and annotations rendered objects copy: the
// labels of the Kafka and of each pool, which their objects carry, the
// metadata of every template, and the labels and annotations of the
// listeners' Services, each where it is written.
func (v *validator) metadataText() {
	v.problems("", labels.CheckMetadata("metadata", v.filter.Apply(v.k.Labels), nil))
	v.problems("", labels.CheckTemplates(v.spec.Template, "spec.kafka.template"))
	for i, l := range v.spec.Listeners {
		c := l.Configuration
		if c == nil {
			continue
		}
		at := fmt.Sprintf("spec.kafka.listeners[%d].configuration", i)
		if b := c.Bootstrap; b != nil {
			v.problems("", labels.CheckMetadata(at+".bootstrap", b.Labels, b.Annotations))
		}
		for j, b := range c.Brokers {
			v.problems("", labels.CheckMetadata(fmt.Sprintf("%s.brokers[%d]", at, j), b.Labels, b.Annotations))
		}
	}
	for _, p := range v.pools {
		v.problems(p.Name, labels.CheckMetadata("metadata", v.filter.Apply(p.Labels), nil))
		v.problems(p.Name, labels.CheckTemplates(p.Spec.Template, "spec.template"))
	}
}

// rackNames checks the names rack awareness uses as they are: the node
// label read by the init container and put in the pods' node affinity, and
// the environment variable read through ${strimzienv:...}.
func (v *validator) rackNames() {
	r := v.spec.Rack
	if r == nil {
		return
	}
	if r.TopologyKey != "" {
		for _, msg := range validation.IsQualifiedName(r.TopologyKey) {
			v.errorf("", "spec.kafka.rack.topologyKey", "%q is not a node label key: %s", r.TopologyKey, msg)
		}
	}
	if r.EnvVarName != "" {
		for _, msg := range validation.IsEnvVarName(r.EnvVarName) {
			v.errorf("", "spec.kafka.rack.envVarName", "%q is not an environment variable name: %s", r.EnvVarName, msg)
		}
	}
}

// clusterIDs checks the cluster IDs of the status, which go to cluster.id
// and from there to kafka-storage.sh format.
func (v *validator) clusterIDs() {
	if id := v.k.Status.ClusterID; id != "" && brokerconfig.CheckClusterID(id) != nil {
		v.errorf("", "status.clusterId", "%q %v", id, brokerconfig.ErrClusterID)
	}
	for _, p := range v.pools {
		if id := p.Status.ClusterID; id != "" && brokerconfig.CheckClusterID(id) != nil {
			v.errorf(p.Name, "status.clusterId", "%q %v", id, brokerconfig.ErrClusterID)
		}
	}
}

// problems reports problems about the Kafka, or about the named pool.
func (v *validator) problems(pool string, ps []results.Problem) {
	for _, p := range ps {
		v.add(pool, p)
	}
}
