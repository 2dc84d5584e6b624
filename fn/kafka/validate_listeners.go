package kafka

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	"github.com/strimzi-render/strimzi-render/fn/kafka/brokerconfig"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// listenerName is GenericKafkaListener.LISTENER_NAME_REGEX.
var listenerName = regexp.MustCompile(`^[a-z0-9]{1,11}$`)

// forbiddenPorts are taken by metrics and JMX; ports below 9092 by Strimzi's
// own listeners (ListenersValidator).
var forbiddenPorts = []int{9404, 9999}

const lowestListenerPort = 9092

// listeners applies ListenersValidator's rules that need no node IDs; the
// rules about brokers and Strimzi's one message follow with the nodes
// (listenerNodes, reportListeners).
func (v *validator) listeners() {
	ls := v.spec.Listeners
	if len(ls) == 0 {
		v.errorf("", "spec.kafka.listeners", "The required field .spec.kafka.listeners is missing")
		return
	}
	var errs []string
	add := func(format string, args ...any) {
		if msg := fmt.Sprintf(format, args...); !slices.Contains(errs, msg) {
			errs = append(errs, msg)
		}
	}
	names, ports := map[string]bool{}, map[int]string{}
	var invalid []string
	for i, l := range ls {
		if names[l.Name] {
			add("every listener needs to have a unique name")
		}
		names[l.Name] = true
		if !listenerName.MatchString(l.Name) {
			invalid = append(invalid, l.Name)
		}
		if prev, ok := ports[l.Port]; ok {
			add("every listener needs to have a unique port number")
			v.errorf("", fmt.Sprintf("spec.kafka.listeners[%d].port", i), "listener %s: port %d is also the port of listener %s: every listener needs its own port", l.Name, l.Port, prev)
		} else {
			ports[l.Port] = l.Name
		}
	}
	if len(invalid) > 0 {
		add("listener names %s are invalid and do not match the pattern %s", javacompat.ListString(invalid), listenerName)
	}
	for _, l := range ls {
		checkListener(l, add)
	}
	v.listenerErrs = errs
	for i, l := range ls {
		if (l.Type == brokerconfig.ListenerRoute || l.Type == brokerconfig.ListenerIngress) && !l.TLS {
			v.errorf("", fmt.Sprintf("spec.kafka.listeners[%d].tls", i),
				"listener %s of type %s needs tls: true: the %s passes TLS through to the brokers, telling them apart by SNI", l.Name, l.Type, exposure(l.Type))
		}
		if a := l.Authentication; a != nil && a.Type != brokerconfig.AuthTLS && a.Type != brokerconfig.AuthScramSha512 && a.Type != brokerconfig.AuthCustom {
			v.errorf("", fmt.Sprintf("spec.kafka.listeners[%d].authentication.type", i),
				"listener %s: authentication type %q is not supported; use tls, scram-sha-512 or custom", l.Name, a.Type)
		}
		if a := l.Authentication; a != nil && a.Type == brokerconfig.AuthCustom {
			if probs := brokerconfig.CheckCustomAuth(a.ListenerConfig); len(probs) > 0 {
				v.errorf("", fmt.Sprintf("spec.kafka.listeners[%d].%s", i, probs[0].Path), "listener %s: %s", l.Name, probs[0].Message)
			}
		}
	}
}

func exposure(listenerType string) string {
	if listenerType == brokerconfig.ListenerRoute {
		return "OpenShift router"
	}
	return "ingress controller"
}

// checkListener applies the per-listener rules of ListenersValidator that
// apply to the listener types Strimzi 1.2.0 has.
func checkListener(l strimzi.GenericKafkaListener, add func(string, ...any)) {
	if slices.Contains(forbiddenPorts, l.Port) || l.Port < lowestListenerPort {
		add("port %d is forbidden and cannot be used", l.Port)
	}
	if (l.Type == brokerconfig.ListenerRoute || l.Type == brokerconfig.ListenerIngress) && !l.TLS {
		add("listener %s is Route or Ingress type listener and requires enabled TLS encryption", l.Name)
	}
	c := l.Configuration
	if !l.TLS {
		if l.Authentication != nil && l.Authentication.Type == brokerconfig.AuthTLS {
			add("listener %s cannot use %s type authentication with disabled TLS encryption", l.Name, brokerconfig.AuthTLS)
		}
		if c != nil && c.BrokerCertChainAndKey != nil {
			add("listener %s cannot configure custom TLS certificate with disabled TLS encryption", l.Name)
		}
	}
	if c == nil {
		return
	}
	checkConfiguration(l, add)
	if cc := c.BrokerCertChainAndKey; cc != nil {
		for _, f := range [][2]string{{"secret name", cc.SecretName}, {"key", cc.Key}, {"certificate", cc.Certificate}} {
			if strings.TrimSpace(f[1]) == "" {
				add("listener '%s' cannot have an empty %s in the brokerCertChainAndKey", l.Name, f[0])
			}
		}
	}
}
