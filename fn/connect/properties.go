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
	at := map[string]int{out[0].Key: 0, out[1].Key: 1}
	for _, e := range m.sortedConfig() {
		if Forbidden(e.Key) || e.Key == "config.providers" {
			continue
		}
		if i, ok := at[e.Key]; ok {
			out[i].Value = e.Value
			continue
		}
		at[e.Key] = len(out)
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
	writeSection(w, "Bootstrap servers", entry("bootstrap.servers", s.BootstrapServers))
	writeSection(w, "Internal topics and group ID",
		entry("group.id", m.GroupID()),
		entry("config.storage.topic", m.topLevelOrConfig(s.ConfigStorageTopic, "config.storage.topic")),
		entry("status.storage.topic", m.topLevelOrConfig(s.StatusStorageTopic, "status.storage.topic")),
		entry("offset.storage.topic", m.topLevelOrConfig(s.OffsetStorageTopic, "offset.storage.topic")))
	writeSection(w, "REST Listeners",
		entry("rest.advertised.host.name", "${strimzienv:ADVERTISED_HOSTNAME}"),
		entry("rest.advertised.port", strconv.Itoa(RESTPort)))
	writeSection(w, "Plugins", entry("plugin.path", "/opt/kafka/plugins"))
	m.writeTLS(w)
	m.writeAuthentication(w)
	m.writeRack(w)
	m.writeStrimziReporter(w)
	m.writeConfigProviders(w)
	user := m.writeMetricReporters(w, m.UserConfig())
	// The user's configuration goes through OrderedProperties, which escapes it.
	w.Section("User provided configuration")
	for _, e := range user {
		w.Pair(e.Key, e.Value)
	}
	w.Blank()
	w.Blank()
	writeSection(w, "Kafka Security protocol", m.securityProtocolEntries()...)
	return w.String()
}

// entry is one line of a section.
func entry(key, value string) strimzi.ConfigEntry { return strimzi.ConfigEntry{Key: key, Value: value} }

// writeSection writes a titled section of lines as Strimzi's builder prints them,
// and the blank line that ends it.
func writeSection(w *properties.Writer, title string, entries ...strimzi.ConfigEntry) {
	w.Section(title)
	for _, e := range entries {
		w.Raw(e.Key, e.Value)
	}
	w.Blank()
}

func (m *Model) writeConfigProviders(w *properties.Writer) {
	comment, list := "Configuration providers configured by Strimzi", providers
	if user, ok := m.userConfigValue("config.providers"); ok && user != "" {
		comment, list = "Configuration providers configured by the user and by Strimzi", user+","+providers
	}
	w.Section("Config providers")
	w.Comment(comment)
	for _, e := range []strimzi.ConfigEntry{
		entry("config.providers", list),
		entry("config.providers.strimzienv.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider"),
		entry("config.providers.strimzienv.param.allowlist.pattern", ".*"),
		entry("config.providers.strimzifile.class", "org.apache.kafka.common.config.provider.FileConfigProvider"),
		entry("config.providers.strimzidir.class", "org.apache.kafka.common.config.provider.DirectoryConfigProvider"),
		entry("config.providers.strimzidir.param.allowed.paths", "/opt/kafka"),
		entry("config.providers.strimzisecrets.class", "io.strimzi.kafka.KubernetesSecretConfigProvider"),
	} {
		w.Raw(e.Key, e.Value)
	}
	w.Blank()
}

func (m *Model) writeRack(w *properties.Writer) {
	r := m.spec.Rack
	switch {
	case r == nil:
	case r.Type == RackEnvVar:
		writeSection(w, "Additional information", entry("consumer.client.rack", "${strimzienv:"+r.EnvVarName+"}"))
	case m.rackTopologyKey() != "":
		writeSection(w, "Additional information", entry("consumer.client.rack", "${strimzidir:/opt/kafka/init:rack.id}"))
	}
}

// secretValue references a Secret key through Strimzi's config provider.
func (m *Model) secretValue(secret, key string) string {
	return "${strimzisecrets:" + m.Namespace + "/" + secret + ":" + key + "}"
}

var clientPrefixes = []string{"", "producer.", "consumer.", "admin."}

// prefixed repeats entries for the worker and its producer, consumer and admin clients.
func prefixed(entries ...strimzi.ConfigEntry) []strimzi.ConfigEntry {
	out := make([]strimzi.ConfigEntry, 0, 4*len(entries))
	for _, p := range clientPrefixes {
		for _, e := range entries {
			out = append(out, entry(p+e.Key, e.Value))
		}
	}
	return out
}

func (m *Model) writeTLS(w *properties.Writer) {
	if m.spec.TLS == nil || len(m.spec.TLS.TrustedCertificates) == 0 {
		return
	}
	writeSection(w, "TLS / SSL", prefixed(
		entry("ssl.truststore.certificates", m.truststoreValue()),
		entry("ssl.truststore.type", "PEM"))...)
}

// truststoreValue is the operator's copied Secret, or with DirectTrust one
// reference per certificate. Kafka's config transformer resolves every
// reference in a value; its PEM reader wants white space after each END
// line, which a Secret's value may lack, so an escaped line break separates
// them.
func (m *Model) truststoreValue() string {
	if !m.in.DirectTrust {
		return m.secretValue(names.ConnectTLSTrustedCerts(m.Name), "ca.crt")
	}
	var refs []string
	for _, c := range m.trustedCertificates() {
		refs = append(refs, m.secretValue(c.SecretName, c.Certificate))
	}
	return strings.Join(refs, `\n`)
}

// trustedCertificates are spec.tls.trustedCertificates without repeats.
func (m *Model) trustedCertificates() []strimzi.CertSecretSource {
	var out []strimzi.CertSecretSource
	for _, c := range m.spec.TLS.TrustedCertificates {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func (m *Model) securityProtocolEntries() []strimzi.ConfigEntry {
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
	return prefixed(entry("security.protocol", proto))
}
