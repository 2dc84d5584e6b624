package names

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Expected names follow Strimzi's KafkaConnectResources, except the
// renderer's own build revisions and shared claim.
func TestConnectNames(t *testing.T) {
	cases := map[string]struct{ got, want string }{
		"componentName":                     {Connect("my-connect"), "my-connect-connect"},
		"pod ordinal":                       {ConnectPod("my-connect", 0), "my-connect-connect-0"},
		"pod ordinal with two digits":       {ConnectPod("my-connect", 12), "my-connect-connect-12"},
		"serviceName":                       {ConnectAPIService("my-connect"), "my-connect-connect-api"},
		"configMapName":                     {ConnectConfig("my-connect"), "my-connect-connect-config"},
		"role binding":                      {ConnectRoleBinding("my-connect"), "my-connect-connect-connect-role"},
		"internalTlsTrustedCertsSecretName": {ConnectTLSTrustedCerts("my-connect"), "my-connect-connect-tls-trusted-certs"},
		"jmxSecretName":                     {ConnectJMXSecret("my-connect"), "my-connect-kafka-connect-jmx"},
		"initContainerClusterRoleBindingName": {ConnectInitClusterRoleBinding("my-namespace", "my-connect"),
			"strimzi-my-namespace-my-connect-connect-init"},
		"shared storage claim":       {ConnectSharedStorageClaim("my-connect"), "data-my-connect-connect"},
		"dockerFileConfigMapName":    {ConnectDockerfile("my-connect"), "my-connect-connect-dockerfile"},
		"buildPodName":               {ConnectBuild("my-connect"), "my-connect-connect-build"},
		"build of one revision":      {ConnectBuildRevision("my-connect", "9e1cec06"), "my-connect-connect-build-9e1cec06"},
		"Dockerfile of one revision": {ConnectDockerfileRevision("my-connect", "9e1cec06"), "my-connect-connect-dockerfile-9e1cec06"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, c.want, c.got) })
	}
}
