package kafka

import (
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// checkConfiguration applies ListenersValidator's rules on which listener
// types may set which configuration fields, in Strimzi's words.
func checkConfiguration(l strimzi.GenericKafkaListener, add func(string, ...any)) {
	c, t, name := l.Configuration, l.Type, l.Name
	is := func(types ...string) bool { return slices.Contains(types, t) }
	const (
		internal, clusterIP, nodePort = brokerconfig.ListenerInternal, brokerconfig.ListenerClusterIP, brokerconfig.ListenerNodePort
		lb, route, ingress, tlsRoute  = brokerconfig.ListenerLoadBalancer, brokerconfig.ListenerRoute, brokerconfig.ListenerIngress, brokerconfig.ListenerTLSRoute
	)
	if !is(internal, clusterIP) && c.UseServiceDNSDomain != nil {
		add("listener %s cannot configure useServiceDnsDomain because it is not internal or cluster-ip listener", name)
	}
	if is(internal) && c.IPFamilyPolicy != nil {
		add("listener %s cannot configure ipFamilyPolicy because it is internal listener", name)
	}
	if is(internal) && c.IPFamilies != nil {
		add("listener %s cannot configure ipFamilies because it is internal listener", name)
	}
	if !is(ingress, lb) && c.Class != "" {
		add("listener %s cannot configure class because it is not an Ingress or LoadBalancer based listener", name)
	}
	if !is(lb, nodePort) && c.ExternalTrafficPolicy != "" {
		add("listener %s cannot configure externalTrafficPolicy because it is not LoadBalancer or NodePort based listener", name)
	}
	if !is(lb) && len(c.LoadBalancerSourceRanges) > 0 {
		add("listener %s cannot configure loadBalancerSourceRanges because it is not LoadBalancer based listener", name)
	}
	if !is(lb) && c.AllocateLoadBalancerNodePorts != nil {
		add("listener %s cannot configure allocateLoadBalancerNodePorts because it is not LoadBalancer based listener", name)
	}
	if !is(lb) && len(c.Finalizers) > 0 {
		add("listener %s cannot configure finalizers because it is not LoadBalancer based listener", name)
	}
	if !is(nodePort) && c.PreferredNodePortAddress != "" {
		add("listener %s cannot configure preferredAddressType because it is not NodePort based listener", name)
	}
	if is(internal) && c.PublishNotReadyAddresses != nil {
		add("listener %s cannot configure publishNotReadyAddresses because it is internal listener", name)
	}
	if !is(lb) && c.CreateBootstrapService != nil && !*c.CreateBootstrapService {
		add("listener %s cannot configure createBootstrapService because it is not load balancer listener", name)
	}
	if !is(route, ingress, tlsRoute) && c.HostTemplate != "" {
		add("listener %s cannot configure hostTemplate because it is not TLSRoute, Route, or Ingress based listener", name)
	}
	if is(internal) && len(c.PerBrokerLabelsTemplate) > 0 {
		add("listener %s cannot configure perBrokerLabelsTemplate because it is not LoadBalancer, NodePort, Route, Ingress or ClusterIP based listener", name)
	}
	if is(internal) && len(c.PerBrokerAnnotationsTemplate) > 0 {
		add("listener %s cannot configure perBrokerAnnotationsTemplate because it is not LoadBalancer, NodePort, Route, Ingress or ClusterIP based listener", name)
	}
	if !is(tlsRoute) && c.ParentRefs != nil {
		add("listener %s cannot configure parentRefs because it is not TLSRoute based listener", name)
	}
	const labelled = "LoadBalancer, NodePort, TLSRoute, Route, Ingress, or ClusterIP"
	if b := c.Bootstrap; b != nil {
		if !is(route, ingress, tlsRoute) && b.Host != "" {
			add("listener %s cannot configure bootstrap.host because it is not TLSRoute, Route, or Ingress based listener", name)
		}
		if !is(lb) && b.LoadBalancerIP != "" {
			add("listener %s cannot configure bootstrap.loadBalancerIP because it is not LoadBalancer based listener", name)
		}
		if !is(nodePort, lb) && b.NodePort != nil {
			add("listener %s cannot configure bootstrap.nodePort because it is not NodePort based listener", name)
		}
		if is(internal) && len(b.Labels) > 0 {
			add("listener %s cannot configure bootstrap.labels because it is not %s based listener", name, labelled)
		}
		if is(internal) && len(b.Annotations) > 0 {
			add("listener %s cannot configure bootstrap.annotations because it is not %s based listener", name, labelled)
		}
		if !is(nodePort) && b.ExternalIPs != nil {
			add("listener %s cannot configure bootstrap.externalIPs because it is not NodePort based listener", name)
		}
	}
	for _, b := range c.Brokers {
		if !is(route, ingress, tlsRoute) && b.Host != "" {
			add("listener %s cannot configure brokers[].host because it is not TLSRoute, Route, or Ingress based listener", name)
		}
		if !is(lb) && b.LoadBalancerIP != "" {
			add("listener %s cannot configure brokers[].loadBalancerIP because it is not LoadBalancer based listener", name)
		}
		if !is(nodePort, lb) && b.NodePort != nil {
			add("listener %s cannot configure brokers[].nodePort because it is not NodePort based listener", name)
		}
		if is(internal) && len(b.Labels) > 0 {
			add("listener %s cannot configure brokers[].labels because it is not %s based listener", name, labelled)
		}
		if is(internal) && len(b.Annotations) > 0 {
			add("listener %s cannot configure brokers[].annotations because it is not %s based listener", name, labelled)
		}
		if !is(nodePort) && b.ExternalIPs != nil {
			add("listener %s cannot configure brokers[].externalIPs because it is not NodePort based listener", name)
		}
	}
}

// checkHostRouted applies ListenersValidator's rules for ingress and
// tlsroute listeners: a bootstrap host, and a host for every broker
// (the first configuration.brokers[] entry of each) unless hostTemplate
// gives them.
func checkHostRouted(l strimzi.GenericKafkaListener, brokers []nodepools.Node, add func(string, ...any)) {
	kind := "Ingress"
	if l.Type == brokerconfig.ListenerTLSRoute {
		kind = "TLSRoute"
	}
	c := l.Configuration
	if c == nil {
		if kind == "TLSRoute" {
			add("listener %s is missing a configuration with bootstrap and broker host properties which are required for TLSRoute based listeners", l.Name)
			add("listener %s is missing a parent references property which is required for TLSRoute based listeners", l.Name)
			return
		}
		add("listener %s is missing a configuration with host properties which are required for Ingress based listeners", l.Name)
		return
	}
	if kind == "TLSRoute" && c.ParentRefs == nil {
		add("listener %s is missing a parent references property which is required for TLSRoute based listeners", l.Name)
	}
	if c.Bootstrap == nil || c.Bootstrap.Host == "" {
		add("listener %s is missing a bootstrap host property which is required for %s based listeners", l.Name, kind)
	}
	switch {
	case c.HostTemplate != "":
	case c.Brokers != nil:
		for _, n := range brokers {
			i := slices.IndexFunc(c.Brokers, func(b strimzi.ListenerBroker) bool { return b.Broker != nil && *b.Broker == n.ID })
			if i < 0 || c.Brokers[i].Host == "" {
				add("listener %s is missing a broker host property for broker with ID %d which is required for %s based listeners", l.Name, n.ID, kind)
			}
		}
	default:
		add("listener %s is missing a broker configuration with host properties which are required for %s based listeners", l.Name, kind)
	}
}

// listenerNodes applies the listener rules that need the broker nodes:
// Strimzi's for ingress and tlsroute hosts, then strimzi-render's own for
// what must be known before the cluster runs: every broker's advertised
// address, node ports Kubernetes can allocate, and valid host names.
func (v *validator) listenerNodes(nodes []nodepools.Node) {
	var brokers []nodepools.Node
	for _, n := range nodes {
		if n.Broker {
			brokers = append(brokers, n)
		}
	}
	add := func(format string, args ...any) {
		if msg := fmt.Sprintf(format, args...); !slices.Contains(v.listenerErrs, msg) {
			v.listenerErrs = append(v.listenerErrs, msg)
		}
	}
	usedNodePorts := map[int]string{}
	for i, l := range v.spec.Listeners {
		if l.Type == brokerconfig.ListenerIngress || l.Type == brokerconfig.ListenerTLSRoute {
			checkHostRouted(l, brokers, add)
		}
		at := fmt.Sprintf("spec.kafka.listeners[%d].configuration", i)
		lis := listenerFrom(l)
		if t := lis.Config.AdvertisedPortTemplate; t != "" {
			if _, err := brokerconfig.PortTemplate(t, 0); err != nil {
				v.errorf("", at+".advertisedPortTemplate", "%v", err)
				continue
			}
			if bad := slices.IndexFunc(brokers, func(n nodepools.Node) bool {
				p, _ := brokerconfig.PortTemplate(t, n.ID)
				return p < 1 || p > 65535
			}); bad >= 0 {
				p, _ := brokerconfig.PortTemplate(t, brokers[bad].ID)
				v.errorf("", at+".advertisedPortTemplate", "listener %s: advertisedPortTemplate %q gives broker %d the port %d, which is not a port number (1-65535)", l.Name, t, brokers[bad].ID, p)
				continue
			}
		}
		v.nodePorts(l, at, brokers, usedNodePorts)
		v.hosts(lis, l, at, brokers)
		v.perBrokerTemplates(l, at, brokers)
		// Strimzi's own rules above require the hosts of ingress and tlsroute
		// listeners; a running operator finds the other addresses itself.
		if !v.cfg.KeepCustomResources && lis.External() && !(l.Type == brokerconfig.ListenerIngress || l.Type == brokerconfig.ListenerTLSRoute) {
			v.addresses(lis, at, brokers)
		}
	}
	v.listenerRanges()
}

// addresses reports, once per listener, the brokers whose advertised
// address is not known offline, at the fields that would give it.
func (v *validator) addresses(l brokerconfig.Listener, at string, brokers []nodepools.Node) {
	var missing, unpinned []string
	for _, n := range brokers {
		if l.MissingAddress(n) {
			missing = append(missing, strconv.Itoa(n.ID))
		} else if l.Type == brokerconfig.ListenerNodePort && l.BrokerNodePort(n.ID) == 0 {
			unpinned = append(unpinned, strconv.Itoa(n.ID))
		}
	}
	if len(unpinned) > 0 {
		v.warnf("", at+".brokers", "listener %s: brokers %s advertise ports their Services do not pin: Kubernetes assigns those node ports; pin configuration.brokers[].nodePort to the advertised ports unless something in front of the nodes maps them",
			l.Name, strings.Join(unpinned, ", "))
	}
	if len(missing) == 0 {
		return
	}
	which := "broker " + missing[0]
	if len(missing) > 1 {
		which = "brokers " + strings.Join(missing, ", ")
	}
	v.errorf("", at+".brokers", "listener %s of type %s: the advertised address of %s is not known before the cluster runs: %s",
		l.Name, l.Type, which, l.AddressHint(which))
}

// nodePorts keeps the node ports of a listener's Services in the range
// Kubernetes allocates from and apart from every other Service's: the
// API server refuses a Service whose node port is taken.
func (v *validator) nodePorts(l strimzi.GenericKafkaListener, at string, brokers []nodepools.Node, used map[int]string) {
	c := l.Configuration
	if c == nil || (l.Type != brokerconfig.ListenerNodePort && l.Type != brokerconfig.ListenerLoadBalancer) {
		return
	}
	r := v.cfg.NodePortRange
	check := func(path string, port int) {
		if port < r.Min || port > r.Max {
			v.errorf("", path, "listener %s: node port %d is outside the cluster's node port range %d-%d (kube-apiserver --service-node-port-range; the function config's nodePortRange): "+
				"use a port in the range, set nodePortRange to the cluster's, or leave nodePort out for Kubernetes to assign one", l.Name, port, r.Min, r.Max)
			return
		}
		if prev, ok := used[port]; ok {
			v.errorf("", path, "listener %s: node port %d is also given at %s: every Service needs its own node port", l.Name, port, prev)
			return
		}
		used[port] = path
	}
	if b := c.Bootstrap; b != nil && b.NodePort != nil && !(l.Type == brokerconfig.ListenerLoadBalancer && c.CreateBootstrapService != nil && !*c.CreateBootstrapService) {
		check(at+".bootstrap.nodePort", int(*b.NodePort))
	}
	for _, n := range brokers {
		// The first entry of the broker with a node port gives it (ListenersUtils.brokerNodePort).
		j := slices.IndexFunc(c.Brokers, func(b strimzi.ListenerBroker) bool { return b.Broker != nil && *b.Broker == n.ID && b.NodePort != nil })
		if j >= 0 {
			check(fmt.Sprintf("%s.brokers[%d].nodePort", at, j), int(*c.Brokers[j].NodePort))
		}
	}
}

// hosts checks the host names Ingresses, Routes and TLSRoutes carry, as
// their APIs check them: DNS subdomains.
func (v *validator) hosts(l brokerconfig.Listener, cr strimzi.GenericKafkaListener, at string, brokers []nodepools.Node) {
	c := cr.Configuration
	if c == nil || !l.HostRouted() {
		return
	}
	check := func(path, host string) {
		if host == "" {
			return
		}
		if msgs := validation.IsDNS1123Subdomain(host); len(msgs) > 0 {
			v.errorf("", path, "listener %s: host %q is not a DNS name: %s", l.Name, host, msgs[0])
		}
	}
	if c.Bootstrap != nil {
		check(at+".bootstrap.host", c.Bootstrap.Host)
	}
	for j, b := range c.Brokers {
		check(fmt.Sprintf("%s.brokers[%d].host", at, j), b.Host)
	}
	if c.HostTemplate != "" {
		for _, n := range brokers {
			if l.BrokerHost(n) == "" || slices.ContainsFunc(c.Brokers, func(b strimzi.ListenerBroker) bool { return b.Broker != nil && *b.Broker == n.ID && b.Host != "" }) {
				continue
			}
			check(at+".hostTemplate", l.BrokerHost(n))
		}
	}
}

// perBrokerTemplates checks the labels and annotations the per-broker
// templates give each broker's objects, as the API server would, at the
// template; the first broker with a problem stands for the others.
func (v *validator) perBrokerTemplates(l strimzi.GenericKafkaListener, at string, brokers []nodepools.Node) {
	c := l.Configuration
	if c == nil || l.Type == brokerconfig.ListenerInternal {
		return
	}
	for _, t := range []struct {
		field       string
		labels, ann map[string]string
	}{{"perBrokerLabelsTemplate", c.PerBrokerLabelsTemplate, nil}, {"perBrokerAnnotationsTemplate", nil, c.PerBrokerAnnotationsTemplate}} {
		if len(t.labels)+len(t.ann) == 0 {
			continue
		}
		for _, n := range brokers {
			ps := labels.CheckMetadata(at, renderTemplateMap(t.labels, n), renderTemplateMap(t.ann, n))
			for _, p := range ps {
				v.errorf("", at+"."+t.field, "listener %s, broker %d: %s", l.Name, n.ID, p.Message)
			}
			if len(ps) > 0 {
				break
			}
		}
	}
}

// listenerRanges checks the addresses, classes, finalizers and parents of
// listener objects as their APIs do.
func (v *validator) listenerRanges() {
	for i, l := range v.spec.Listeners {
		c := l.Configuration
		if c == nil {
			continue
		}
		at := fmt.Sprintf("spec.kafka.listeners[%d].configuration", i)
		switch {
		case c.Class == "":
		case l.Type == brokerconfig.ListenerLoadBalancer:
			for _, msg := range validation.IsQualifiedName(c.Class) {
				v.errorf("", at+".class", "listener %s: %q is not a load balancer class: %s", l.Name, c.Class, msg)
			}
		case l.Type == brokerconfig.ListenerIngress:
			for _, msg := range validation.IsDNS1123Subdomain(c.Class) {
				v.errorf("", at+".class", "listener %s: %q is not an ingress class name: %s", l.Name, c.Class, msg)
			}
		}
		for j, f := range c.Finalizers {
			if msgs := validation.IsQualifiedName(f); len(msgs) > 0 || !(strings.Contains(f, "/") || slices.Contains(standardFinalizers, f)) {
				v.errorf("", fmt.Sprintf("%s.finalizers[%d]", at, j), "listener %s: %q is not a finalizer name: it must be a qualified name with a domain prefix, such as service.kubernetes.io/load-balancer-cleanup", l.Name, f)
			}
		}
		for j, r := range c.ParentRefs {
			if r.Name == "" {
				v.errorf("", fmt.Sprintf("%s.parentRefs[%d].name", at, j), "listener %s: a parent reference needs the name of its Gateway", l.Name)
			}
		}
		if l.Type == brokerconfig.ListenerLoadBalancer {
			for j, r := range c.LoadBalancerSourceRanges {
				if _, _, err := net.ParseCIDR(r); err != nil {
					v.errorf("", fmt.Sprintf("%s.loadBalancerSourceRanges[%d]", at, j), "listener %s: %q is not a CIDR such as 10.0.0.0/8", l.Name, r)
				}
			}
			if b := c.Bootstrap; b != nil {
				v.ip(l.Name, at+".bootstrap.loadBalancerIP", b.LoadBalancerIP)
			}
			for j, b := range c.Brokers {
				v.ip(l.Name, fmt.Sprintf("%s.brokers[%d].loadBalancerIP", at, j), b.LoadBalancerIP)
			}
		}
		if l.Type == brokerconfig.ListenerNodePort {
			if b := c.Bootstrap; b != nil {
				for k, ip := range b.ExternalIPs {
					v.ip(l.Name, fmt.Sprintf("%s.bootstrap.externalIPs[%d]", at, k), ip)
				}
			}
			for j, b := range c.Brokers {
				for k, ip := range b.ExternalIPs {
					v.ip(l.Name, fmt.Sprintf("%s.brokers[%d].externalIPs[%d]", at, j, k), ip)
				}
			}
		}
	}
}

// standardFinalizers are the finalizer names Kubernetes accepts without a
// domain prefix.
var standardFinalizers = []string{"kubernetes", "orphan", "foregroundDeletion"}

func (v *validator) ip(listener, path, ip string) {
	if ip == "" {
		return
	}
	if _, err := netip.ParseAddr(ip); err != nil {
		v.errorf("", path, "listener %s: %q is not an IP address", listener, ip)
	}
}

// reportListeners reports ListenersValidator's errors as Strimzi does: one
// message, the errors in Java HashSet order.
func (v *validator) reportListeners() {
	if len(v.listenerErrs) > 0 {
		v.errorf("", "spec.kafka.listeners", "Listener configuration is not valid: %s", javacompat.ListString(javacompat.HashOrder(v.listenerErrs)))
	}
}
