package certmanager

import (
	"errors"
	"fmt"
	"maps"
	"net"
	"slices"
	"sort"
	"strings"

	cmapi "github.com/cert-manager/cert-manager/pkg/apis/certmanager/v1"
	cmmeta "github.com/cert-manager/cert-manager/pkg/apis/meta/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Report is what Verify found: counts, to show that the checks ran, and
// every problem.
type Report struct {
	Certificates int
	Refs         int
	Nodes        int
	Handshakes   int
	// ConnectHandshakes are the handshakes of KafkaConnect workers.
	ConnectHandshakes int
	Problems          []string
	Secrets           SecretStore
}

func (r *Report) problemf(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// Verify issues every rendered Certificate from the CA of its issuer (one
// test CA per issuer), puts each CA's certificate into the Secret the user
// creates in every cluster, resolves every Secret reference, and checks the
// nodes' and the Entity Operator's TLS against the rendered configuration.
func Verify(objs []Object, in *Inputs) *Report {
	r := &Report{Secrets: SecretStore{}}
	clusters := Clusters(objs)
	issuers := in.Issuers
	for _, ca := range in.CAs {
		issuer := issuers[ca.Key()]
		if issuer == nil {
			r.problemf("no test CA for issuer %s", ca.Key())
			continue
		}
		for _, c := range clusters {
			s := r.Secrets.Get(c, ca.Namespace, ca.CASecret)
			if s == nil {
				s = UserSecret(ca.Namespace, ca.CASecret, map[string][]byte{})
				_ = r.Secrets.Add(c, s)
			}
			s.Data[ca.CACertKey] = issuer.PEM
		}
	}
	for _, o := range objs {
		if o.Kind != "Certificate" {
			continue
		}
		crt, err := DecodeCertificate(o)
		if err != nil {
			r.problemf("%v", err)
			continue
		}
		r.Certificates++
		ref := crt.Spec.IssuerRef
		issuer := issuers[IssuerKey(crt.Namespace, ref.Name, ref.Kind, ref.Group)]
		if issuer == nil {
			r.problemf("%s: issuerRef %s/%s (%s) is no issuer a Kafka names", o, ref.Kind, ref.Name, ref.Group)
			continue
		}
		s, err := issuer.Issue(crt)
		if err != nil {
			r.problemf("%s: %v", o, err)
			continue
		}
		if err := r.Secrets.Add(o.Cluster, s); err != nil {
			r.problemf("%s: %v", o, err)
		}
	}
	r.userSecrets(objs, in)
	refs, err := SecretRefs(objs)
	if err != nil {
		r.problemf("%v", err)
		return r
	}
	refs = append(refs, EntityOperatorRefs(objs)...)
	r.Refs = len(refs)
	r.Problems = append(r.Problems, Resolve(objs, refs, r.Secrets)...)
	r.verifyNodes(objs)
	r.verifyEntityOperator(objs)
	r.verifyConnect(objs)
	return r
}

// Inputs are what the test knows of the input: the CAs in cert-manager
// mode with a test CA per issuer, and the Secrets the user creates. Other
// is the CA of every other certificate the user brings (listener
// certificates, Connect's further trusted certificates).
type Inputs struct {
	CAs           []CertManagerCA
	Issuers       map[string]*CA
	ListenerCerts []ListenerCert
	Connects      []ConnectSecrets
	Other         *CA
}

// NewInputs reads the input files and makes the test CAs.
func NewInputs(files ...string) (*Inputs, error) {
	in := &Inputs{Issuers: map[string]*CA{}}
	var err error
	if in.CAs, err = InputCAs(files...); err != nil {
		return nil, err
	}
	for _, ca := range in.CAs {
		if in.Issuers[ca.Key()] == nil {
			if in.Issuers[ca.Key()], err = NewCA(ca.Key()); err != nil {
				return nil, err
			}
		}
	}
	if in.ListenerCerts, in.Connects, err = UserSecrets(files...); err != nil {
		return nil, err
	}
	in.Other, err = NewCA("the user's other CA")
	return in, err
}

// userSecrets writes the Secrets the user creates besides the CA Secrets:
// each listener certificate, for the names the nodes serve the listener
// under, and Connect's trusted certificates and client certificate.
func (r *Report) userSecrets(objs []Object, in *Inputs) {
	nodes := Nodes(objs)
	for _, lc := range in.ListenerCerts {
		byCluster := map[string][]string{}
		for _, n := range nodes {
			if n.Namespace != lc.Namespace {
				continue
			}
			l := listenerOnPort(n, lc.Port)
			if l == "" {
				continue
			}
			byCluster[n.Cluster] = append(byCluster[n.Cluster], servedHosts(objs, n, l)...)
		}
		for cluster, hosts := range byCluster {
			crt := &cmapi.Certificate{
				ObjectMeta: metav1.ObjectMeta{Name: lc.Secret, Namespace: lc.Namespace},
				Spec: cmapi.CertificateSpec{
					SecretName: lc.Secret, CommonName: lc.Kafka,
					PrivateKey: &cmapi.CertificatePrivateKey{Algorithm: cmapi.RSAKeyAlgorithm, Size: 2048},
					IssuerRef:  cmmeta.IssuerReference{Name: "other", Kind: "Issuer"},
				},
			}
			slices.Sort(hosts)
			for _, h := range slices.Compact(hosts) {
				if net.ParseIP(h) != nil {
					crt.Spec.IPAddresses = append(crt.Spec.IPAddresses, h)
				} else {
					crt.Spec.DNSNames = append(crt.Spec.DNSNames, h)
				}
			}
			s, err := in.Other.Issue(crt)
			if err != nil {
				r.problemf("listener certificate %s: %v", lc.Secret, err)
				continue
			}
			r.put(cluster, lc.Namespace, lc.Secret, map[string][]byte{lc.CertKey: s.Data["tls.crt"], lc.KeyKey: s.Data["tls.key"]})
		}
	}
	clientsCA := in.Other
	for _, ca := range in.CAs {
		if ca.Which == "clientsCa" {
			clientsCA = in.Issuers[ca.Key()]
		}
	}
	for _, cs := range in.Connects {
		cluster := ""
		for _, o := range objs {
			if o.Kind == "ConfigMap" && o.Namespace == cs.Namespace && o.Name == cs.Name+"-connect-config" {
				cluster = o.Cluster
			}
		}
		for _, t := range cs.Trusted {
			if s := r.Secrets.Get(cluster, cs.Namespace, t[0]); s == nil || s.Data[t[1]] == nil {
				r.put(cluster, cs.Namespace, t[0], map[string][]byte{t[1]: in.Other.PEM})
			}
		}
		if cs.Client[0] == "" {
			continue
		}
		crt := &cmapi.Certificate{
			ObjectMeta: metav1.ObjectMeta{Name: cs.Client[0], Namespace: cs.Namespace},
			Spec: cmapi.CertificateSpec{
				SecretName: cs.Client[0], CommonName: cs.Name,
				PrivateKey: &cmapi.CertificatePrivateKey{Algorithm: cmapi.RSAKeyAlgorithm, Size: 2048},
				Usages:     []cmapi.KeyUsage{cmapi.UsageClientAuth, cmapi.UsageDigitalSignature, cmapi.UsageKeyEncipherment},
				IssuerRef:  cmmeta.IssuerReference{Name: "clients", Kind: "Issuer"},
			},
		}
		s, err := clientsCA.Issue(crt)
		if err != nil {
			r.problemf("Connect client certificate %s: %v", cs.Client[0], err)
			continue
		}
		r.put(cluster, cs.Namespace, cs.Client[0], map[string][]byte{cs.Client[1]: s.Data["tls.crt"], cs.Client[2]: s.Data["tls.key"]})
	}
	r.cruiseControlSecrets(objs)
}

// cruiseControlSecrets writes Cruise Control's API Secrets, which hold
// passwords, not certificates: docs/cruise-control.md tells the user to
// create them, with these keys, in cert-manager mode too.
func (r *Report) cruiseControlSecrets(objs []Object) {
	for _, o := range objs {
		if o.Kind != "Deployment" || GetString(o.Map, "metadata", "labels", "strimzi.io/component-type") != "cruise-control" {
			continue
		}
		cluster := GetString(o.Map, "metadata", "labels", "strimzi.io/cluster")
		r.put(o.Cluster, o.Namespace, cluster+"-cruise-control-api", map[string][]byte{
			"healthcheck.password": []byte("h"), "rebalance-operator.password": []byte("r"),
			"cruise-control.authFile": []byte("healthcheck: h,USER\nrebalance-operator: r,ADMIN\n"),
		})
		r.put(o.Cluster, o.Namespace, cluster+"-entity-topic-operator-cc-api", map[string][]byte{
			"topic-operator.apiAdminName": []byte("topic-operator"), "topic-operator.apiAdminPassword": []byte("t"),
		})
	}
}

// put adds keys to a user Secret, making it if needed.
func (r *Report) put(cluster, namespace, name string, data map[string][]byte) {
	s := r.Secrets.Get(cluster, namespace, name)
	if s == nil {
		s = UserSecret(namespace, name, map[string][]byte{})
		_ = r.Secrets.Add(cluster, s)
	}
	maps.Copy(s.Data, data)
}

// servedHosts are the names a node is dialled by on a listener: its
// advertised host, its voter host, and for brokers the bootstrap Services
// exposing the listener's port.
func servedHosts(objs []Object, n Node, listener string) []string {
	var out []string
	adv, _ := AdvertisedListeners(n.Props["advertised.listeners"])
	for _, e := range adv {
		if e.Listener == listener {
			out = append(out, e.Host)
		}
	}
	if listener == n.Props["controller.listener.names"] {
		voters, _ := QuorumVoters(n.Props["controller.quorum.voters"])
		if e, ok := voters[n.ID]; ok {
			out = append(out, e.Host)
		}
	}
	if slices.Contains(strings.Split(n.Props["process.roles"], ","), "broker") {
		out = append(out, bootstrapHosts(objs, n, listener)...)
	}
	return out
}

// Node is one Kafka node as its server.config describes it.
type Node struct {
	Cluster, Namespace, Name string
	ID                       string
	Props                    map[string]string
}

// Nodes finds every node's server.config.
func Nodes(objs []Object) []Node {
	var out []Node
	for _, o := range objs {
		if o.Kind != "ConfigMap" {
			continue
		}
		text := GetString(o.Map, "data", "server.config")
		if text == "" {
			continue
		}
		p := Properties(text)
		out = append(out, Node{Cluster: o.Cluster, Namespace: o.Namespace, Name: o.Name, ID: p["node.id"], Props: p})
	}
	return out
}

func (n Node) String() string { return fmt.Sprintf("node %s (%s/%s)", n.ID, n.Namespace, n.Name) }

// Listener is one listener's TLS as a node's configuration gives it.
type Listener struct {
	Name       string // as in listener.name.<name>, lower case
	End        TLSEnd
	ClientAuth bool
}

// tlsOf resolves listener.name.<l>.ssl.* of a node.
func (n Node) tlsOf(listener string, secrets SecretStore) (*Listener, error) {
	l := strings.ToLower(listener)
	get := func(k string) (string, error) {
		v, ok := n.Props["listener.name."+l+".ssl."+k]
		if !ok {
			return "", fmt.Errorf("%s: no listener.name.%s.ssl.%s", n, l, k)
		}
		return Substitute(n.Cluster, v, secrets)
	}
	chain, err := get("keystore.certificate.chain")
	if err != nil {
		return nil, err
	}
	key, err := get("keystore.key")
	if err != nil {
		return nil, err
	}
	kp, err := KeyPair([]byte(chain), []byte(key))
	if err != nil {
		return nil, fmt.Errorf("%s listener %s: %w", n, l, err)
	}
	out := &Listener{Name: l, End: TLSEnd{Cert: kp},
		ClientAuth: n.Props["listener.name."+l+".ssl.client.auth"] == "required"}
	// A listener without client authentication needs no truststore.
	if _, ok := n.Props["listener.name."+l+".ssl.truststore.certificates"]; !ok && !out.ClientAuth {
		return out, nil
	}
	trust, err := get("truststore.certificates")
	if err != nil {
		return nil, err
	}
	if out.End.Trust, err = TrustPool([]byte(trust)); err != nil {
		return nil, fmt.Errorf("%s listener %s: %w", n, l, err)
	}
	return out, nil
}

// sslListeners are the listener names the protocol map gives SSL.
func (n Node) sslListeners() map[string]bool {
	out := map[string]bool{}
	for _, e := range splitList(n.Props["listener.security.protocol.map"]) {
		name, proto, _ := strings.Cut(e, ":")
		if proto == "SSL" {
			out[name] = true
		}
	}
	return out
}

// bootstrapHosts are the names a client dials the node's cluster's
// bootstrap Services by, in each form Kubernetes DNS answers, for the
// Services with a port the node binds the listener to.
func bootstrapHosts(objs []Object, n Node, listener string) []string {
	var out []string
	for _, o := range objs {
		if o.Kind != "Service" || o.Cluster != n.Cluster || o.Namespace != n.Namespace || !strings.HasSuffix(o.Name, "-bootstrap") {
			continue
		}
		ports, _ := Get(o.Map, "spec", "ports").([]any)
		for _, p := range ports {
			pm, _ := p.(map[string]any)
			// Strimzi's bootstrap Services expose each listener on its own
			// port number (the target is the container port's name).
			if listenerOnPort(n, fmt.Sprint(pm["port"])) == listener {
				out = append(out, dialledNames(objs, o)...)
				break
			}
		}
	}
	return out
}

// dialledNames are the names clients reach a bootstrap Service by: an
// external listener's address (a load balancer's requested IP; the host of
// the Ingress, Route or TLSRoute in front of it), else the Service's own
// DNS names. A node port's address is a node's, which no certificate
// names; Strimzi names neither it nor an external Service's own DNS names.
func dialledNames(objs []Object, svc Object) []string {
	switch GetString(svc.Map, "spec", "type") {
	case "NodePort":
		return nil
	case "LoadBalancer":
		if ip := GetString(svc.Map, "spec", "loadBalancerIP"); ip != "" {
			return []string{ip}
		}
		return nil
	}
	if hosts := frontHosts(objs, svc); len(hosts) > 0 {
		return hosts
	}
	return []string{svc.Name, svc.Name + "." + svc.Namespace, svc.Name + "." + svc.Namespace + ".svc", svc.Name + "." + svc.Namespace + ".svc.cluster.local"}
}

// frontHosts are the hosts of the Ingresses, Routes and TLSRoutes that
// send traffic to svc.
func frontHosts(objs []Object, svc Object) []string {
	var out []string
	for _, o := range objs {
		if o.Cluster != svc.Cluster || o.Namespace != svc.Namespace {
			continue
		}
		switch o.Kind {
		case "Ingress":
			rules, _ := Get(o.Map, "spec", "rules").([]any)
			for _, r := range rules {
				rm, _ := r.(map[string]any)
				paths, _ := Get(rm, "http", "paths").([]any)
				for _, p := range paths {
					pm, _ := p.(map[string]any)
					if GetString(pm, "backend", "service", "name") == svc.Name {
						out = append(out, GetString(rm, "host"))
					}
				}
			}
		case "Route":
			if GetString(o.Map, "spec", "to", "name") == svc.Name {
				out = append(out, GetString(o.Map, "spec", "host"))
			}
		case "TLSRoute":
			rules, _ := Get(o.Map, "spec", "rules").([]any)
			for _, r := range rules {
				rm, _ := r.(map[string]any)
				refs, _ := rm["backendRefs"].([]any)
				for _, b := range refs {
					bm, _ := b.(map[string]any)
					if GetString(bm, "name") == svc.Name {
						hosts, _ := Get(o.Map, "spec", "hostnames").([]any)
						for _, h := range hosts {
							out = append(out, fmt.Sprint(h))
						}
					}
				}
			}
		}
	}
	return out
}

func (r *Report) verifyNodes(objs []Object) {
	nodes := Nodes(objs)
	r.Nodes = len(nodes)
	if len(nodes) == 0 {
		return
	}
	byID := map[string]Node{}
	for _, n := range nodes {
		byID[n.ID] = n
	}
	type serve struct {
		listener string
		host     string
	}
	for _, n := range nodes {
		ssl := n.sslListeners()
		var dialled []serve
		adv, err := AdvertisedListeners(n.Props["advertised.listeners"])
		if err != nil {
			r.problemf("%s: %v", n, err)
		}
		for _, e := range adv {
			if ssl[e.Listener] {
				dialled = append(dialled, serve{e.Listener, e.Host})
			}
		}
		voters, err := QuorumVoters(n.Props["controller.quorum.voters"])
		if err != nil {
			r.problemf("%s: %v", n, err)
		}
		ctl := n.Props["controller.listener.names"]
		if e, ok := voters[n.ID]; ok && ssl[ctl] {
			dialled = append(dialled, serve{ctl, e.Host})
		}
		if slices.Contains(strings.Split(n.Props["process.roles"], ","), "broker") {
			for l := range ssl {
				for _, h := range bootstrapHosts(objs, n, l) {
					dialled = append(dialled, serve{l, h})
				}
			}
		}
		for _, d := range dialled {
			l, err := n.tlsOf(d.listener, r.Secrets)
			if err != nil {
				r.problemf("%v", err)
				continue
			}
			if err := l.End.Cert.Leaf.VerifyHostname(d.host); err != nil {
				r.problemf("%s listener %s: dialled as %s: %v", n, d.listener, d.host, err)
			}
		}
	}
	// Every node dials the controllers on the controller listener; brokers
	// dial brokers on the inter-broker listener. Each handshake uses the
	// dialling node's and the dialled node's own configuration.
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	negativeDone := false
	for _, sid := range ids {
		server := byID[sid]
		type hop struct{ listener, host string }
		var hops []hop
		voters, _ := QuorumVoters(server.Props["controller.quorum.voters"])
		if e, ok := voters[sid]; ok {
			hops = append(hops, hop{server.Props["controller.listener.names"], e.Host})
		}
		ibl := server.Props["inter.broker.listener.name"]
		adv, _ := AdvertisedListeners(server.Props["advertised.listeners"])
		for _, e := range adv {
			if e.Listener == ibl && server.sslListeners()[ibl] {
				hops = append(hops, hop{ibl, e.Host})
			}
		}
		for _, h := range hops {
			sl, err := server.tlsOf(h.listener, r.Secrets)
			if err != nil {
				r.problemf("%v", err)
				continue
			}
			for _, cid := range ids {
				client := byID[cid]
				if h.listener == ibl && !slices.Contains(strings.Split(client.Props["process.roles"], ","), "broker") {
					continue
				}
				cl, err := client.tlsOf(h.listener, r.Secrets)
				if err != nil {
					r.problemf("%v", err)
					continue
				}
				r.Handshakes++
				if err := Handshake(cl.End, sl.End, h.host, sl.ClientAuth); err != nil {
					r.problemf("%s -> %s on %s: %v", client, server, h.listener, err)
				}
				// A node's certificate holds its own names, not another's:
				// dialling this server by the client's name must fail.
				if !negativeDone && cid != sid {
					if other := hostOf(client, h.listener); other != "" && other != h.host {
						negativeDone = true
						r.Handshakes++
						if Handshake(cl.End, sl.End, other, sl.ClientAuth) == nil {
							r.problemf("%s serves %s, the name of %s", server, other, client)
						}
					}
				}
			}
		}
	}
	if !negativeDone && len(ids) > 1 {
		r.problemf("no negative handshake ran")
	}
}

// hostOf is the host a node advertises or is a voter on for a listener.
func hostOf(n Node, listener string) string {
	adv, _ := AdvertisedListeners(n.Props["advertised.listeners"])
	for _, e := range adv {
		if e.Listener == listener {
			return e.Host
		}
	}
	voters, _ := QuorumVoters(n.Props["controller.quorum.voters"])
	return voters[n.ID].Host
}

// eoSecrets are the environment variables through which the Topic and User
// Operators read Secrets from the API at start: the Secret's variable, the
// variables naming its key and certificate and their defaults, and the
// variables giving the namespace, first set wins. Trust Secrets are read
// whole: every key ending in .crt is trusted.
var eoSecrets = []struct {
	container, secret, keyVar, keyDefault, certVar, certDefault string
	namespaceVars                                               []string
	trust                                                       bool
}{
	{"topic-operator", "STRIMZI_TLS_TRUSTED_CERTS_SECRET_NAME", "", "", "", "", []string{"STRIMZI_CLUSTER_NAMESPACE", "STRIMZI_NAMESPACE"}, true},
	{"topic-operator", "STRIMZI_TLS_SECRET_NAME", "STRIMZI_TLS_KEY_NAME", "", "STRIMZI_TLS_CERT_NAME", "", []string{"STRIMZI_CLUSTER_NAMESPACE", "STRIMZI_NAMESPACE"}, false},
	{"user-operator", "STRIMZI_CLUSTER_CA_CERT_SECRET_NAME", "", "", "", "", []string{"STRIMZI_CA_NAMESPACE", "STRIMZI_NAMESPACE"}, true},
	{"user-operator", "STRIMZI_EO_KEY_SECRET_NAME", "STRIMZI_EO_KEY_NAME", "entity-operator.key", "STRIMZI_EO_CERT_NAME", "entity-operator.crt", []string{"STRIMZI_CA_NAMESPACE", "STRIMZI_NAMESPACE"}, false},
}

// TrustKey stands for "every key ending in .crt" in a Ref.
const TrustKey = "*.crt"

type eoIdentity struct {
	container string
	cluster   string
	sa        string
	bootstrap string
	trust     Ref
	cert, key Ref
}

func entityOperators(objs []Object) []eoIdentity {
	var out []eoIdentity
	pods, _ := Pods(objs)
	for _, p := range pods {
		if p.Owner.Kind != "Deployment" || !strings.HasSuffix(p.Owner.Name, "-entity-operator") {
			continue
		}
		for _, c := range p.Spec.Containers {
			env := map[string]string{}
			for _, e := range c.Env {
				env[e.Name] = e.Value
			}
			id := eoIdentity{container: c.Name, cluster: p.Owner.Cluster, sa: serviceAccount(p.Spec), bootstrap: env["STRIMZI_KAFKA_BOOTSTRAP_SERVERS"]}
			for _, s := range eoSecrets {
				if s.container != c.Name || env[s.secret] == "" {
					continue
				}
				ns := p.Namespace
				for _, v := range s.namespaceVars {
					if env[v] != "" {
						ns = env[v]
						break
					}
				}
				ref := Ref{Cluster: p.Owner.Cluster, Namespace: ns, Secret: env[s.secret], ViaAPI: true,
					Readers: []string{serviceAccount(p.Spec)}, From: fmt.Sprintf("%s container %s env %s", p.Owner, c.Name, s.secret)}
				if s.trust {
					ref.Key = TrustKey
					id.trust = ref
					continue
				}
				id.key, id.cert = ref, ref
				id.key.Key = cmp(env[s.keyVar], s.keyDefault)
				id.cert.Key = cmp(env[s.certVar], s.certDefault)
			}
			out = append(out, id)
		}
	}
	return out
}

func cmp(v, def string) string {
	if v != "" {
		return v
	}
	return def
}

// EntityOperatorRefs are the Secrets the Topic and User Operators read.
func EntityOperatorRefs(objs []Object) []Ref {
	var out []Ref
	for _, id := range entityOperators(objs) {
		for _, r := range []Ref{id.trust, id.cert, id.key} {
			if r.Secret != "" {
				out = append(out, r)
			}
		}
	}
	return out
}

func trustedCerts(s *corev1.Secret) []byte {
	var out []byte
	keys := make([]string, 0, len(s.Data))
	for k := range s.Data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.HasSuffix(k, ".crt") {
			out = append(out, s.Data[k]...)
			out = append(out, '\n')
		}
	}
	return out
}

// verifyEntityOperator dials the bootstrap address each operator is given
// with the identity and trust it reads, against every broker serving the
// port, mutual TLS where the listener requires it.
func (r *Report) verifyEntityOperator(objs []Object) {
	nodes := Nodes(objs)
	for _, id := range entityOperators(objs) {
		if id.bootstrap == "" {
			r.problemf("entity operator container %s: no STRIMZI_KAFKA_BOOTSTRAP_SERVERS", id.container)
			continue
		}
		var end TLSEnd
		if id.trust.Secret != "" {
			s := r.Secrets.Get(id.cluster, id.trust.Namespace, id.trust.Secret)
			if s == nil {
				continue // Resolve reported it
			}
			pool, err := TrustPool(trustedCerts(s))
			if err != nil {
				r.problemf("%s: %v", id.trust.From, err)
				continue
			}
			end.Trust = pool
		}
		if id.cert.Secret != "" {
			s := r.Secrets.Get(id.cluster, id.cert.Namespace, id.cert.Secret)
			if s == nil {
				continue
			}
			kp, err := KeyPair(s.Data[id.cert.Key], s.Data[id.key.Key])
			if err != nil {
				r.problemf("%s: %v", id.cert.From, err)
				continue
			}
			end.Cert = kp
		}
		eps, err := HostPorts(id.bootstrap)
		if err != nil {
			r.problemf("entity operator container %s: %v", id.container, err)
			continue
		}
		for _, ep := range eps {
			served := 0
			for _, n := range nodes {
				if n.Cluster != id.cluster {
					continue
				}
				l := listenerOnPort(n, ep.Port)
				if l == "" || !n.sslListeners()[l] {
					continue
				}
				sl, err := n.tlsOf(l, r.Secrets)
				if err != nil {
					r.problemf("%v", err)
					continue
				}
				served++
				r.Handshakes++
				if err := Handshake(end, sl.End, ep.Host, sl.ClientAuth); err != nil {
					r.problemf("entity operator container %s -> %s at %s: %v", id.container, n, ep, err)
				}
			}
			if served == 0 {
				r.problemf("entity operator container %s: no broker serves TLS at %s", id.container, ep)
			}
		}
	}
}

// listenerOnPort finds the listener a node binds to the port.
func listenerOnPort(n Node, port string) string {
	ls, _ := AdvertisedListeners(strings.ReplaceAll(n.Props["listeners"], "0.0.0.0", "h"))
	for _, l := range ls {
		if l.Port == port {
			return l.Listener
		}
	}
	return ""
}

// verifyConnect dials each KafkaConnect's bootstrap servers with the trust
// and client certificate its kafka-connect.properties reads, against every
// node binding the port.
func (r *Report) verifyConnect(objs []Object) {
	nodes := Nodes(objs)
	for _, o := range objs {
		text := GetString(o.Map, "data", "kafka-connect.properties")
		if o.Kind != "ConfigMap" || text == "" {
			continue
		}
		p := Properties(text)
		if p["security.protocol"] != "SSL" {
			continue
		}
		var end TLSEnd
		trust, err := Substitute(o.Cluster, p["ssl.truststore.certificates"], r.Secrets)
		if err == nil {
			end.Trust, err = TrustPool([]byte(trust))
		}
		if err != nil {
			r.problemf("%s truststore: %v", o, err)
			continue
		}
		if chain, ok := p["ssl.keystore.certificate.chain"]; ok {
			c, err1 := Substitute(o.Cluster, chain, r.Secrets)
			k, err2 := Substitute(o.Cluster, p["ssl.keystore.key"], r.Secrets)
			if err := errors.Join(err1, err2); err != nil {
				r.problemf("%s keystore: %v", o, err)
				continue
			}
			if end.Cert, err = KeyPair([]byte(c), []byte(k)); err != nil {
				r.problemf("%s keystore: %v", o, err)
				continue
			}
		}
		eps, err := HostPorts(p["bootstrap.servers"])
		if err != nil {
			r.problemf("%s: %v", o, err)
			continue
		}
		for _, ep := range eps {
			served := 0
			for _, n := range nodes {
				l := listenerOnPort(n, ep.Port)
				if l == "" || !n.sslListeners()[l] || !slices.Contains(strings.Split(n.Props["process.roles"], ","), "broker") {
					continue
				}
				sl, err := n.tlsOf(l, r.Secrets)
				if err != nil {
					r.problemf("%v", err)
					continue
				}
				served++
				r.Handshakes++
				r.ConnectHandshakes++
				if err := Handshake(end, sl.End, ep.Host, sl.ClientAuth); err != nil {
					r.problemf("%s -> %s at %s: %v", o, n, ep, err)
				}
			}
			if served == 0 {
				r.problemf("%s: no broker serves TLS at %s", o, ep)
			}
		}
	}
}
