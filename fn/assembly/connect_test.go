package assembly

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

func TestBootstrapKafkas(t *testing.T) {
	cases := map[string][]KafkaRef{
		"my-cluster-kafka-bootstrap:9093":                                 {{"kafka", "my-cluster"}},
		"my-cluster-kafka-bootstrap.other.svc:9093, a-kafka-bootstrap:92": {{"other", "my-cluster"}, {"kafka", "a"}},
		"my-cluster-kafka-bootstrap.other.svc.cluster.local:9093":         {{"other", "my-cluster"}},
		"broker.example.com:9092,-kafka-bootstrap:9092":                   nil,
	}
	for servers, want := range cases {
		assert.Equal(t, want, bootstrapKafkas(servers, "kafka"), servers)
	}
}

const buildConnect = `apiVersion: kafka.strimzi.io/v1
kind: KafkaConnect
metadata: {name: my-connect, namespace: my-namespace}
spec:
  replicas: 1
  bootstrapServers: my-cluster-kafka-bootstrap.kafka.svc:9093
  groupId: connect-cluster
  configStorageTopic: connect-cluster-configs
  offsetStorageTopic: connect-cluster-offsets
  statusStorageTopic: connect-cluster-status
  build:
    output: {type: docker, image: registry.example.com/connect}
    plugins:
    - name: file
      artifacts: [{type: maven, group: org.apache.kafka, artifact: connect-file, version: 4.3.1}]
`

func TestConnectRestrictedWarningIsAboutTheJob(t *testing.T) {
	r := Connect(yaml.MustParse(buildConnect), renderConfig(t, ""), noInputs)
	require.False(t, r.Failed, "%v", r.Problems)
	assert.Equal(t, []KafkaRef{{Namespace: "kafka", Name: "my-cluster"}}, r.Kafkas)
	var warnings []results.Problem
	for _, p := range r.Problems {
		if p.Resource != (results.Resource{}) {
			warnings = append(warnings, p)
		}
	}
	require.Len(t, warnings, 1)
	job := warnings[0].Resource
	assert.Equal(t, results.Warning, warnings[0].Severity)
	assert.Equal(t, "batch/v1", job.APIVersion)
	assert.Equal(t, "my-namespace", job.Namespace)
	assert.Contains(t, kinds(r), "Job/"+job.Name, "the warning names a rendered Job")
}

func TestConnectKeepsAResourceThatRendersAgainTheSame(t *testing.T) {
	cfg := renderConfig(t, "keepCustomResources: true")
	first := Connect(yaml.MustParse(buildConnect), cfg, noInputs)
	require.False(t, first.Failed, "%v", first.Problems)
	require.Len(t, first.Replacement, 1)
	kept := first.Replacement[0]
	assert.Nil(t, kept.Field("spec").Value.Field("build"), "the operator must not build again")
	assert.Contains(t, kept.GetAnnotations(), AnnoKeptBuild)

	again := Connect(kept, cfg, noInputs)
	require.False(t, again.Failed, "%v", again.Problems)
	assert.Equal(t, kinds(first), kinds(again))
	assert.Equal(t, kept.MustString(), again.Replacement[0].MustString())
}

func TestConnectDecodeProblemIsAboutTheResource(t *testing.T) {
	r := Connect(yaml.MustParse("apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata: {name: c}\nspec: {replicas: many}\n"), renderConfig(t, ""), noInputs)
	assert.True(t, r.Failed)
	require.NotEmpty(t, r.Problems)
	assert.Equal(t, results.Resource{}, r.Problems[0].Resource)
	assert.Empty(t, r.Objects)
}

const trustingConnect = `apiVersion: kafka.strimzi.io/v1
kind: KafkaConnect
metadata: {name: my-connect, namespace: kafka}
spec:
  replicas: 1
  bootstrapServers: my-cluster-kafka-bootstrap:9093
  groupId: g
  configStorageTopic: c
  offsetStorageTopic: o
  statusStorageTopic: s
  tls: {trustedCertificates: [{secretName: my-ca, pattern: "*.crt"}]}
`

// The function config's cert-manager cluster CA puts Connect in DirectTrust
// (a pattern is then an error); kept resources leave it to the operator.
func TestConnectDirectTrustFollowsTheClusterCADefault(t *testing.T) {
	const cm = "certificates: {clusterCa: {type: cert-manager.io, certManager: {issuerRef: {name: ca, kind: Issuer}, caCert: {secretName: my-ca, certificate: ca.crt}}}}"
	direct := Connect(yaml.MustParse(trustingConnect), renderConfig(t, cm), noInputs)
	require.True(t, direct.Failed)
	assert.Equal(t, "spec.tls.trustedCertificates[0].pattern", direct.Problems[0].Path)

	kept := Connect(yaml.MustParse(trustingConnect), renderConfig(t, cm+", keepCustomResources: true"), noInputs)
	require.False(t, kept.Failed, "%v", kept.Problems)

	operator := Connect(yaml.MustParse(trustingConnect), renderConfig(t, ""), noInputs)
	require.False(t, operator.Failed, "%v", operator.Problems)
}
