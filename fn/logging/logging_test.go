package logging

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Expected texts from Strimzi's LoggingUtilsTest.
func TestDefaultConnectLogging(t *testing.T) {
	want := `# Do not change this generated file. Logging can be configured in the corresponding Kubernetes resource.
name=KafkaConnectConfig
appender.console.type=Console
appender.console.name=STDOUT
appender.console.layout.type=PatternLayout
appender.console.layout.pattern=%d{yyyy-MM-dd HH:mm:ss} %-5p [%t] %c{1}:%L - %m%n
rootLogger.level=INFO
rootLogger.appenderRefs=console
rootLogger.appenderRef.console.ref=STDOUT
rootLogger.additivity=false
logger.reflections.name=org.reflections
logger.reflections.level=ERROR
logger.reflections.additivity=false

monitorInterval=30
`
	assert.Equal(t, want, Render(ConnectDefaults, nil, ""))
}

func TestInlineLoggersKeepPositionOrAppend(t *testing.T) {
	got := Inline([]Pair{{"rootLogger.level", "INFO"}, {"a", "b"}},
		map[string]string{"logger.mypackage.name": "io.mydomain.mypackage", "logger.mypackage.level": "WARN", "rootLogger.level": "DEBUG"})
	assert.Equal(t, header+"rootLogger.level=DEBUG\na=b\nlogger.mypackage.level=WARN\nlogger.mypackage.name=io.mydomain.mypackage\n\nmonitorInterval=30\n", got)
}

func TestUserMonitorIntervalWins(t *testing.T) {
	assert.Equal(t, header+"monitorInterval=5\n", Inline(nil, map[string]string{"monitorInterval": "5"}))
	assert.Equal(t, "a=b\nmonitorInterval = 5\n", External("a=b\nmonitorInterval = 5\n"))
	assert.Equal(t, "a=b\n\nmonitorInterval=30\n", External("a=b\n"))
}
