package logging

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// kafkaDefault is written by hand from Strimzi's KafkaCluster.properties:
// the file's pairs under the generated comment, then monitorInterval.
func kafkaDefault(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join("testdata", "kafka.log4j2.properties"))
	require.NoError(t, err)
	return string(b)
}

// kafkaLoggingText starts Strimzi's default file as shipped, spaced and
// with blank lines; parsing it must give our pairs.
const kafkaLoggingText = `name = KafkaConfig

appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yyyy-MM-dd HH:mm:ss} %-5p [%t] %c{1}:%L - %m%n

rootLogger.level = INFO
rootLogger.appenderRefs = console
rootLogger.appenderRef.console.ref = STDOUT
rootLogger.additivity = false

logger.kafka.name = kafka
logger.kafka.level = INFO
logger.kafka.appenderRefs = console
logger.kafka.appenderRef.console.ref = STDOUT
logger.kafka.additivity = false
`

func TestKafkaDefaultPairs(t *testing.T) {
	keys, values := properties.Parse(kafkaLoggingText)
	require.Len(t, keys, 14)
	for i, k := range keys {
		assert.Equal(t, KafkaDefaults[i].Key, k)
		assert.Equal(t, KafkaDefaults[i].Value, values[k], k)
	}
}

func TestKafkaLogging(t *testing.T) {
	def := kafkaDefault(t)
	cases := map[string]struct {
		logging  *strimzi.Logging
		external string
		want     string
	}{
		"default":                {want: def},
		"inline without loggers": {logging: &strimzi.Logging{Type: "inline"}, want: def},
		"inline": {
			logging: &strimzi.Logging{Type: "inline", Loggers: map[string]string{
				"rootLogger.level":        "WARN",
				"logger.kafka.level":      "DEBUG",
				"logger.oauth.name":       "io.strimzi.kafka.oauth",
				"logger.oauth.level":      "TRACE",
				"logger.authorizer.level": "TRACE",
			}},
			want: strings.NewReplacer(
				"rootLogger.level=INFO", "rootLogger.level=WARN",
				"logger.kafka.level=INFO", "logger.kafka.level=DEBUG",
				"logger.authorizer.level=INFO", "logger.authorizer.level=TRACE",
				"logger.authorizer.additivity=false\n", "logger.authorizer.additivity=false\nlogger.oauth.level=TRACE\nlogger.oauth.name=io.strimzi.kafka.oauth\n",
			).Replace(def),
		},
		"inline monitorInterval kept": {
			logging: &strimzi.Logging{Type: "inline", Loggers: map[string]string{"monitorInterval": "60"}},
			want: strings.Replace(def, "logger.authorizer.additivity=false\n\nmonitorInterval=30\n",
				"logger.authorizer.additivity=false\nmonitorInterval=60\n", 1),
		},
		"external": {
			logging: &strimzi.Logging{Type: "external"}, external: "rootLogger.level = INFO\n",
			want: "rootLogger.level = INFO\n\nmonitorInterval=30\n",
		},
		"external without a final newline": {
			logging: &strimzi.Logging{Type: "external"}, external: "rootLogger.level=INFO",
			want: "rootLogger.level=INFO\nmonitorInterval=30\n",
		},
		"external with monitorInterval after a colon": {
			logging: &strimzi.Logging{Type: "external"}, external: "monitorInterval : 5\nrootLogger.level=INFO",
			want: "monitorInterval : 5\nrootLogger.level=INFO",
		},
		"external mentioning monitorInterval only in a comment": {
			logging: &strimzi.Logging{Type: "external"}, external: "# monitorInterval=5\n",
			want: "# monitorInterval=5\n\nmonitorInterval=30\n",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, Render(KafkaDefaults, tc.logging, tc.external))
		})
	}
}
