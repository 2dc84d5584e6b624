package crdschema

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

func checkOnly(t *testing.T, version, kind, spec string) []results.Problem {
	t.Helper()
	return Check(parse(t, resourceText(version, kind, spec)))
}

func TestCheckLeavesOutWhatTheRendererReports(t *testing.T) {
	tests := []struct {
		name, kind, spec string
		want             []results.Problem
	}{{
		name: "Strimzi's rack message",
		kind: "KafkaConnect",
		spec: connectSpec + "\n  rack: {}",
	}, {
		name: "group.id in config passes the renderer, not the API server",
		kind: "KafkaConnect",
		spec: strings.Replace(connectSpec, "groupId: my-connect", "config: {group.id: my-connect}", 1),
		want: []results.Problem{problem("spec.groupId", "Required value")},
	}, {
		name: "both trusted certificate alternatives pass the renderer",
		kind: "KafkaConnect",
		spec: connectSpec + "\n  tls: {trustedCertificates: [{secretName: s}, {secretName: s, certificate: a, pattern: '*'}]}",
		want: []results.Problem{problem("spec.tls.trustedCertificates[1]",
			`Invalid value: "": "spec.tls.trustedCertificates[1]" must validate one and only one schema (oneOf). Found 2 valid alternatives`)},
	}, {
		name: "a quantity the CRD's pattern refuses",
		kind: "KafkaNodePool",
		spec: poolSpec + "\n  template: {pod: {tmpDirSizeLimit: lots, volumes: [{name: a, emptyDir: {sizeLimit: +1Gi}}]}}",
		want: []results.Problem{problem("spec.template.pod.volumes[0].emptyDir.sizeLimit",
			`Invalid value: "+1Gi": spec.template.pod.volumes[0].emptyDir.sizeLimit in body should match '`+sizePattern+`'`)},
	}, {
		name: "Maven fields of a jar artifact",
		kind: "KafkaConnect",
		spec: connectSpec + "\n  build: {output: {type: docker, image: x}, plugins: [{name: p, artifacts: [{type: jar, url: 'https://x/a.jar', includeScope: all}, {type: maven, url: 'file:/a', includeScope: all}]}]}",
		want: []results.Problem{
			problem("spec.build.plugins[0].artifacts[0].includeScope", `Unsupported value: "all": supported values: "compile", "provided", "runtime", "test", "system"`),
			problem("spec.build.plugins[0].artifacts[1].url", `Invalid value: "file:/a": spec.build.plugins[0].artifacts[1].url in body should match '^(https?|ftp)://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$'`),
		},
	}, {
		name: "the authorization type the renderer turned into simple",
		kind: "Kafka",
		spec: kafkaSpec + "\n    authorization: {type: simple}\n    rack: {topologyKey: ''}\n  zookeeper: {}",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, checkOnly(t, "v1", tt.kind, tt.spec))
		})
	}
}

// TestOverlapsNameSchemaPaths keeps the table in step with the schema.
func TestOverlapsNameSchemaPaths(t *testing.T) {
	for kind, os := range overlapsByKind {
		for _, o := range os {
			s := kinds[kind].root
			segs := splitPath(strings.TrimSuffix(o.path, ".*"))
			for i, seg := range segs {
				switch {
				case seg == "[]":
					s = s.Items
				case o.class == ruleUnknown && i == len(segs)-1:
					r := s.removed[seg]
					s = nil
					if r != nil {
						s = r.v1beta2
					}
				default:
					s = s.Properties[seg]
				}
				if s == nil {
					break
				}
			}
			assert.NotNil(t, s, "%s %s", kind, o.path)
		}
	}
}
