package brokerconfig

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

// Config providers Strimzi registers; brokers also get the file and
// directory providers.
var (
	controllerProviders = []string{"strimzienv", "strimzisecrets"}
	brokerProviders     = []string{"strimzienv", "strimzisecrets", "strimzifile", "strimzidir"}
)

// Reporter classes Strimzi adds to metric.reporters and kafka.metrics.reporters.
const (
	jmxReporter           = "org.apache.kafka.common.metrics.JmxReporter"
	strimziKafkaReporter  = "io.strimzi.kafka.metrics.prometheus.ServerKafkaMetricsReporter"
	strimziYammerReporter = "io.strimzi.kafka.metrics.prometheus.ServerYammerMetricsReporter"
)

// writeUserConfig prints the config providers, the metric reporters Strimzi
// injects and the user's configuration (Strimzi: withUserConfiguration). It
// works on a copy, as the keys it merges are left out of the user section.
func (c *Cluster) writeUserConfig(w *configWriter, n nodepools.Node) error {
	cfg := c.Config
	if cfg == nil {
		cfg, _ = NewConfig(nil, nil)
	}
	props := cfg.props.clone()

	if err := writeConfigProviders(w, props, n); err != nil {
		return err
	}

	var inject []string
	if c.CruiseControl != nil && n.Broker {
		inject = append(inject, CruiseControlReporterClass)
	}
	if c.Metrics.JMXExporter {
		inject = append(inject, jmxReporter)
	}
	if c.Metrics.StrimziReporter != nil {
		inject = append(inject, strimziKafkaReporter)
	}
	writeReporters(w, props, "metric.reporters", inject)
	if c.Metrics.StrimziReporter != nil {
		writeReporters(w, props, "kafka.metrics.reporters", []string{strimziYammerReporter})
	}

	if len(props.keys) > 0 {
		w.Section("User provided configuration")
		props.writeTo(w)
		w.Blank()
		w.Blank()
	}
	return nil
}

// writeConfigProviders prints the providers, the user's aliases first; an
// alias Strimzi uses is refused (Strimzi: printConfigProviders).
func writeConfigProviders(w *configWriter, props *properties, n nodepools.Node) error {
	strimzi := controllerProviders
	if n.Broker {
		strimzi = brokerProviders
	}
	aliases := strings.Join(strimzi, ",")
	if user, ok := props.get("config.providers"); ok {
		if refused := reservedAliases(user, strimzi); len(refused) > 0 {
			return errors.New(refused[0])
		}
		props.remove("config.providers")
		aliases = user + "," + aliases
	}

	w.Section("Config providers")
	w.Comment("Configuration providers configured by the user and by Strimzi")
	w.Raw("config.providers", aliases)
	w.Raw("config.providers.strimzienv.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
	w.Raw("config.providers.strimzienv.param.allowlist.pattern", ".*")
	w.Raw("config.providers.strimzisecrets.class", "io.strimzi.kafka.KubernetesSecretConfigProvider")
	if n.Broker {
		w.Raw("config.providers.strimzifile.class", "org.apache.kafka.common.config.provider.FileConfigProvider")
		w.Raw("config.providers.strimzifile.param.allowed.paths", "/opt/kafka")
		w.Raw("config.providers.strimzidir.class", "org.apache.kafka.common.config.provider.DirectoryConfigProvider")
		w.Raw("config.providers.strimzidir.param.allowed.paths", "/opt/kafka")
	}
	w.Blank()
	return nil
}

// CheckConfigProviders returns Strimzi's message for each alias of a
// config.providers value that a broker's own providers take.
func CheckConfigProviders(providers string) []string {
	return reservedAliases(providers, brokerProviders)
}

// reservedAliases refuses, in order, the user's aliases found in reserved.
func reservedAliases(providers string, reserved []string) []string {
	var out []string
	for _, alias := range javaSplit(providers, ",") {
		if slices.Contains(reserved, alias) {
			out = append(out, fmt.Sprintf("config.provider %s not permitted as it reserved for Strimzi. Not permitted aliases: [%s]",
				alias, strings.Join(reserved, ", ")))
		}
	}
	return out
}

// writeReporters merges the reporters Strimzi needs into a reporter list key.
// A user list that already names them (as a substring, as Strimzi checks) is
// left alone in the user section; otherwise the merged list gets its own
// section (Strimzi: printMetricReporters, printYammerReporters).
func writeReporters(w *configWriter, props *properties, key string, inject []string) {
	if len(inject) == 0 {
		return
	}
	user, ok := props.get(key)
	value, comment := strings.Join(inject, ","), key+" configured by Strimzi"
	if ok {
		var missing []string
		for _, r := range inject {
			if !strings.Contains(user, r) {
				missing = append(missing, r)
			}
		}
		if len(missing) == 0 {
			return
		}
		props.remove(key)
		value, comment = user+","+strings.Join(missing, ","), key+" configured by the user and by Strimzi"
	}
	w.Section(key + " configuration")
	w.Comment(comment)
	w.Raw(key, value)
	w.Blank()
}

// javaSplit is String.split with a literal separator: trailing empty items
// are dropped.
func javaSplit(s, sep string) []string {
	parts := strings.Split(s, sep)
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}
