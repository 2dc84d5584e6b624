package connect

import (
	"slices"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Strimzi's config providers for Connect workers.
const providers = "strimzienv,strimzifile,strimzidir,strimzisecrets"

// forbiddenPrefixes and allowedKeys are KafkaConnectSpec.FORBIDDEN_PREFIXES
// and FORBIDDEN_PREFIX_EXCEPTIONS: user config under these prefixes is dropped.
var (
	forbiddenPrefixes = []string{"group.id", "config.storage.topic", "offset.storage.topic", "status.storage.topic",
		"ssl.", "sasl.", "security.", "listeners", "plugin.path", "rest.", "bootstrap.servers",
		"consumer.interceptor.classes", "producer.interceptor.classes", "prometheus.metrics.reporter."}
	allowedKeys = []string{"ssl.endpoint.identification.algorithm", "ssl.cipher.suites", "ssl.protocol", "ssl.enabled.protocols"}
)

// UserConfig is spec.config without the keys Strimzi manages, with the
// converter defaults in front (KafkaConnectConfiguration).
func (m *Model) UserConfig() []strimzi.ConfigEntry {
	out := []strimzi.ConfigEntry{
		{Key: "key.converter", Value: "org.apache.kafka.connect.json.JsonConverter"},
		{Key: "value.converter", Value: "org.apache.kafka.connect.json.JsonConverter"},
	}
	for _, e := range m.sortedConfig() {
		if Forbidden(e.Key) || e.Key == "config.providers" {
			continue
		}
		if i := slices.IndexFunc(out, func(o strimzi.ConfigEntry) bool { return o.Key == e.Key }); i >= 0 {
			out[i].Value = e.Value
			continue
		}
		out = append(out, e)
	}
	if m.spec.Tracing != nil && m.spec.Tracing.Type == "opentelemetry" {
		out = setEntry(out, "consumer.interceptor.classes", "io.opentelemetry.instrumentation.kafkaclients.v2_6.TracingConsumerInterceptor")
		out = setEntry(out, "producer.interceptor.classes", "io.opentelemetry.instrumentation.kafkaclients.v2_6.TracingProducerInterceptor")
	}
	return out
}

func setEntry(cfg []strimzi.ConfigEntry, key, value string) []strimzi.ConfigEntry {
	if i := slices.IndexFunc(cfg, func(e strimzi.ConfigEntry) bool { return e.Key == key }); i >= 0 {
		cfg[i].Value = value
		return cfg
	}
	return append(cfg, strimzi.ConfigEntry{Key: key, Value: value})
}

// sortedConfig is spec.config in the order the operator sees it: the API
// server serialises custom resources with sorted keys.
func (m *Model) sortedConfig() []strimzi.ConfigEntry {
	cfg := slices.Clone(m.cr.Config)
	slices.SortStableFunc(cfg, func(a, b strimzi.ConfigEntry) int { return strings.Compare(a.Key, b.Key) })
	return cfg
}

// Forbidden reports whether Strimzi drops a Connect config key.
func Forbidden(key string) bool {
	k := strings.ToLower(key)
	if slices.Contains(allowedKeys, k) {
		return false
	}
	return slices.ContainsFunc(forbiddenPrefixes, func(p string) bool { return strings.HasPrefix(k, p) })
}

func (m *Model) userConfigValue(key string) (string, bool) {
	for _, e := range m.cr.Config {
		if e.Key == key {
			return e.Value, true
		}
	}
	return "", false
}

// GroupID and the storage topics: v1 top-level fields, or the v1beta2 config keys.
func (m *Model) GroupID() string { return m.topLevelOrConfig(m.spec.GroupID, "group.id") }

func (m *Model) topLevelOrConfig(v, key string) string {
	if v != "" {
		return v
	}
	v, _ = m.userConfigValue(key)
	return v
}

// properties is kafka-connect.properties (KafkaConnectConfigurationBuilder).
func (m *Model) properties() string {
	s := m.spec
	w := properties.NewWriter()
	w.Header()
	w.Section("Bootstrap servers", "bootstrap.servers="+s.BootstrapServers)
	w.Section("Internal topics and group ID",
		"group.id="+m.GroupID(),
		"config.storage.topic="+m.topLevelOrConfig(s.ConfigStorageTopic, "config.storage.topic"),
		"status.storage.topic="+m.topLevelOrConfig(s.StatusStorageTopic, "status.storage.topic"),
		"offset.storage.topic="+m.topLevelOrConfig(s.OffsetStorageTopic, "offset.storage.topic"))
	w.Section("REST Listeners",
		"rest.advertised.host.name=${strimzienv:ADVERTISED_HOSTNAME}",
		"rest.advertised.port="+strconv.Itoa(RESTPort))
	w.Section("Plugins", "plugin.path=/opt/kafka/plugins")
	m.writeTLS(w)
	m.writeAuthentication(w)
	m.writeRack(w)
	m.writeStrimziReporter(w)
	m.writeConfigProviders(w)
	user := m.writeMetricReporters(w, m.UserConfig())
	lines := make([]string, 0, len(user))
	for _, e := range user {
		lines = append(lines, properties.Line(e.Key, e.Value))
	}
	w.Section("User provided configuration", lines...)
	w.Blank()
	w.Section("Kafka Security protocol", m.securityProtocolLines()...)
	return w.String()
}

func (m *Model) writeConfigProviders(w *properties.Writer) {
	comment, list := "# Configuration providers configured by Strimzi", providers
	if user, ok := m.userConfigValue("config.providers"); ok && user != "" {
		comment, list = "# Configuration providers configured by the user and by Strimzi", user+","+providers
	}
	w.Section("Config providers",
		comment,
		"config.providers="+list,
		"config.providers.strimzienv.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
		"config.providers.strimzienv.param.allowlist.pattern=.*",
		"config.providers.strimzifile.class=org.apache.kafka.common.config.provider.FileConfigProvider",
		"config.providers.strimzidir.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider",
		"config.providers.strimzidir.param.allowed.paths=/opt/kafka",
		"config.providers.strimzisecrets.class=io.strimzi.kafka.KubernetesSecretConfigProvider")
}

func (m *Model) writeRack(w *properties.Writer) {
	r := m.spec.Rack
	switch {
	case r == nil:
	case r.Type == RackEnvVar:
		w.Section("Additional information", "consumer.client.rack=${strimzienv:"+r.EnvVarName+"}")
	case m.rackTopologyKey() != "":
		w.Section("Additional information", "consumer.client.rack=${strimzidir:/opt/kafka/init:rack.id}")
	}
}

// secretValue references a Secret key through Strimzi's config provider.
func (m *Model) secretValue(secret, key string) string {
	return "${strimzisecrets:" + m.Namespace + "/" + secret + ":" + key + "}"
}

var clientPrefixes = []string{"", "producer.", "consumer.", "admin."}

// prefixed repeats lines for the worker and its producer, consumer and admin clients.
func prefixed(lines ...string) []string {
	out := make([]string, 0, 4*len(lines))
	for _, p := range clientPrefixes {
		for _, l := range lines {
			out = append(out, p+l)
		}
	}
	return out
}

func (m *Model) writeTLS(w *properties.Writer) {
	if m.spec.TLS == nil || len(m.spec.TLS.TrustedCertificates) == 0 {
		return
	}
	w.Section("TLS / SSL", prefixed(
		"ssl.truststore.certificates="+m.secretValue(names.ConnectTLSTrustedCerts(m.Name), "ca.crt"),
		"ssl.truststore.type=PEM")...)
}

func (m *Model) securityProtocolLines() []string {
	proto := "PLAINTEXT"
	tls := m.spec.TLS != nil
	sasl := m.usesSASL()
	switch {
	case tls && sasl:
		proto = "SASL_SSL"
	case tls:
		proto = "SSL"
	case sasl:
		proto = "SASL_PLAINTEXT"
	}
	return prefixed("security.protocol=" + proto)
}
