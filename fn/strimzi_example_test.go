package fn

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// TestStrimziConnectBuildExample renders Strimzi's own Connect Build example
// (a Maven plugin, docker output to ttl.sh) in a namespace, as kustomize's
// namespace field would place it.
func TestStrimziConnectBuildExample(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(requireStrimziFiles(t, "examples"), "connect", "kafka-connect-build.yaml"))
	require.NoError(t, err)
	cr, err := yaml.Parse(string(raw))
	require.NoError(t, err)
	require.NoError(t, cr.SetNamespace("kafka"))
	in := "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- " +
		strings.ReplaceAll(strings.TrimSpace(cr.MustString()), "\n", "\n  ") + "\n"

	out, runErr := execute(t, []byte(in))
	require.NoError(t, runErr, string(out))
	rl, err := yaml.Parse(string(out))
	require.NoError(t, err)
	nodes, err := rl.Pipe(yaml.Lookup("items"))
	require.NoError(t, err)
	byKind := map[string]*yaml.RNode{} // the last of each kind
	items, err := nodes.Elements()
	require.NoError(t, err)
	for _, n := range items {
		byKind[n.GetKind()] = n
	}

	job := byKind["Job"]
	require.NotNil(t, job, "a build Job")
	name := job.GetName()
	require.Regexp(t, regexp.MustCompile(`^my-connect-cluster-connect-build-[0-9a-f]{16}$`), name)
	rev := job.GetAnnotations()["strimzi.io/connect-build-revision"]
	require.Len(t, rev, 16)
	assert.True(t, strings.HasPrefix(name, "my-connect-cluster-connect-build-"+rev[:8]), "the Job name starts with the Dockerfile's hash")

	dockerfile := ""
	for _, n := range items {
		if n.GetKind() == "ConfigMap" && n.GetName() == "my-connect-cluster-connect-dockerfile-"+rev {
			dockerfile = n.GetDataMap()["Dockerfile"]
		}
	}
	assert.Contains(t, dockerfile, "FROM quay.io/strimzi/maven-builder:1.2.0 AS downloadArtifacts\n")
	assert.Contains(t, dockerfile, "FROM quay.io/strimzi/kafka:1.2.0-kafka-4.3.1\n")
	assert.Contains(t, dockerfile, "https://repo1.maven.org/maven2/org/apache/kafka/connect-file/4.3.1/connect-file-4.3.1.jar")

	image := "ttl.sh/strimzi-connect-example-4.3.0:" + rev
	args, err := job.Pipe(yaml.Lookup("spec", "template", "spec", "containers", "[name=my-connect-cluster-connect-build]", "args"))
	require.NoError(t, err)
	assert.Contains(t, args.MustString(), "--tag='"+image+"'")

	// The default workload form: the workers' StatefulSet.
	workers := byKind["StatefulSet"]
	require.NotNil(t, workers)
	assert.Equal(t, rev, workers.GetAnnotations()["strimzi.io/connect-build-revision"])
	assert.Equal(t, "batch/namespaces/kafka/Job/"+name, workers.GetAnnotations()["config.kubernetes.io/depends-on"])
	img, err := workers.Pipe(yaml.Lookup("spec", "template", "spec", "containers", "[name=my-connect-cluster-connect]", "image"))
	require.NoError(t, err)
	assert.Equal(t, image, yaml.GetValue(img))
}
