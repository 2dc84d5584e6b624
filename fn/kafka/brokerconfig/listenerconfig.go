package brokerconfig

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	props "github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Names of the listeners Strimzi always configures.
var (
	controlPlaneName = "CONTROLPLANE-" + strconv.Itoa(ControlPlanePort)
	replicationName  = "REPLICATION-" + strconv.Itoa(ReplicationPort)
)

// Custom authentication may not set these listener options; Strimzi sets the
// key store itself (Strimzi: KafkaListenerAuthenticationCustom.FORBIDDEN_PREFIXES).
var forbiddenCustomAuthPrefixes = []string{"ssl.keystore."}

// writeListeners prints the listener sections and the common listener
// configuration (Strimzi: withListeners). Every node gets the control-plane
// listener's TLS settings, as brokers talk to the controllers too; only
// controllers listen on it. Brokers add the replication listener and the
// user's listeners.
func (c *Cluster) writeListeners(w *configWriter, n nodepools.Node) error {
	var listeners, advertised, protocols []string

	protocols = append(protocols, controlPlaneName+":SSL")
	w.Section("Control Plane listener")
	c.writeInternalListener(w, strings.ToLower(controlPlaneName), n)

	if n.Controller {
		listeners = append(listeners, controlPlaneName+"://0.0.0.0:"+strconv.Itoa(ControlPlanePort))
		advertised = append(advertised, controlPlaneName+"://"+c.controlPlane(n).String())
	}

	if n.Broker {
		protocols = append(protocols, replicationName+":SSL")
		listeners = append(listeners, replicationName+"://0.0.0.0:"+strconv.Itoa(ReplicationPort))
		advertised = append(advertised, replicationName+"://"+c.replication(n).String())
		w.Section("Replication listener")
		c.writeInternalListener(w, strings.ToLower(replicationName), n)

		for i, l := range c.Listeners {
			name := l.configName()
			w.Section("Listener configuration: " + name)
			e, err := c.endpoints().Endpoint(n, l)
			if err != nil {
				return err
			}
			e = l.advertisedWith(c.shared().overrides[i], n, e)
			listeners = append(listeners, name+"://0.0.0.0:"+strconv.Itoa(l.Port))
			advertised = append(advertised, name+"://"+e.Host+":"+strconv.Itoa(e.Port))
			protocol, err := c.writeAuthentication(w, l)
			if err != nil {
				return err
			}
			protocols = append(protocols, name+":"+protocol)
			writeConnectionLimits(w, l)
			if l.TLS {
				c.writeListenerTLS(w, l, n)
			}
			w.Blank()
		}
	}

	w.Section("Common listener configuration")
	w.Raw("listener.security.protocol.map", strings.Join(protocols, ","))
	w.Raw("listeners", strings.Join(listeners, ","))
	if n.Broker {
		w.Raw("inter.broker.listener.name", replicationName)
	}
	if len(advertised) > 0 {
		w.Raw("advertised.listeners", strings.Join(advertised, ","))
	}
	w.Raw("sasl.enabled.mechanisms", "")
	w.Raw("ssl.endpoint.identification.algorithm", "HTTPS")
	w.Blank()
	return nil
}

// writeInternalListener prints the mutual-TLS settings shared by the
// control-plane and replication listeners, key store first as in 1.2.0.
func (c *Cluster) writeInternalListener(w *configWriter, name string, n nodepools.Node) {
	p := "listener.name." + name + "."
	crt, key := c.nodeCert(n)
	w.Raw(p+"ssl.keystore.certificate.chain", c.ref(crt))
	w.Raw(p+"ssl.keystore.key", c.ref(key))
	w.Raw(p+"ssl.keystore.type", "PEM")
	w.Raw(p+"ssl.truststore.certificates", c.ref(c.clusterTrust()))
	w.Raw(p+"ssl.truststore.type", "PEM")
	w.Raw(p+"ssl.client.auth", "required")
	w.Blank()
}

// writeAuthentication prints a listener's authentication and returns its
// security protocol (Strimzi: configureAuthentication). SCRAM and TLS client
// authentication end with a blank line, custom authentication does not.
func (c *Cluster) writeAuthentication(w *configWriter, l Listener) (string, error) {
	p := "listener.name." + strings.ToLower(l.configName()) + "."
	auth := l.Auth
	if auth == nil {
		return securityProtocol(l.TLS, false), nil
	}
	switch auth.Type {
	case AuthScramSha512:
		w.Raw(p+"scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required ;")
		w.Raw(p+"sasl.enabled.mechanisms", "SCRAM-SHA-512")
		w.Blank()
		return securityProtocol(l.TLS, true), nil
	case AuthTLS:
		w.Raw(p+"ssl.client.auth", "required")
		w.Raw(p+"ssl.truststore.certificates", c.ref(c.clientsTrust()))
		w.Raw(p+"ssl.truststore.type", "PEM")
		w.Blank()
		return securityProtocol(l.TLS, false), nil
	case AuthCustom:
		opts, probs := customAuthOptions(auth.ListenerConfig)
		if len(probs) > 0 {
			return "", fmt.Errorf("listener %s: %s: %s", l.Name, probs[0].Path, probs[0].Message)
		}
		for _, k := range opts.keys {
			w.Raw(p+k, opts.values[k])
		}
		return securityProtocol(l.TLS, auth.SASL), nil
	default:
		return "", fmt.Errorf("listener %s: authentication type %q is not supported; use tls, scram-sha-512 or custom", l.Name, auth.Type)
	}
}

// customAuthOptions are the listenerConfig options of custom authentication
// that reach server.config, in key order, values rendered by FormatValue and
// key store options dropped (Strimzi: KafkaListenerCustomAuthConfiguration).
func customAuthOptions(cfg map[string]any) (*properties, []results.Problem) {
	opts := newProperties()
	var probs []results.Problem
	for _, k := range sortedKeys(cfg) {
		at := fmt.Sprintf("authentication.listenerConfig[%s]", k)
		v, err := FormatValue(cfg[k])
		if err != nil {
			probs = append(probs, results.Problem{Path: at, Message: err.Error()})
			continue
		}
		// Printed as it is, as Strimzi prints it.
		probs = append(probs, props.CheckRawValueAt(at, v)...)
		opts.put(k, v)
	}
	opts.filter(func(k string) bool { return hasAnyPrefix(strings.ToLower(k), forbiddenCustomAuthPrefixes) })
	return opts, probs
}

// CheckCustomAuth returns the problems of a custom authentication's
// listenerConfig, at paths below the listener: the values server.config
// cannot hold.
func CheckCustomAuth(listenerConfig map[string]any) []results.Problem {
	_, probs := customAuthOptions(listenerConfig)
	return probs
}

func securityProtocol(tls, sasl bool) string {
	p := "PLAINTEXT"
	if tls {
		p = "SSL"
	}
	if sasl {
		return "SASL_" + p
	}
	return p
}

// writeConnectionLimits prints max.connections and max.connection.creation.rate.
func writeConnectionLimits(w *configWriter, l Listener) {
	p := "listener.name." + strings.ToLower(l.configName()) + "."
	if v := l.Config.MaxConnections; v != nil {
		w.Raw(p+"max.connections", strconv.Itoa(*v))
	}
	if v := l.Config.MaxConnectionCreationRate; v != nil {
		w.Raw(p+"max.connection.creation.rate", strconv.Itoa(*v))
	}
}

// writeListenerTLS prints the listener's key store: the node certificate, or
// the user's certificate (Strimzi: configureTls; see listenerCert).
func (c *Cluster) writeListenerTLS(w *configWriter, l Listener, n nodepools.Node) {
	name := strings.ToLower(l.configName())
	crt, key := c.listenerCert(l, n)
	p := "listener.name." + name + "."
	w.Raw(p+"ssl.keystore.certificate.chain", c.ref(crt))
	w.Raw(p+"ssl.keystore.key", c.ref(key))
	w.Raw(p+"ssl.keystore.type", "PEM")
	w.Blank()
}
