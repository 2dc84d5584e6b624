package config

import (
	"fmt"
	"net"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Network providers of a stretch cluster.
const (
	ProviderMCS          = "mcs"
	ProviderNodePort     = "nodeport"
	ProviderLoadBalancer = "loadbalancer"
	ProviderDNSTemplate  = "dnsTemplate"
)

// Quorum forms of a stretch cluster.
const (
	QuorumStatic  = "static"
	QuorumDynamic = "dynamic"
)

// Stretch defaults.
const (
	DefaultPathPrefix         = "clusters"
	DefaultClustersetDomain   = "clusterset.local"
	DefaultNodePortStride     = 10
	DefaultNodePortMin        = 30000
	DefaultNodePortMax        = 32767
	DefaultArgoCDNamespace    = "argocd"
	DefaultArgoCDProject      = "default"
	DefaultArgoCDRevision     = "HEAD"
	applicationSetAliasMarker = "{{.alias}}"
)

// Output says where rendered objects go.
type Output struct {
	// TargetCluster, when set, keeps only that alias's bundle.
	TargetCluster string `json:"targetCluster,omitempty"`
	PathPrefix    string `json:"pathPrefix,omitempty"`
	// ClaimsPath, when set, files the PersistentVolumeClaims that must
	// outlive the cluster in that subdirectory of where they would go, so
	// they are applied apart from what a pruning apply may delete.
	ClaimsPath string `json:"claimsPath,omitempty"`
}

// Stretch places one Kafka's node pools in several Kubernetes clusters.
type Stretch struct {
	// Kafka is <namespace>/<name>, or a name matching any namespace.
	Kafka          string           `json:"kafka"`
	CentralAlias   string           `json:"centralAlias"`
	Clusters       []StretchCluster `json:"clusters"`
	Network        Network          `json:"network"`
	Quorum         string           `json:"quorum,omitempty"`
	ApplicationSet *ApplicationSet  `json:"applicationSet,omitempty"`
}

// StretchCluster is one Kubernetes cluster of a stretch cluster, with what
// its network provider cannot discover offline.
type StretchCluster struct {
	Alias        string               `json:"alias"`
	NodePort     *ClusterNodePort     `json:"nodePort,omitempty"`
	LoadBalancer *ClusterLoadBalancer `json:"loadBalancer,omitempty"`
	ArgoCluster  string               `json:"argoCluster,omitempty"`
}

// ClusterNodePort is the address in front of a cluster's nodes.
type ClusterNodePort struct {
	Address string `json:"address"`
}

// ClusterLoadBalancer pins the address of each node's load balancer, by node ID.
type ClusterLoadBalancer struct {
	Addresses map[string]string `json:"addresses"`
}

// Network selects the provider and holds its cluster-wide settings.
type Network struct {
	Provider     string               `json:"provider"`
	MCS          *MCSNetwork          `json:"mcs,omitempty"`
	NodePort     *NodePortNetwork     `json:"nodePort,omitempty"`
	LoadBalancer *LoadBalancerNetwork `json:"loadBalancer,omitempty"`
	DNSTemplate  *DNSTemplateNetwork  `json:"dnsTemplate,omitempty"`
}

// MCSNetwork configures the Multi-Cluster Services provider.
type MCSNetwork struct {
	ClustersetDomain string `json:"clustersetDomain,omitempty"`
	ExportBootstrap  bool   `json:"exportBootstrap,omitempty"`
}

// NodePortNetwork pins node ports: base + nodeID*stride + slot.
type NodePortNetwork struct {
	PortBase int `json:"portBase"`
	Stride   int `json:"stride,omitempty"`
	RangeMin int `json:"rangeMin,omitempty"`
	RangeMax int `json:"rangeMax,omitempty"`
}

// LoadBalancerNetwork names the annotation that requests a Service's address.
type LoadBalancerNetwork struct {
	AnnotationKey string `json:"annotationKey,omitempty"`
}

// DNSTemplateNetwork gives each node a host from a template.
type DNSTemplateNetwork struct {
	Host string `json:"host"`
}

// ApplicationSet renders an Argo CD ApplicationSet over the aliases.
type ApplicationSet struct {
	Name           string `json:"name,omitempty"`
	Namespace      string `json:"namespace,omitempty"`
	Project        string `json:"project,omitempty"`
	RepoURL        string `json:"repoURL"`
	TargetRevision string `json:"targetRevision,omitempty"`
	Path           string `json:"path,omitempty"`
}

// DNSTemplatePlaceholders are the placeholders of dnsTemplate.host.
var DNSTemplatePlaceholders = []string{"{pod}", "{alias}", "{service}", "{namespace}", "{nodeId}"}

// Aliases lists the clusters' aliases in order.
func (s *Stretch) Aliases() []string {
	out := make([]string, 0, len(s.Clusters))
	for _, c := range s.Clusters {
		out = append(out, c.Alias)
	}
	return out
}

// Cluster returns the cluster with alias, or nil.
func (s *Stretch) Cluster(alias string) *StretchCluster {
	for i := range s.Clusters {
		if s.Clusters[i].Alias == alias {
			return &s.Clusters[i]
		}
	}
	return nil
}

// Names reports whether the entry names the Kafka namespace/name.
func (s *Stretch) Names(namespace, name string) bool {
	if ns, n, ok := strings.Cut(s.Kafka, "/"); ok {
		return ns == namespace && n == name
	}
	return s.Kafka == name
}

func (s *Spec) defaultStretch() {
	setIfEmpty(&s.Output.PathPrefix, DefaultPathPrefix)
	for i := range s.Stretch {
		st := &s.Stretch[i]
		setIfEmpty(&st.Quorum, QuorumStatic)
		n := &st.Network
		if n.Provider == ProviderMCS && n.MCS == nil {
			n.MCS = &MCSNetwork{}
		}
		if n.MCS != nil {
			setIfEmpty(&n.MCS.ClustersetDomain, DefaultClustersetDomain)
		}
		if n.NodePort != nil {
			setIfZero(&n.NodePort.Stride, DefaultNodePortStride)
			setIfZero(&n.NodePort.RangeMin, DefaultNodePortMin)
			setIfZero(&n.NodePort.RangeMax, DefaultNodePortMax)
		}
		if a := st.ApplicationSet; a != nil {
			setIfEmpty(&a.Namespace, DefaultArgoCDNamespace)
			setIfEmpty(&a.Project, DefaultArgoCDProject)
			setIfEmpty(&a.TargetRevision, DefaultArgoCDRevision)
			setIfEmpty(&a.Path, path.Join(s.Output.PathPrefix, applicationSetAliasMarker))
		}
	}
}

func setIfZero(p *int, v int) {
	if *p == 0 {
		*p = v
	}
}

// validateStretch checks spec.stretch and spec.output. What depends on the
// nodes (ports, addresses per node) is checked when rendering.
func (s *Spec) validateStretch() []results.Problem {
	var ps []results.Problem
	add := func(path, format string, args ...any) { ps = append(ps, fieldf(path, format, args...)) }
	seen := map[string]int{}
	known := map[string]bool{}
	for i, st := range s.Stretch {
		p := fmt.Sprintf("spec.stretch[%d]", i)
		if j, ok := seen[st.Kafka]; ok {
			add(p+".kafka", "%q is also spec.stretch[%d].kafka: give each Kafka one entry", st.Kafka, j)
		}
		seen[st.Kafka] = i
		ps = append(ps, validateKafkaRef(p+".kafka", st.Kafka)...)
		aliases := map[string]bool{}
		for j, c := range st.Clusters {
			cp := fmt.Sprintf("%s.clusters[%d]", p, j)
			if msgs := validation.IsDNS1123Label(c.Alias); len(msgs) > 0 {
				add(cp+".alias", "%q is not a DNS label without dots: %s", c.Alias, strings.Join(msgs, "; "))
			}
			if aliases[c.Alias] {
				add(cp+".alias", "%q is listed twice", c.Alias)
			}
			aliases[c.Alias], known[c.Alias] = true, true
			ps = append(ps, st.validateClusterNetwork(cp, c)...)
		}
		if len(st.Clusters) == 0 {
			add(p+".clusters", "list the Kubernetes clusters, each with its alias")
		}
		if !aliases[st.CentralAlias] {
			add(p+".centralAlias", "%q is not the alias of one of %s.clusters", st.CentralAlias, p)
		}
		ps = append(ps, st.Network.validate(p+".network")...)
		if a := st.ApplicationSet; a != nil && a.RepoURL == "" {
			add(p+".applicationSet.repoURL", "name the Git repository Argo CD reads the bundles from")
		}
	}
	o := s.Output
	if t := o.TargetCluster; t != "" {
		if msgs := validation.IsDNS1123Label(t); len(msgs) > 0 {
			add("spec.output.targetCluster", "%q is not a DNS label without dots: %s", t, strings.Join(msgs, "; "))
		} else if !known[t] {
			add("spec.output.targetCluster", "%q is not the alias of a cluster in spec.stretch", t)
		}
	}
	if pp := o.PathPrefix; !InsidePackage(pp) {
		add("spec.output.pathPrefix", "%q must be a clean relative path inside the package, with / between its parts", pp)
	}
	if cp := o.ClaimsPath; cp != "" && (!InsidePackage(cp) || cp == ".") {
		add("spec.output.claimsPath", "%q must be a clean relative path below the directory of the rendered objects", cp)
	}
	return ps
}

func validateKafkaRef(p, ref string) []results.Problem {
	var ps []results.Problem
	parts := strings.Split(ref, "/")
	if len(parts) > 2 {
		return []results.Problem{fieldf(p, "%q must be <namespace>/<name> or <name> of a Kafka", ref)}
	}
	for _, part := range parts {
		for _, msg := range validation.IsDNS1123Label(part) {
			ps = append(ps, fieldf(p, "%q must be <namespace>/<name> or <name> of a Kafka: %s", ref, msg))
		}
	}
	return ps
}

// validate checks that the chosen provider has its settings and no other
// provider's, which would be ignored.
func (n Network) validate(p string) []results.Problem {
	var ps []results.Problem
	set := map[string]bool{
		ProviderMCS: n.MCS != nil, ProviderNodePort: n.NodePort != nil,
		ProviderLoadBalancer: n.LoadBalancer != nil, ProviderDNSTemplate: n.DNSTemplate != nil,
	}
	for _, other := range []string{ProviderMCS, ProviderNodePort, ProviderLoadBalancer, ProviderDNSTemplate} {
		if set[other] && other != n.Provider {
			ps = append(ps, fieldf(p+"."+blockName(other), "set, but the provider is %q: remove it or change the provider", n.Provider))
		}
	}
	switch n.Provider {
	case ProviderMCS:
		for _, msg := range validation.IsDNS1123Subdomain(n.MCS.ClustersetDomain) {
			ps = append(ps, fieldf(p+".mcs.clustersetDomain", "%s", msg))
		}
	case ProviderNodePort:
		np := n.NodePort
		if np == nil || np.PortBase == 0 {
			return append(ps, fieldf(p+".nodePort.portBase", "pin the node ports: node port = portBase + node ID × stride + slot"))
		}
		if np.RangeMin < 1 || np.RangeMax > 65535 || np.RangeMin > np.RangeMax {
			ps = append(ps, fieldf(p+".nodePort", "range %d-%d is not a port range", np.RangeMin, np.RangeMax))
		}
		if np.PortBase < np.RangeMin || np.PortBase > np.RangeMax {
			ps = append(ps, fieldf(p+".nodePort.portBase", "%d is outside the node port range %d-%d", np.PortBase, np.RangeMin, np.RangeMax))
		}
		if np.Stride < 1 {
			ps = append(ps, fieldf(p+".nodePort.stride", "%d must be positive", np.Stride))
		}
	case ProviderDNSTemplate:
		if n.DNSTemplate == nil || n.DNSTemplate.Host == "" {
			return append(ps, fieldf(p+".dnsTemplate.host", "give the host template, with {pod} or {nodeId} so that every node has its own host"))
		}
		ps = append(ps, validateHostTemplate(p+".dnsTemplate.host", n.DNSTemplate.Host)...)
	}
	return ps
}

func blockName(provider string) string {
	switch provider {
	case ProviderNodePort:
		return "nodePort"
	case ProviderLoadBalancer:
		return "loadBalancer"
	}
	return provider
}

var placeholder = regexp.MustCompile(`\{[^}]*\}`)

func validateHostTemplate(p, t string) []results.Problem {
	var ps []results.Problem
	for _, ph := range placeholder.FindAllString(t, -1) {
		if !slices.Contains(DNSTemplatePlaceholders, ph) {
			ps = append(ps, fieldf(p, "unknown placeholder %s: use %s", ph, strings.Join(DNSTemplatePlaceholders, ", ")))
		}
	}
	if !strings.Contains(t, "{pod}") && !strings.Contains(t, "{nodeId}") {
		ps = append(ps, fieldf(p, "%q needs {pod} or {nodeId}: every node needs its own host", t))
	}
	return ps
}

// validateClusterNetwork checks a cluster's provider settings.
func (s Stretch) validateClusterNetwork(p string, c StretchCluster) []results.Problem {
	var ps []results.Problem
	switch s.Network.Provider {
	case ProviderNodePort:
		if c.NodePort == nil || c.NodePort.Address == "" {
			ps = append(ps, fieldf(p+".nodePort.address", "give the address other clusters reach this cluster's node ports at (a node IP, or a virtual IP or DNS name in front of the nodes)"))
		} else if err := checkAddress(c.NodePort.Address); err != nil {
			ps = append(ps, fieldf(p+".nodePort.address", "%v", err))
		}
	case ProviderLoadBalancer:
		if c.LoadBalancer == nil {
			break
		}
		for _, id := range sortedKeys(c.LoadBalancer.Addresses) {
			if n, err := strconv.Atoi(id); err != nil || n < 0 || strconv.Itoa(n) != id {
				ps = append(ps, fieldf(p+".loadBalancer.addresses", "key %q is not a node ID", id))
			}
			if err := checkAddress(c.LoadBalancer.Addresses[id]); err != nil {
				ps = append(ps, fieldf(p+".loadBalancer.addresses."+id, "%v", err))
			}
		}
	}
	if c.NodePort != nil && s.Network.Provider != ProviderNodePort {
		ps = append(ps, fieldf(p+".nodePort", "set, but the provider is %q", s.Network.Provider))
	}
	if c.LoadBalancer != nil && s.Network.Provider != ProviderLoadBalancer {
		ps = append(ps, fieldf(p+".loadBalancer", "set, but the provider is %q", s.Network.Provider))
	}
	return ps
}

// checkAddress accepts an IP address or a DNS name.
func checkAddress(a string) error {
	if net.ParseIP(a) != nil {
		return nil
	}
	if msgs := validation.IsDNS1123Subdomain(a); len(msgs) > 0 {
		return fmt.Errorf("%q is neither an IP address nor a DNS name", a)
	}
	return nil
}
