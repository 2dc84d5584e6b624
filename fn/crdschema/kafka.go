package crdschema

import (
	networkingv1 "k8s.io/api/networking/v1"
)

// Kafka (kafka.strimzi.io/v1): the brokers and controllers in spec.kafka,
// the operators and tools beside them, and the cluster's status.
var kafkaResource = customResource(
	obj(fields{
		"kafka":                  kafkaClusterSpec,
		"entityOperator":         entityOperatorSpec,
		"clusterCa":              certificateAuthority,
		"clientsCa":              certificateAuthority,
		"cruiseControl":          cruiseControlSpec,
		"kafkaExporter":          kafkaExporterSpec,
		"maintenanceTimeWindows": array(str()),
	}).req("kafka"),
	kafkaStatus,
)

var kafkaClusterSpec = obj(fields{
	"version":             str(),
	"metadataVersion":     str(),
	"image":               str(),
	"listeners":           array(listener).minItems(1),
	"config":              preserved(),
	"authorization":       authorization,
	"rack":                rack,
	"brokerRackInitImage": str(),
	"livenessProbe":       probe,
	"readinessProbe":      probe,
	"jvmOptions":          jvmOptions,
	"jmxOptions":          jmxOptions,
	"metricsConfig":       metricsConfig,
	"logging":             logging,
	"template":            kafkaClusterTemplate,
	"tieredStorage": obj(fields{
		"remoteStorageManager": obj(fields{"className": str(), "classPath": str(), "config": stringMap()}),
		"type":                 enum("custom"),
	}).req("type"),
	"quotas": obj(fields{
		"consumerByteRate":           integer().min(0),
		"controllerMutationRate":     number().min(0),
		"excludedPrincipals":         array(str()),
		"minAvailableBytesPerVolume": integer().min(0),
		"minAvailableRatioPerVolume": number().min(0).max(1),
		"producerByteRate":           integer().min(0),
		"requestPercentage":          integer().min(0),
		"type":                       enum("kafka", "strimzi"),
	}).req("type"),
}).req("listeners")

var authorization = obj(fields{
	"authorizerClass":  str(),
	"superUsers":       array(str()),
	"supportsAdminApi": boolean(),
	"type":             enum("simple", "custom"),
}).req("type")

var listener = obj(fields{
	"name": str().pattern(`^[a-z0-9]{1,11}$`),
	// Ports below 9092 are Strimzi's own.
	"port": integer().min(9092),
	"type": enum("internal", "route", "tlsroute", "loadbalancer", "nodeport", "ingress", "cluster-ip"),
	"tls":  boolean(),
	"authentication": obj(fields{
		"listenerConfig": preserved(),
		"sasl":           boolean(),
		"type":           enum("tls", "scram-sha-512", "custom"),
	}).req("type"),
	"configuration":      listenerConfiguration,
	"networkPolicyPeers": array(kube[networkingv1.NetworkPolicyPeer]()),
}).req("name", "port", "type", "tls")

// listenerAddress is what a listener's bootstrap and each broker share.
var listenerAddress = fields{
	"host":           str(),
	"nodePort":       integer(),
	"loadBalancerIP": str(),
	"annotations":    stringMap(),
	"labels":         stringMap(),
	"externalIPs":    array(str()),
}

var listenerConfiguration = obj(fields{
	"brokerCertChainAndKey":    certAndKeySecretSource,
	"class":                    str(),
	"externalTrafficPolicy":    enum("Local", "Cluster"),
	"loadBalancerSourceRanges": array(str()),
	"bootstrap":                obj(listenerAddress).also(fields{"alternativeNames": array(str())}),
	"brokers": array(obj(listenerAddress).also(fields{
		"broker":         integer(),
		"advertisedHost": str(),
		"advertisedPort": integer(),
	}).req("broker")),
	"ipFamilyPolicy":                enum("SingleStack", "PreferDualStack", "RequireDualStack"),
	"ipFamilies":                    array(enum("IPv4", "IPv6")),
	"createBootstrapService":        boolean(),
	"finalizers":                    array(str()),
	"useServiceDnsDomain":           boolean(),
	"maxConnections":                integer(),
	"maxConnectionCreationRate":     integer(),
	"preferredNodePortAddressType":  enum("ExternalIP", "ExternalDNS", "InternalIP", "InternalDNS", "Hostname"),
	"publishNotReadyAddresses":      boolean(),
	"perBrokerAnnotationsTemplate":  stringMap(),
	"perBrokerLabelsTemplate":       stringMap(),
	"hostTemplate":                  str(),
	"advertisedHostTemplate":        str(),
	"advertisedPortTemplate":        str(),
	"allocateLoadBalancerNodePorts": boolean(),
	// parentRefs are Gateway API parent references of tlsroute listeners.
	"parentRefs": array(obj(fields{
		"kind": str(), "group": str(), "name": str(), "namespace": str(), "port": integer(), "sectionName": str(),
	})),
})

var kafkaClusterTemplate = obj(fields{
	"pod":                      statefulPodTemplate,
	"bootstrapService":         internalServiceTemplate,
	"brokersService":           internalServiceTemplate,
	"externalBootstrapService": resourceTemplate,
	"perPodService":            resourceTemplate,
	"externalBootstrapRoute":   resourceTemplate,
	"perPodRoute":              resourceTemplate,
	"externalBootstrapIngress": resourceTemplate,
	"perPodIngress":            resourceTemplate,
	"persistentVolumeClaim":    resourceTemplate,
	"podDisruptionBudget":      podDisruptionBudgetTemplate,
	"kafkaContainer":           containerTemplate,
	"initContainer":            containerTemplate,
	"clusterCaCert":            resourceTemplate,
	"serviceAccount":           resourceTemplate,
	"jmxSecret":                resourceTemplate,
	"clusterRoleBinding":       resourceTemplate,
	"podSet":                   resourceTemplate,
})

var kafkaStatus = obj(fields{
	"conditions":         conditions,
	"observedGeneration": integer(),
	"listeners": array(obj(fields{
		"name":             str(),
		"addresses":        array(obj(fields{"host": str(), "port": integer()})),
		"bootstrapServers": str(),
		"certificates":     array(str()),
	})),
	"kafkaNodePools":                array(obj(fields{"name": str()})),
	"clusterId":                     str(),
	"operatorLastSuccessfulVersion": str(),
	"kafkaVersion":                  str(),
	"kafkaMetadataVersion":          str(),
	"autoRebalance": obj(fields{
		"state":              enum("Idle", "RebalanceOnScaleDown", "RebalanceOnScaleUp"),
		"lastTransitionTime": str(),
		"modes": array(obj(fields{
			"mode":    enum(autoRebalanceModes...),
			"brokers": array(integer()),
		})),
	}),
	"clusterSecurity": preserved(),
})
