package kafka

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

func TestNewConfig(t *testing.T) {
	listeners := []Listener{{Name: "plain", Port: 9092}, {Name: "external", Port: 9094}}
	cases := map[string]struct {
		user    map[string]any
		keys    []string
		dropped []string
		probs   []results.Problem
	}{
		"defaults only": {keys: []string{"min.insync.replicas"}},
		"sorted after the default": {
			user: map[string]any{"z": "1", "B": "2", "a": "3", "min.insync.replicas": 2},
			keys: []string{"min.insync.replicas", "B", "a", "z"},
		},
		"forbidden prefixes, lower-cased": {
			user: map[string]any{
				"listeners": "x", "Advertised.listeners": "x", "broker.id": 1, "listener.name.x.y": 1, "host.name": "h",
				"port": 1, "inter.broker.listener.name": "x", "sasl.x": 1, "SSL.keystore.type": "JKS", "security.x": 1,
				"password.encoder.secret": "s", "log.dirs": "/x", "log.dir": "/x", "authorizer.class.name": "x",
				"super.users": "x", "cruise.control.metrics.topic": "x", "cruise.control.metrics.reporter.bootstrap.servers": "x",
				"node.id": 1, "process.roles": "x", "controller.quorum.voters": "x", "metadata.log.dir": "/x",
				"portable": "prefix port matches",
			},
			keys: []string{"min.insync.replicas"},
			dropped: []string{"Advertised.listeners", "SSL.keystore.type", "authorizer.class.name", "broker.id",
				"controller.quorum.voters", "cruise.control.metrics.reporter.bootstrap.servers", "cruise.control.metrics.topic",
				"host.name", "inter.broker.listener.name", "listener.name.x.y", "listeners", "log.dir", "log.dirs",
				"metadata.log.dir", "node.id", "password.encoder.secret", "port", "portable", "process.roles", "sasl.x",
				"security.x", "super.users"},
		},
		"exceptions, exact case only": {
			user: map[string]any{
				"ssl.cipher.suites": "x", "ssl.protocol": "TLSv1.3", "ssl.enabled.protocols": "TLSv1.3",
				"ssl.secure.random.implementation": "SHA1PRNG", "sasl.server.max.receive.size": 1,
				"broker.session.timeout.ms": 1, "broker.heartbeat.interval.ms": 1, "controller.socket.timeout.ms": 1,
				"controller.quorum.election.backoff.max.ms": 1, "controller.quorum.election.timeout.ms": 1,
				"controller.quorum.fetch.timeout.ms": 1, "cruise.control.metrics.topic.num.partitions": 1,
				"cruise.control.metrics.topic.min.insync.replicas": 1, "SSL.protocol": "TLSv1.3",
			},
			keys: []string{"min.insync.replicas", "broker.heartbeat.interval.ms", "broker.session.timeout.ms",
				"controller.quorum.election.backoff.max.ms", "controller.quorum.election.timeout.ms",
				"controller.quorum.fetch.timeout.ms", "controller.socket.timeout.ms",
				"cruise.control.metrics.topic.min.insync.replicas", "cruise.control.metrics.topic.num.partitions",
				"sasl.server.max.receive.size", "ssl.cipher.suites", "ssl.enabled.protocols", "ssl.protocol",
				"ssl.secure.random.implementation"},
			dropped: []string{"SSL.protocol"},
		},
		"per-listener reauthentication": {
			user: map[string]any{
				"listener.name.plain-9092.connections.max.reauth.ms":    1,
				"listener.name.external-9094.connections.max.reauth.ms": 2,
				"listener.name.other-9095.connections.max.reauth.ms":    3,
				"listener.name.plain-9092.max.connections":              4,
			},
			keys: []string{"min.insync.replicas", "listener.name.external-9094.connections.max.reauth.ms",
				"listener.name.plain-9092.connections.max.reauth.ms"},
			dropped: []string{"listener.name.other-9095.connections.max.reauth.ms", "listener.name.plain-9092.max.connections"},
		},
		"values Strimzi refuses": {
			user:  map[string]any{"a": nil, "b": []any{1}, "c": 1e20, "ok": 1},
			keys:  []string{"min.insync.replicas", "ok"},
			probs: []results.Problem{{Path: "spec.kafka.config[a]", Message: "a null value is not allowed"}, {Path: "spec.kafka.config[b]", Message: "values of type []interface {} are not supported; use a string, number or boolean"}, {Path: "spec.kafka.config[c]", Message: "100000000000000000000 does not fit a 64-bit integer"}},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c, probs := NewConfig(tc.user, listeners)
			assert.Equal(t, tc.keys, c.Keys())
			assert.Equal(t, tc.dropped, c.Dropped)
			assert.Equal(t, tc.probs, probs)
		})
	}
}
