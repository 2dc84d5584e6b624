package stretch

import (
	"maps"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/kafka"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/specs"
)

// Bundle holds the objects one Kubernetes cluster gets besides those of
// its node pools: the inventory ConfigMap first, then the cluster's shared
// objects and the provider's.
type Bundle struct {
	Alias   string
	Objects []specs.Object
}

// Rendering is a stretched Kafka's objects: a bundle per configured
// cluster, in the config's order, and each pool's objects, which belong to
// the bundle of the pool's alias. Every object is annotated with its alias
// and the provider.
type Rendering struct {
	Bundles []Bundle
	Pools   map[string][]specs.Object
}

// Render files the model's objects into bundles. Shared objects go to every
// cluster, each cluster's Role and PodDisruptionBudget covering its own
// nodes; node-bound objects and the provider's per-node objects go to the
// node's cluster only; the Entity Operator goes to the central cluster.
func (net *Network) Render(m *kafka.Model) Rendering {
	r := Rendering{Pools: map[string][]specs.Object{}}
	for _, alias := range net.Entry.Aliases() {
		var local []*kafka.Pool
		var inventory []specs.Object
		for _, p := range m.Pools {
			if net.Alias(p.Name) != alias {
				continue
			}
			local = append(local, p)
			objs := net.poolObjects(m, p)
			r.Pools[p.Name] = objs
			inventory = append(inventory, objs...)
		}
		shared := m.ClusterObjectsOf(local)
		shared = append(shared, net.Provider.ClusterObjects(m, alias)...)
		if alias == net.Entry.CentralAlias {
			// One Entity Operator per Kafka, beside the other clients.
			shared = append(shared, m.EntityOperator.Objects()...)
		}
		inventory = append(inventory, shared...)
		// The ApplicationSet is Argo CD's, in its namespace: not in the inventory.
		if alias == net.Entry.CentralAlias && net.Entry.ApplicationSet != nil {
			shared = append(shared, net.applicationSet())
		}
		b := Bundle{Alias: alias, Objects: append([]specs.Object{net.gcConfigMap(m, alias, kinds(inventory))}, shared...)}
		for _, o := range b.Objects {
			net.mark(o, alias)
		}
		r.Bundles = append(r.Bundles, b)
	}
	for _, p := range m.Pools {
		for _, o := range r.Pools[p.Name] {
			net.mark(o, net.Alias(p.Name))
		}
	}
	return r
}

// poolObjects are the pool's objects, the provider's for each node, and
// the SANs each node's certificate needs on its ConfigMap.
func (net *Network) poolObjects(m *kafka.Model, p *kafka.Pool) []specs.Object {
	objs := m.PoolObjects(p)
	for _, n := range p.Nodes {
		sn := net.Node(n)
		objs = append(objs, net.Provider.NodeObjects(m, p, sn, net.Ports(n))...)
	}
	for _, o := range objs {
		switch o := o.(type) {
		case *corev1.ConfigMap:
			for _, n := range p.Nodes {
				if n.Pod == o.Name {
					dns, ips := m.CertificateNames(n)
					setAnnotation(o, AnnoNodeAddressing, net.NodeAddressing(n))
					setAnnotation(o, AnnoCertDNSNames, strings.Join(dns, ","))
					if len(ips) > 0 {
						setAnnotation(o, AnnoCertIPAddresses, strings.Join(ips, ","))
					}
				}
			}
		case *pods.StrimziPodSet:
			setAnnotation(o, AnnoAlias, net.Alias(p.Name))
		}
	}
	return objs
}

// mark records the bundle and the provider on an object.
func (net *Network) mark(o specs.Object, alias string) {
	setAnnotation(o, AnnoCluster, alias)
	setAnnotation(o, AnnoProvider, net.Provider.Name())
}

func setAnnotation(o metav1.Object, k, v string) {
	a := maps.Clone(o.GetAnnotations())
	if a == nil {
		a = map[string]string{}
	}
	a[k] = v
	o.SetAnnotations(a)
}

// kinds lists the kinds of objects, sorted, each once.
func kinds(objs []specs.Object) []string {
	var out []string
	for _, o := range objs {
		if kind := o.GetObjectKind().GroupVersionKind().Kind; !slices.Contains(out, kind) {
			out = append(out, kind)
		}
	}
	slices.Sort(out)
	return out
}
