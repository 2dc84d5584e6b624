package crdschema

import (
	"maps"
	"strings"
)

// What kafka.strimzi.io/v1beta2 had that v1 dropped. Strimzi 1.x serves
// only v1; the renderer still reads v1beta2 input as v1, so the removed
// fields and values are errors in both versions (v1 input sees them as
// unknown, as the API server does), named with what replaces them. The
// few the renderer still reads from v1beta2 input are accepted there.

// change is an edit of the object schema at path, such as
// spec.kafka.listeners[].authentication.
type change struct {
	path  string
	apply func(*schema)
}

func withHistory(root *schema, changes ...change) *schema {
	for _, ch := range changes {
		root = patch(root, splitPath(ch.path), ch.apply)
	}
	return root
}

func splitPath(path string) []string {
	var segs []string
	for _, s := range strings.Split(path, ".") {
		if name, ok := strings.CutSuffix(s, "[]"); ok {
			segs = append(segs, name, "[]")
		} else if s != "" {
			segs = append(segs, s)
		}
	}
	return segs
}

// patch changes a copy of the node at path, and copies of the nodes above
// it: nodes are shared with other paths and kinds.
func patch(s *schema, path []string, f func(*schema)) *schema {
	c := *s
	switch {
	case len(path) == 0:
		f(&c)
	case path[0] == "[]":
		c.Items = patch(s.Items, path[1:], f)
	default:
		child := s.Properties[path[0]]
		if child == nil {
			panic("crdschema: no field " + path[0])
		}
		c.Properties = maps.Clone(s.Properties)
		c.Properties[path[0]] = patch(child, path[1:], f)
	}
	return &c
}

// removed fields, all with one hint.
func removed(path, hint string, names ...string) change {
	return change{path, func(s *schema) {
		s.removed = maps.Clone(s.removed)
		if s.removed == nil {
			s.removed = map[string]*removal{}
		}
		for _, n := range names {
			s.removed[n] = &removal{hint: hint}
		}
	}}
}

// readInV1beta2 is a removed field the renderer still reads from v1beta2
// input, with its schema there.
func readInV1beta2(path, name string, v1beta2 *schema, hint string) change {
	return change{path, func(s *schema) {
		s.removed = maps.Clone(s.removed)
		if s.removed == nil {
			s.removed = map[string]*removal{}
		}
		s.removed[name] = &removal{hint: hint, v1beta2: v1beta2}
	}}
}

// removedValue is an enum value v1 dropped.
func removedValue(path, value, hint string) change {
	return change{path, func(s *schema) {
		s.removedValues = maps.Clone(s.removedValues)
		if s.removedValues == nil {
			s.removedValues = map[string]string{}
		}
		s.removedValues[value] = hint
	}}
}

// requiredSinceV1 are required fields v1beta2 did not require.
func requiredSinceV1(path string, names ...string) change {
	return change{path, func(s *schema) {
		s.requiredSinceV1 = map[string]bool{}
		for _, n := range names {
			s.requiredSinceV1[n] = true
		}
	}}
}

const (
	v1             = "removed in kafka.strimzi.io/v1"
	customAuthzOpt = "an option of the keycloak and opa authorization types, " + v1 + ": with type: custom, configure the authorizer in spec.kafka.config"
	listenerOAuth  = "an option of the oauth authentication type, " + v1 + ": with type: custom, set it in listenerConfig"
	clientOAuth    = "an option of the oauth authentication type, " + v1 + ": with type: custom, set it in config"
	noZooKeeper    = v1 + " with ZooKeeper: Strimzi 1.x runs Kafka in KRaft mode"
	noTLSSidecar   = v1 + ": the TLS sidecar is gone"
	oldStatus      = "written by Strimzi 0.x operators, " + v1
)

var kafkaHistory = []change{
	requiredSinceV1("", "spec"),
	readInV1beta2("spec", "zookeeper", anything(), v1+": Strimzi 1.x runs Kafka in KRaft mode, with controllers in a KafkaNodePool"),
	removed("spec", v1+" (JmxTrans was removed in Strimzi 0.35): use metricsConfig", "jmxTrans"),
	readInV1beta2("spec.kafka", "replicas", anything(), v1+": set spec.replicas of each KafkaNodePool"),
	readInV1beta2("spec.kafka", "storage", anything(), v1+": set spec.storage of each KafkaNodePool"),
	readInV1beta2("spec.kafka", "resources", resources, v1+": set spec.resources of each KafkaNodePool"),
	removed("spec.kafka.template", v1+": Kafka runs on StrimziPodSets, shaped by spec.kafka.template.podSet", "statefulset"),
	removedValue("spec.kafka.authorization.type", "keycloak", "keycloak authorization was "+v1+
		": use type: custom with authorizerClass: io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer "+
		"and its options as strimzi.authorization.* keys in spec.kafka.config"),
	removedValue("spec.kafka.authorization.type", "opa", "opa authorization was "+v1+
		": add the OPA authorizer to the Kafka image and use type: custom with authorizerClass: org.openpolicyagent.kafka.OpaAuthorizer "+
		"and its options as opa.authorizer.* keys in spec.kafka.config"),
	removed("spec.kafka.authorization", customAuthzOpt,
		"allowOnError", "clientId", "connectTimeoutSeconds", "delegateToKafkaAcls", "disableTlsHostnameVerification",
		"enableMetrics", "expireAfterMs", "grantsAlwaysLatest", "grantsGcPeriodSeconds", "grantsMaxIdleTimeSeconds",
		"grantsRefreshPeriodSeconds", "grantsRefreshPoolSize", "httpRetries", "includeAcceptHeader",
		"initialCacheCapacity", "maximumCacheSize", "readTimeoutSeconds", "tlsTrustedCertificates",
		"tokenEndpointUri", "url"),
	removedValue("spec.kafka.listeners[].authentication.type", "oauth", "oauth authentication was "+v1+
		": use type: custom with sasl: true and the OAuth settings in listenerConfig "+
		"(sasl.enabled.mechanisms: OAUTHBEARER, oauthbearer.sasl.server.callback.handler.class: "+
		"io.strimzi.kafka.oauth.server.JaasServerOauthValidatorCallbackHandler, oauthbearer.sasl.jaas.config)"),
	removed("spec.kafka.listeners[].authentication", listenerOAuth,
		"accessTokenIsJwt", "checkAccessTokenType", "checkAudience", "checkIssuer", "clientAudience",
		"clientGrantType", "clientId", "clientScope", "clientSecret", "connectTimeoutSeconds", "customClaimCheck",
		"disableTlsHostnameVerification", "enableECDSA", "enableMetrics", "enableOauthBearer", "enablePlain",
		"failFast", "fallbackUserNameClaim", "fallbackUserNamePrefix", "groupsClaim", "groupsClaimDelimiter",
		"httpRetries", "httpRetryPauseMs", "includeAcceptHeader", "introspectionEndpointUri", "jwksEndpointUri",
		"jwksExpirySeconds", "jwksIgnoreKeyUse", "jwksMinRefreshPauseSeconds", "jwksRefreshSeconds",
		"maxSecondsWithoutReauthentication", "readTimeoutSeconds", "serverBearerTokenLocation",
		"tlsTrustedCertificates", "tokenEndpointUri", "userInfoEndpointUri", "userNameClaim", "userNamePrefix",
		"validIssuerUri", "validTokenType"),
	removed("spec.kafka.listeners[].authentication", v1+
		": mount Secrets with spec.kafka.template.pod.volumes and spec.kafka.template.kafkaContainer.volumeMounts", "secrets"),
	removed("spec.entityOperator", noTLSSidecar, "tlsSidecar"),
	removed("spec.entityOperator.template", noTLSSidecar, "tlsSidecarContainer"),
	removed("spec.entityOperator.topicOperator", v1+": use reconciliationIntervalMs", "reconciliationIntervalSeconds"),
	removed("spec.entityOperator.topicOperator", noZooKeeper, "zookeeperSessionTimeoutSeconds", "topicMetadataMaxAttempts"),
	removed("spec.entityOperator.userOperator", v1+": use reconciliationIntervalMs", "reconciliationIntervalSeconds"),
	removed("spec.entityOperator.userOperator", noZooKeeper, "zookeeperSessionTimeoutSeconds"),
	removed("spec.cruiseControl", noTLSSidecar, "tlsSidecar"),
	removed("spec.cruiseControl.template", noTLSSidecar, "tlsSidecarContainer"),
	removed("spec.cruiseControl.brokerCapacity", v1+": Cruise Control takes the disk capacity from the storage", "disk"),
	removed("spec.cruiseControl.brokerCapacity", v1+": use cpu", "cpuUtilization"),
	removed("spec.kafkaExporter.template", v1+": Kafka Exporter has no Service", "service"),
	removed("status", oldStatus, "kafkaMetadataState", "registeredNodeIds"),
	removed("status.listeners[]", oldStatus, "type"),
}

var connectHistory = []change{
	requiredSinceV1("", "spec"),
	requiredSinceV1("spec", "replicas", "groupId", "configStorageTopic", "statusStorageTopic", "offsetStorageTopic"),
	readInV1beta2("spec", "externalConfiguration", anything(), v1+
		": use spec.template.connectContainer.env for environment variables and spec.template.pod.volumes "+
		"with spec.template.connectContainer.volumeMounts for volumes"),
	removed("spec.template", v1+": KafkaConnect runs on StrimziPodSets, shaped by spec.template.podSet", "deployment"),
	readInV1beta2("spec.build.output", "additionalKanikoOptions", array(str()), v1+": use additionalBuildOptions"),
	removedValue("spec.authentication.type", "oauth", "oauth authentication was "+v1+
		": use type: custom with sasl: true and the OAuth client settings in config "+
		"(sasl.mechanism: OAUTHBEARER, sasl.jaas.config, sasl.login.callback.handler.class: "+
		"io.strimzi.kafka.oauth.client.JaasClientOauthLoginCallbackHandler)"),
	removed("spec.authentication", clientOAuth,
		"accessToken", "accessTokenIsJwt", "accessTokenLocation", "audience", "clientAssertion",
		"clientAssertionLocation", "clientAssertionType", "clientId", "clientSecret", "connectTimeoutSeconds",
		"disableTlsHostnameVerification", "enableMetrics", "grantType", "httpRetries", "httpRetryPauseMs",
		"includeAcceptHeader", "maxTokenExpirySeconds", "readTimeoutSeconds", "refreshToken", "saslExtensions",
		"scope", "tlsTrustedCertificates", "tokenEndpointUri"),
	removedValue("spec.tracing.type", "jaeger", "Jaeger tracing was "+v1+": use type: opentelemetry"),
}

var nodePoolHistory = []change{
	requiredSinceV1("", "spec"),
	removed("spec.storage", v1+": use one KafkaNodePool per storage class", "overrides"),
	removed("spec.storage.volumes[]", v1+": use one KafkaNodePool per storage class", "overrides"),
}
