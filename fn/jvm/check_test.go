package jvm

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

func TestCheckAcceptsWhatStrimziAccepts(t *testing.T) {
	assert.Empty(t, Check(&strimzi.JvmOptions{
		Xms: "512m", Xmx: "2G",
		XX:                   map[string]string{"UseG1GC": "true", "MaxGCPauseMillis": "20", "CompileCommand": "exclude,*.foo"},
		JavaSystemProperties: []strimzi.SystemProperty{{Name: "javax.net.debug", Value: "ssl:handshake"}, {Name: "empty", Value: ""}},
	}, "spec.jvmOptions"))
	assert.Empty(t, Check(nil, "spec.jvmOptions"))
}

func TestCheckRefusesOptionsTheScriptWouldSplit(t *testing.T) {
	ps := Check(&strimzi.JvmOptions{
		Xmx:                  "1g -javaagent:/tmp/evil.jar",
		XX:                   map[string]string{"A B": "1", "C": "1\n-javaagent:/tmp/evil.jar"},
		JavaSystemProperties: []strimzi.SystemProperty{{Name: "a=b", Value: "x"}, {Name: "", Value: "x y"}},
	}, "spec.jvmOptions")
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{
		"spec.jvmOptions.-Xmx", "spec.jvmOptions.-XX.A B", "spec.jvmOptions.-XX.C",
		"spec.jvmOptions.javaSystemProperties[0].name",
		"spec.jvmOptions.javaSystemProperties[1].name", "spec.jvmOptions.javaSystemProperties[1].value",
	}, paths)
	assert.Equal(t, results.Problem{Path: "spec.jvmOptions.-Xmx", Message: `"1g -javaagent:/tmp/evil.jar" must match ^[0-9]+[mMgG]?$, as in Strimzi's CRD`}, ps[0])
}
