package crdschema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Minimal valid specs, which the cases change.
const (
	connectSpec = `
  replicas: 1
  bootstrapServers: my-cluster-kafka-bootstrap:9092
  groupId: my-connect
  configStorageTopic: my-connect-configs
  statusStorageTopic: my-connect-status
  offsetStorageTopic: my-connect-offsets`
	kafkaSpec = `
  kafka:
    listeners:
    - {name: plain, port: 9092, type: internal, tls: false}`
	poolSpec = `
  replicas: 3
  roles: [broker]
  storage: {type: ephemeral}`
)

func parse(t *testing.T, text string) *yaml.RNode {
	t.Helper()
	node, err := parseText(text)
	require.NoError(t, err)
	return node
}

func parseText(text string) (*yaml.RNode, error) { return yaml.Parse(text) }

// resourceText is a resource of kind in kafka.strimzi.io/version, with
// metadata unless spec is followed by metadata of its own.
func resourceText(version, kind, spec string) string {
	metadata := "metadata:\n  name: my\n  namespace: kafka\n"
	if strings.Contains(spec, "\nmetadata:") {
		metadata = ""
	}
	return fmt.Sprintf("apiVersion: kafka.strimzi.io/%s\nkind: %s\n%sspec:%s\n", version, kind, metadata, spec)
}

func checkAll(t *testing.T, version, kind, spec string) []results.Problem {
	t.Helper()
	return CheckAll(parse(t, resourceText(version, kind, spec)))
}

func problem(path, message string) results.Problem {
	return results.Problem{Path: path, Message: message}
}

// checkCase is a resource of kind with spec, and the problems CheckAll finds.
type checkCase struct {
	name, kind, spec string
	want             []results.Problem
}

func runCases(t *testing.T, version string, cases []checkCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, checkAll(t, version, tt.kind, tt.spec))
		})
	}
}

func TestValidResourcesHaveNoProblems(t *testing.T) {
	for kind, spec := range map[string]string{"Kafka": kafkaSpec, "KafkaNodePool": poolSpec, "KafkaConnect": connectSpec} {
		for _, version := range []string{"v1", "v1beta2"} {
			assert.Empty(t, checkAll(t, version, kind, spec), "%s %s", kind, version)
		}
	}
}

func TestUnknownFields(t *testing.T) {
	runCases(t, "v1", unknownFieldCases)
}

func TestTypes(t *testing.T) {
	runCases(t, "v1", typeCases)
}

func TestValues(t *testing.T) {
	runCases(t, "v1", valueCases)
}

func TestOneOf(t *testing.T) {
	runCases(t, "v1", oneOfCases)
	t.Run("volumes name their sources and require none", func(t *testing.T) {
		assert.Empty(t, checkAll(t, "v1", "KafkaConnect", connectSpec+"\n  template: {pod: {volumes: [{name: a}]}}"))
	})
}

func TestRules(t *testing.T) {
	runCases(t, "v1", ruleCases)
}

func TestScaleSubresource(t *testing.T) {
	runCases(t, "v1", scaleCases)
}

func TestV1beta2(t *testing.T) {
	runCases(t, "v1beta2", v1beta2Cases)
	t.Run("in v1 they are unknown, with what replaces them", func(t *testing.T) {
		assert.Equal(t, []results.Problem{
			problem("spec.kafka.replicas", `unknown field "spec.kafka.replicas": removed in kafka.strimzi.io/v1: set spec.replicas of each KafkaNodePool`),
		}, checkAll(t, "v1", "Kafka", kafkaSpec+"\n    replicas: 3"))
		assert.Equal(t, []results.Problem{
			problem("spec.build.output.additionalKanikoOptions", `unknown field "spec.build.output.additionalKanikoOptions": removed in kafka.strimzi.io/v1: use additionalBuildOptions`),
		}, checkAll(t, "v1", "KafkaConnect", connectSpec+"\n  build: {output: {type: docker, image: x, additionalKanikoOptions: [--a]}, plugins: []}"))
	})
}

func TestExtension(t *testing.T) {
	spec := connectSpec + "\n  storage: {type: persistent-claim, size: 1Gi, accesMode: ReadWriteMany}"
	assert.Equal(t, []results.Problem{
		problem("spec.storage.accesMode", `unknown field "spec.storage.accesMode": did you mean "accessMode"?`),
	}, checkAll(t, "v1", "KafkaConnect", spec))
}

func TestYAMLAliasesAndMergeKeys(t *testing.T) {
	spec := connectSpec + `
  livenessProbe: &probe {timeoutSeconds: 0}
  readinessProbe:
    <<: *probe
    periodSeconds: 0
  template:
    pod: {metadata: {labels: &labels {a: b}, annotations: *labels}}`
	assert.Equal(t, []results.Problem{
		problem("spec.livenessProbe.timeoutSeconds", "Invalid value: 0: spec.livenessProbe.timeoutSeconds in body should be greater than or equal to 1"),
		problem("spec.readinessProbe.periodSeconds", "Invalid value: 0: spec.readinessProbe.periodSeconds in body should be greater than or equal to 1"),
		problem("spec.readinessProbe.timeoutSeconds", "Invalid value: 0: spec.readinessProbe.timeoutSeconds in body should be greater than or equal to 1"),
	}, checkAll(t, "v1", "KafkaConnect", spec))
}

// TestAliasBombStaysLinear: a walk of every alias would take 9^12 steps
// here and never end; anchors are walked once per schema.
func TestAliasBombStaysLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString(connectSpec + "\n  template: {pod: {tolerations: &l0 [{key: a}, {key: a}, {key: a}, {key: a}, {key: a}, {key: a}, {key: a}, {key: a}, {key: a}]}}")
	b.WriteString("\n  metricsConfig: {type: strimziMetricsReporter, values: {allowList: &s0 [x, x, x, x, x, x, x, x, x]}}")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "\n  x%d: &s%d [*s%d, *s%d, *s%d, *s%d, *s%d, *s%d, *s%d, *s%d, *s%d]", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	b.WriteString("\n  livenessProbe: {timeoutSeconds: 0}\n  readinessProbe: {<<: [*s12]}")
	ps := CheckAll(parse(t, resourceText("v1", "KafkaConnect", b.String())))
	require.Len(t, ps, 13, "one unknown field per level, and the probe")
	assert.Equal(t, problem("spec.livenessProbe.timeoutSeconds",
		"Invalid value: 0: spec.livenessProbe.timeoutSeconds in body should be greater than or equal to 1"), ps[12])
}

func TestMergeCycles(t *testing.T) {
	spec := connectSpec + "\n  livenessProbe: &a {<<: *a, timeoutSeconds: 0}\n  readinessProbe: &b {<<: [*b, *a]}"
	assert.Equal(t, []results.Problem{
		problem("spec.livenessProbe.timeoutSeconds", "Invalid value: 0: spec.livenessProbe.timeoutSeconds in body should be greater than or equal to 1"),
		problem("spec.readinessProbe.timeoutSeconds", "Invalid value: 0: spec.readinessProbe.timeoutSeconds in body should be greater than or equal to 1"),
	}, checkAll(t, "v1", "KafkaConnect", spec))
}

func TestOtherResources(t *testing.T) {
	for _, text := range []string{
		"apiVersion: kafka.strimzi.io/v1alpha1\nkind: KafkaConnect\nspec: {replica: 1}",
		"apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nspec: {replica: 1}",
		"apiVersion: example.com/v1\nkind: Kafka\nspec: {replica: 1}",
		"apiVersion: v1\nkind: ConfigMap\ndata: {a: b}",
	} {
		assert.Empty(t, CheckAll(parse(t, text)), text)
	}
	assert.Empty(t, CheckAll(nil))
}

// FuzzCheck: any YAML resource is checked without a panic, every problem
// has a field path and a message, and Check keeps a subset of CheckAll.
func FuzzCheck(f *testing.F) {
	for kind, spec := range map[string]string{"Kafka": kafkaSpec, "KafkaNodePool": poolSpec, "KafkaConnect": connectSpec} {
		f.Add(resourceText("v1", kind, spec))
		f.Add(resourceText("v1beta2", kind, spec+"\n  x: &a {b: *a}"))
	}
	f.Fuzz(func(t *testing.T, text string) {
		node, err := parseText(text)
		if err != nil || node == nil {
			return
		}
		all := CheckAll(node)
		for _, p := range all {
			assert.NotEmpty(t, p.Path, p.Message)
			assert.NotEmpty(t, p.Message, p.Path)
		}
		for _, p := range Check(node) {
			assert.Contains(t, all, p)
		}
		assert.Equal(t, all, CheckAll(node), "deterministic")
	})
}

var unknownFieldCases = []checkCase{{
	name: "misspelt, with the field it meant",
	kind: "KafkaConnect",
	spec: strings.Replace(connectSpec, "replicas: 1", "replica: 2", 1),
	want: []results.Problem{
		problem("spec.replica", `unknown field "spec.replica": did you mean "replicas"?`),
		problem("spec.replicas", "Required value"),
	},
}, {
	name: "in other case",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  tls: {TrustedCertificates: []}",
	want: []results.Problem{
		problem("spec.tls.TrustedCertificates", `unknown field "spec.tls.TrustedCertificates": did you mean "trustedCertificates"?`),
	},
}, {
	name: "nothing near",
	kind: "Kafka",
	spec: kafkaSpec + "\n  mirrorMaker: {}",
	want: []results.Problem{problem("spec.mirrorMaker", `unknown field "spec.mirrorMaker"`)},
}, {
	name: "in a list item and a Kubernetes type",
	kind: "KafkaNodePool",
	spec: poolSpec + "\n  template: {pod: {tolerations: [{key: a, efect: NoSchedule}]}}",
	want: []results.Problem{problem("spec.template.pod.tolerations[0].efect",
		`unknown field "spec.template.pod.tolerations[0].efect": did you mean "effect"?`)},
}, {
	name: "under a value of the wrong type, as pruning finds them",
	kind: "KafkaNodePool",
	spec: poolSpec + "\n  template: [{pod: {}}]",
	want: []results.Problem{
		problem("spec.template", `Invalid value: "array": spec.template in body must be of type object: "array"`),
		problem("spec.template[0].pod", `unknown field "spec.template[0].pod"`),
	},
}, {
	name: "in status, whose values are not checked, and in metadata, decoded in key order until a value does not fit",
	kind: "KafkaNodePool",
	spec: poolSpec + "\nstatus: {nodeIds: [a], nodeID: [1]}\nmetadata: {name: my, labels: {a: 1}, annotations: {a: {b: c}}, label: {}}",
	want: []results.Problem{
		problem("status.nodeID", `unknown field "status.nodeID": did you mean "nodeIds"?`),
		problem("metadata.label", `unknown field "metadata.label": did you mean "labels"?`),
		problem("metadata.annotations.a", "json: cannot unmarshal object into Go struct field ObjectMeta.annotations of type string"),
	},
}, {
	name: "in metadata's own structs",
	kind: "KafkaNodePool",
	spec: poolSpec + "\nmetadata: {name: my, ownerReferences: [{kind: Kafka, uid: 5, foo: x}]}",
	want: []results.Problem{
		problem("metadata.ownerReferences[0].foo", `unknown field "metadata.ownerReferences[0].foo"`),
		problem("metadata.ownerReferences[0].uid", "json: cannot unmarshal number into Go struct field OwnerReference.ownerReferences.uid of type types.UID"),
	},
}, {
	name: "none in open subtrees",
	kind: "Kafka",
	spec: kafkaSpec + "\n    config: {a: {b: c}}\n    listenersConfig: 1",
	want: []results.Problem{problem("spec.kafka.listenersConfig", `unknown field "spec.kafka.listenersConfig"`)},
}}

var typeCases = []checkCase{{
	name: "string for an integer",
	kind: "KafkaConnect",
	spec: strings.Replace(connectSpec, "replicas: 1", `replicas: "3"`, 1),
	want: []results.Problem{problem("spec.replicas", `Invalid value: "string": spec.replicas in body must be of type integer: "string"`)},
}, {
	name: "integral float for an integer, as JSON writes it",
	kind: "KafkaConnect",
	spec: strings.Replace(connectSpec, "replicas: 1", "replicas: 3.0", 1),
}, {
	name: "fraction for an integer",
	kind: "KafkaConnect",
	spec: strings.Replace(connectSpec, "replicas: 1", "replicas: 1.5", 1),
	want: []results.Problem{problem("spec.replicas", `Invalid value: "number": spec.replicas in body must be of type integer: "number"`)},
}, {
	name: "no JSON number, which decoding reports",
	kind: "KafkaConnect",
	spec: strings.Replace(connectSpec, "replicas: 1", "replicas: .inf", 1),
}, {
	name: "integer in another base",
	kind: "Kafka",
	spec: strings.Replace(kafkaSpec, "port: 9092", "port: 0x2400", 1),
}, {
	name: "integer for a number",
	kind: "Kafka",
	spec: kafkaSpec + "\n    quotas: {type: strimzi, minAvailableRatioPerVolume: 1}",
}, {
	name: "boolean and object for strings",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  version: true\n  image: {name: x}",
	want: []results.Problem{
		problem("spec.version", `Invalid value: "boolean": spec.version in body must be of type string: "boolean"`),
		problem("spec.image", `Invalid value: "object": spec.image in body must be of type string: "object"`),
		problem("spec.image.name", `unknown field "spec.image.name"`),
	},
}, {
	name: "open subtree must be an object",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  config: group.id=x",
	want: []results.Problem{problem("spec.config", `Invalid value: "string": spec.config in body must be of type object: "string"`)},
}, {
	name: "null is no value in an object, and a wrong one in a list",
	kind: "KafkaNodePool",
	spec: strings.Replace(poolSpec, "roles: [broker]", "roles: [null]\n  jvmOptions: null", 1),
	want: []results.Problem{
		problem("spec.roles[0]", `Invalid value: "null": spec.roles[0] in body must be of type string: "null"`),
		problem("spec.roles[0]", `Unsupported value: null: supported values: "controller", "broker"`),
	},
}, {
	name: "quantity, an integer or a string",
	kind: "KafkaNodePool",
	spec: poolSpec + "\n  resources: {requests: {cpu: 1, memory: 2Gi}, limits: {cpu: true, memory: 2GB}}",
	want: []results.Problem{
		problem("spec.resources.limits.cpu", `Invalid value: "boolean": spec.resources.limits.cpu in body must be of type integer,string: "boolean"`),
		problem("spec.resources.limits.cpu", `Invalid value: "": "spec.resources.limits.cpu" must validate at least one schema (anyOf)`),
		problem("spec.resources.limits.cpu", `Invalid value: "boolean": spec.resources.limits.cpu in body must be of type integer: "boolean"`),
		problem("spec.resources.limits.memory", `Invalid value: "2GB": spec.resources.limits.memory in body should match '`+quantityPattern+`'`),
	},
}}

var valueCases = []checkCase{{
	name: "enum",
	kind: "Kafka",
	spec: strings.Replace(kafkaSpec, "type: internal", "type: Internal", 1),
	want: []results.Problem{problem("spec.kafka.listeners[0].type",
		`Unsupported value: "Internal": supported values: "internal", "route", "tlsroute", "loadbalancer", "nodeport", "ingress", "cluster-ip"`)},
}, {
	name: "enum value removed in v1, with its replacement",
	kind: "Kafka",
	spec: kafkaSpec + "\n    authorization: {type: keycloak}",
	want: []results.Problem{problem("spec.kafka.authorization.type",
		`Unsupported value: "keycloak": supported values: "simple", "custom": keycloak authorization was removed in kafka.strimzi.io/v1: `+
			`use type: custom with authorizerClass: io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer `+
			`and its options as strimzi.authorization.* keys in spec.kafka.config`)},
}, {
	name: "enum of a number",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  tracing: {type: 1}",
	want: []results.Problem{
		problem("spec.tracing.type", `Invalid value: "integer": spec.tracing.type in body must be of type string: "integer"`),
		problem("spec.tracing.type", `Unsupported value: 1: supported values: "opentelemetry"`),
	},
}, {
	name: "pattern",
	kind: "Kafka",
	spec: strings.Replace(kafkaSpec, "name: plain", "name: my_listener", 1),
	want: []results.Problem{problem("spec.kafka.listeners[0].name",
		`Invalid value: "my_listener": spec.kafka.listeners[0].name in body should match '^[a-z0-9]{1,11}$'`)},
}, {
	name: "minimum",
	kind: "Kafka",
	spec: strings.Replace(kafkaSpec, "port: 9092", "port: 9091", 1) + "\n    livenessProbe: {timeoutSeconds: 0}",
	want: []results.Problem{
		problem("spec.kafka.listeners[0].port", `Invalid value: 9091: spec.kafka.listeners[0].port in body should be greater than or equal to 9092`),
		problem("spec.kafka.livenessProbe.timeoutSeconds", `Invalid value: 0: spec.kafka.livenessProbe.timeoutSeconds in body should be greater than or equal to 1`),
	},
}, {
	name: "maximum",
	kind: "Kafka",
	spec: kafkaSpec + "\n    quotas: {type: strimzi, minAvailableRatioPerVolume: 1.5}",
	want: []results.Problem{problem("spec.kafka.quotas.minAvailableRatioPerVolume",
		`Invalid value: 1.5: spec.kafka.quotas.minAvailableRatioPerVolume in body should be less than or equal to 1`)},
}, {
	name: "minimum items",
	kind: "Kafka",
	spec: "\n  kafka: {listeners: []}",
	want: []results.Problem{problem("spec.kafka.listeners", `Invalid value: 0: spec.kafka.listeners in body should have at least 1 items`)},
}, {
	name: "required",
	kind: "Kafka",
	spec: "\n  kafka: {listeners: [{name: plain, port: 9092, type: internal}]}\n  cruiseControl: {apiUsers: {type: hashLoginService}}",
	want: []results.Problem{
		problem("spec.kafka.listeners[0].tls", "Required value"),
		problem("spec.cruiseControl.apiUsers.valueFrom", "Required value"),
	},
}, {
	name: "required spec",
	kind: "KafkaNodePool",
	spec: " null",
	want: []results.Problem{problem("spec", "Required value")},
}}

var ruleCases = []checkCase{{
	name: "false",
	kind: "Kafka",
	spec: kafkaSpec + "\n    rack: {type: topology-label, topologyKey: ''}",
	want: []results.Problem{problem("spec.kafka.rack", `Invalid value: topologyKey property is required`)},
}, {
	name: "reading an absent field",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  rack: {}",
	want: []results.Problem{problem("spec.rack",
		`Invalid value: "object": no such key: topologyKey evaluating rule: topologyKey property is required`)},
}, {
	name: "the other rack type",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  rack: {type: environment-variable}",
	want: []results.Problem{problem("spec.rack",
		`Invalid value: "object": no such key: envVarName evaluating rule: envVarName property is required`)},
}, {
	name: "true",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  rack: {type: environment-variable, envVarName: ZONE}\n  metricsConfig: {type: strimziMetricsReporter}",
}, {
	name: "two rules of one object",
	kind: "Kafka",
	spec: kafkaSpec + "\n  cruiseControl: {metricsConfig: {type: strimziMetricsReporter}}",
	want: []results.Problem{problem("spec.cruiseControl.metricsConfig", `Invalid value: value type not supported`)},
}, {
	name: "not evaluated once the object is invalid",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  rack: {}\n  logging: {type: file}",
	want: []results.Problem{problem("spec.logging.type", `Unsupported value: "file": supported values: "inline", "external"`)},
}}

var v1beta2Cases = []checkCase{{
	name: "fields v1 requires",
	kind: "KafkaConnect",
	spec: "\n  bootstrapServers: my-cluster-kafka-bootstrap:9092\n  config: {group.id: my-connect}",
}, {
	name: "fields the renderer still reads",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  externalConfiguration: {env: []}\n  build: {output: {type: docker, image: x, additionalKanikoOptions: [--a]}, plugins: []}",
}, {
	name: "their schema",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  build: {output: {type: docker, image: x, additionalKanikoOptions: --a}, plugins: []}",
	want: []results.Problem{problem("spec.build.output.additionalKanikoOptions",
		`Invalid value: "string": spec.build.output.additionalKanikoOptions in body must be of type array: "string"`)},
}, {
	name: "v1beta2 fields the renderer reads as v1",
	kind: "Kafka",
	spec: kafkaSpec + "\n    replicas: 3\n    storage: {type: ephemeral}\n    resources: {requests: {memory: 2Gi}}\n  zookeeper: {replicas: 3}",
}, {
	name: "removed features are errors",
	kind: "Kafka",
	spec: kafkaSpec + "\n    authorization: {type: opa, url: http://opa:8181}",
	want: []results.Problem{
		problem("spec.kafka.authorization.type", `Unsupported value: "opa": supported values: "simple", "custom": opa authorization was removed in kafka.strimzi.io/v1: `+
			`add the OPA authorizer to the Kafka image and use type: custom with authorizerClass: org.openpolicyagent.kafka.OpaAuthorizer `+
			`and its options as opa.authorizer.* keys in spec.kafka.config`),
		problem("spec.kafka.authorization.url", `unknown field "spec.kafka.authorization.url": `+customAuthzOpt),
	},
}}

var oneOfCases = []checkCase{{
	name: "one alternative",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  template: {connectContainer: {env: [{name: A, value: a}, {name: B, valueFrom: {secretKeyRef: {name: s, key: k}}}]}}",
}, {
	name: "none: the first alternative's fields are required",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  template: {connectContainer: {env: [{name: A}]}}",
	want: []results.Problem{
		problem("spec.template.connectContainer.env[0]",
			`Invalid value: "": "spec.template.connectContainer.env[0]" must validate one and only one schema (oneOf). Found none valid`),
		problem("spec.template.connectContainer.env[0].value", "Required value"),
	},
}, {
	name: "two",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  template: {connectContainer: {env: [{name: A, value: a, valueFrom: {configMapKeyRef: {name: c, key: k}}}]}}",
	want: []results.Problem{problem("spec.template.connectContainer.env[0]",
		`Invalid value: "": "spec.template.connectContainer.env[0]" must validate one and only one schema (oneOf). Found 2 valid alternatives`)},
}, {
	name: "a null is no value",
	kind: "KafkaConnect",
	spec: connectSpec + "\n  template: {connectContainer: {env: [{name: A, value: null, valueFrom: {secretKeyRef: {name: s, key: k}}}]}}",
}}

var scaleCases = []checkCase{{
	name: "negative, and below the CRD's minimum",
	kind: "KafkaNodePool",
	spec: strings.Replace(poolSpec, "replicas: 3", "replicas: -1", 1),
	want: []results.Problem{
		problem("spec.replicas", "Invalid value: -1: spec.replicas in body should be greater than or equal to 0"),
		problem("spec.replicas", "Invalid value: -1: should be a non-negative integer"),
	},
}, {
	name: "beyond int32",
	kind: "KafkaConnect",
	spec: strings.Replace(connectSpec, "replicas: 1", "replicas: 2147483648", 1),
	want: []results.Problem{problem("spec.replicas", "Invalid value: 2147483648: should be less than or equal to 2147483647")},
}}
