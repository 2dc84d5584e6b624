package config

import (
	"os"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStretchDocReference keeps the reference in docs/stretch.md in step
// with the schema, as TestReadmeReference does for the README.
func TestStretchDocReference(t *testing.T) {
	ref, err := ReferenceOf("output", "stretch")
	require.NoError(t, err)
	doc, err := os.ReadFile("../" + StretchDoc)
	require.NoError(t, err)
	s := string(doc)
	i, j := strings.Index(s, refStart), strings.Index(s, refEnd)
	require.True(t, i >= 0 && j > i, "%s needs the reference markers", StretchDoc)
	want := s[:i+len(refStart)] + ref + s[j:]
	if *update {
		require.NoError(t, os.WriteFile("../"+StretchDoc, []byte(want), 0o644))
		s = want
	}
	if want != s {
		diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: difflib.SplitLines(s), B: difflib.SplitLines(want), FromFile: StretchDoc, ToFile: "schema", Context: 1,
		})
		t.Errorf("the reference in %s is stale (go test ./config -update rewrites it):\n%s", StretchDoc, diff)
	}
}

const stretchHead = "apiVersion: fn.strimzi-render.dev/v1alpha1\nkind: StrimziRender\nmetadata: {name: x}\nspec:\n"

func TestStretchDefaults(t *testing.T) {
	c, errs := load(t, stretchHead+`  stretch:
  - kafka: kafka/my-cluster
    centralAlias: central
    clusters: [{alias: central}, {alias: east}]
    network: {provider: mcs}
    applicationSet: {repoURL: https://git.example.com/kafka.git}
  - kafka: other
    centralAlias: a
    clusters: [{alias: a, nodePort: {address: 10.0.0.1}}]
    network: {provider: nodeport, nodePort: {portBase: 31000}}
`)
	require.Empty(t, errs)
	assert.Equal(t, DefaultPathPrefix, c.Spec.Output.PathPrefix)
	s := c.Spec.Stretch[0]
	assert.Equal(t, QuorumStatic, s.Quorum)
	assert.Equal(t, "clusterset.local", s.Network.MCS.ClustersetDomain)
	assert.Equal(t, "clusters/{{.alias}}", s.ApplicationSet.Path)
	assert.Equal(t, "argocd", s.ApplicationSet.Namespace)
	assert.True(t, s.Names("kafka", "my-cluster"))
	assert.False(t, s.Names("other", "my-cluster"))
	assert.True(t, c.Spec.Stretch[1].Names("any", "other"))
	np := c.Spec.Stretch[1].Network.NodePort
	assert.Equal(t, []int{10, 30000, 32767}, []int{np.Stride, np.RangeMin, np.RangeMax})
}

func TestStretchErrors(t *testing.T) {
	cases := map[string]struct {
		spec string
		want []string
	}{
		"alias with a dot": {
			"  stretch: [{kafka: k, centralAlias: central, clusters: [{alias: central}, {alias: us.east}], network: {provider: mcs}}]\n",
			[]string{`spec.stretch[0].clusters[1].alias: "us.east" is not a DNS label without dots`},
		},
		"central not listed": {
			"  stretch: [{kafka: k, centralAlias: hub, clusters: [{alias: a}, {alias: a}], network: {provider: mcs}}]\n",
			[]string{`spec.stretch[0].clusters[1].alias: "a" is listed twice`, `spec.stretch[0].centralAlias: "hub" is not the alias of one of spec.stretch[0].clusters`},
		},
		"kafka twice": {
			"  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a}], network: {provider: mcs}}, {kafka: k, centralAlias: a, clusters: [{alias: a}], network: {provider: mcs}}]\n",
			[]string{`spec.stretch[1].kafka: "k" is also spec.stretch[0].kafka`},
		},
		"bad kafka": {
			"  stretch: [{kafka: a/b/c, centralAlias: a, clusters: [{alias: a}], network: {provider: mcs}}]\n",
			[]string{`spec.stretch[0].kafka: "a/b/c" must be <namespace>/<name> or <name> of a Kafka`},
		},
		"other provider's block": {
			"  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a, nodePort: {address: 1.2.3.4}}], network: {provider: mcs, dnsTemplate: {host: '{pod}'}}}]\n",
			[]string{`spec.stretch[0].clusters[0].nodePort: set, but the provider is "mcs"`, `spec.stretch[0].network.dnsTemplate: set, but the provider is "mcs"`},
		},
		"nodeport unpinned": {
			"  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a}, {alias: b, nodePort: {address: 'not an address'}}], network: {provider: nodeport}}]\n",
			[]string{"spec.stretch[0].clusters[0].nodePort.address: give the address", `spec.stretch[0].clusters[1].nodePort.address: "not an address" is neither an IP address nor a DNS name`, "spec.stretch[0].network.nodePort.portBase: pin the node ports"},
		},
		"nodeport base outside range": {
			"  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a, nodePort: {address: 10.0.0.1}}], network: {provider: nodeport, nodePort: {portBase: 80}}}]\n",
			[]string{"spec.stretch[0].network.nodePort.portBase: 80 is outside the node port range 30000-32767"},
		},
		"load balancer keys": {
			"  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a, loadBalancer: {addresses: {x: 10.0.0.1, '01': 10.0.0.2}}}], network: {provider: loadbalancer}}]\n",
			[]string{`spec.stretch[0].clusters[0].loadBalancer.addresses: key "01" is not a node ID`, `spec.stretch[0].clusters[0].loadBalancer.addresses: key "x" is not a node ID`},
		},
		"dns template": {
			"  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a}], network: {provider: dnsTemplate, dnsTemplate: {host: '{alias}.{zone}.example.com'}}}]\n",
			[]string{"spec.stretch[0].network.dnsTemplate.host: unknown placeholder {zone}", `spec.stretch[0].network.dnsTemplate.host: "{alias}.{zone}.example.com" needs {pod} or {nodeId}`},
		},
		"application set without repository": {
			"  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a}], network: {provider: mcs}, applicationSet: {}}]\n",
			[]string{"spec.stretch[0].applicationSet.repoURL: name the Git repository"},
		},
		"unknown target": {
			"  output: {targetCluster: west, pathPrefix: ../out}\n  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a}], network: {provider: mcs}}]\n",
			[]string{`spec.output.targetCluster: "west" is not the alias of a cluster in spec.stretch`, `spec.output.pathPrefix: "../out" must be a clean relative path`},
		},
		"claims path outside the output": {
			"  output: {claimsPath: ../claims}\n  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a}], network: {provider: mcs}}]\n",
			[]string{`spec.output.claimsPath: "../claims" must be a clean relative path below the directory of the rendered objects`},
		},
		"missing provider": {
			"  stretch: [{kafka: k, centralAlias: a, clusters: [{alias: a}], network: {}}]\n",
			[]string{"spec.stretch[0].network.provider is required"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, errs := load(t, stretchHead+c.spec)
			require.Len(t, errs, len(c.want), "%v", errs)
			for i := range c.want {
				assert.Contains(t, errs[i], c.want[i])
			}
		})
	}
}
