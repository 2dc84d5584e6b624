package kafka

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// defaultLog4j2 is written by hand from Strimzi's KafkaCluster.properties:
// the file's pairs under the generated comment, then monitorInterval.
func defaultLog4j2(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join("testdata", "default.log4j2.properties"))
	require.NoError(t, err)
	return string(b)
}

// defaultKafkaLoggingText is the default file as Strimzi ships it, spaced
// and with blank lines; parsing it must give our pairs.
const defaultKafkaLoggingText = `name = KafkaConfig

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

logger.requestchannel.name = kafka.network.RequestChannel$
`

func TestDefaultLoggingPairs(t *testing.T) {
	p := parseProperties(defaultKafkaLoggingText)
	for i, k := range p.keys {
		assert.Equal(t, defaultKafkaLogging[i][0], k)
		assert.Equal(t, defaultKafkaLogging[i][1], p.values[k], k)
		if i == 13 {
			break // the text stops after logger.kafka
		}
	}
	v, _ := p.get("logger.requestchannel.name")
	assert.Equal(t, "kafka.network.RequestChannel$", v)
}

func TestLog4j2Properties(t *testing.T) {
	def := defaultLog4j2(t)
	cases := map[string]struct {
		logging Logging
		want    string
	}{
		"default":                {want: def},
		"inline without loggers": {logging: Logging{Type: LoggingInline}, want: def},
		"inline": {
			logging: Logging{Type: LoggingInline, Loggers: map[string]string{
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
			logging: Logging{Type: LoggingInline, Loggers: map[string]string{"monitorInterval": "60"}},
			want: strings.Replace(def, "logger.authorizer.additivity=false\n\nmonitorInterval=30\n",
				"logger.authorizer.additivity=false\nmonitorInterval=60\n", 1),
		},
		"external": {
			logging: Logging{Type: LoggingExternal, External: "rootLogger.level = INFO\n"},
			want:    "rootLogger.level = INFO\n\nmonitorInterval=30\n",
		},
		"external without a final newline": {
			logging: Logging{Type: LoggingExternal, External: "rootLogger.level=INFO"},
			want:    "rootLogger.level=INFO\nmonitorInterval=30\n",
		},
		"external with monitorInterval": {
			logging: Logging{Type: LoggingExternal, External: "monitorInterval : 5\nrootLogger.level=INFO"},
			want:    "monitorInterval : 5\nrootLogger.level=INFO",
		},
		"external mentioning monitorInterval only in a comment": {
			logging: Logging{Type: LoggingExternal, External: "# monitorInterval=5\n"},
			want:    "# monitorInterval=5\n\nmonitorInterval=30\n",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.logging.Log4j2Properties())
		})
	}
}
