package crdschema

import (
	corev1 "k8s.io/api/core/v1"
)

// The parts of a Kafka beside the brokers: the certificate authorities,
// the Entity Operator, Cruise Control and Kafka Exporter.

var certificateAuthority = obj(fields{
	"generateCertificateAuthority": boolean(),
	"generateSecretOwnerReference": boolean(),
	"validityDays":                 integer().min(1),
	"renewalDays":                  integer().min(1),
	"certificateExpirationPolicy":  enum("renew-certificate", "replace-key"),
	"type": enum("strimzi.io", "cert-manager.io").
		extension("the CA's type from Strimzi proposal 100; cert-manager.io renders cert-manager Certificates; removed from kept Kafkas"),
	"certManager": obj(fields{
		"issuerRef": obj(fields{
			"name":  str(),
			"kind":  str(),
			"group": str(),
		}),
		"caCert": obj(fields{
			"secretName":  str(),
			"certificate": str(),
		}),
	}).extension("the cert-manager issuer and CA Secret of Strimzi proposal 100; removed from kept Kafkas"),
})

// operatorSpec is what the Topic and User Operators share.
var operatorSpec = obj(fields{
	"watchedNamespace":         str(),
	"image":                    str(),
	"reconciliationIntervalMs": integer().min(0),
	"livenessProbe":            probe,
	"readinessProbe":           probe,
	"resources":                resources,
	"logging":                  logging,
	"jvmOptions":               jvmOptions,
})

var entityOperatorSpec = obj(fields{
	"topicOperator": operatorSpec.also(fields{"startupProbe": probe}),
	"userOperator":  operatorSpec.also(fields{"secretPrefix": str()}),
	"template": obj(fields{
		"deployment":               deploymentTemplate,
		"pod":                      podTemplate,
		"topicOperatorContainer":   containerTemplate,
		"userOperatorContainer":    containerTemplate,
		"serviceAccount":           resourceTemplate,
		"podDisruptionBudget":      podDisruptionBudgetTemplate,
		"entityOperatorRole":       resourceTemplate,
		"topicOperatorRoleBinding": resourceTemplate,
		"userOperatorRoleBinding":  resourceTemplate,
	}),
})

const (
	// cpuCapacityPattern is cores, with up to three decimals, or millicores.
	cpuCapacityPattern = `^[0-9]+([.][0-9]{0,3}|[m]?)$`
	// networkCapacityPattern is bytes per second, such as 10000KiB/s.
	networkCapacityPattern = `^[0-9]+([KMG]i?)?B/s$`
)

var autoRebalanceModes = []string{"add-brokers", "remove-brokers"}

// brokerCapacity is the capacity Cruise Control assumes per broker.
var brokerCapacity = fields{
	"cpu":             str().pattern(cpuCapacityPattern),
	"inboundNetwork":  str().pattern(networkCapacityPattern),
	"outboundNetwork": str().pattern(networkCapacityPattern),
}

var cruiseControlSpec = obj(fields{
	"image":          str(),
	"resources":      resources,
	"livenessProbe":  probe,
	"readinessProbe": probe,
	"jvmOptions":     jvmOptions,
	"logging":        logging,
	"template": obj(fields{
		"deployment":             deploymentTemplate,
		"pod":                    podTemplate,
		"apiService":             internalServiceTemplate,
		"podDisruptionBudget":    podDisruptionBudgetTemplate,
		"cruiseControlContainer": containerTemplate,
		"serviceAccount":         resourceTemplate,
	}),
	"brokerCapacity": obj(brokerCapacity).also(fields{
		"overrides": array(obj(brokerCapacity).also(fields{"brokers": array(integer())}).req("brokers")),
	}),
	"config":        preserved(),
	"metricsConfig": metricsConfig.rules(metricsValueFromRule, metricsNoReporterRule),
	"apiUsers": obj(fields{
		"type":      enum("hashLoginService"),
		"valueFrom": obj(fields{"secretKeyRef": kube[corev1.SecretKeySelector]()}),
	}).req("type", "valueFrom"),
	"autoRebalance": array(obj(fields{
		"mode":     enum(autoRebalanceModes...),
		"template": obj(fields{"name": str()}),
	}).req("mode")).minItems(1),
})

var kafkaExporterSpec = obj(fields{
	"image":               str(),
	"groupRegex":          str(),
	"topicRegex":          str(),
	"groupExcludeRegex":   str(),
	"topicExcludeRegex":   str(),
	"resources":           resources,
	"logging":             str(),
	"livenessProbe":       probe,
	"readinessProbe":      probe,
	"enableSaramaLogging": boolean(),
	"showAllOffsets":      boolean(),
	"template": obj(fields{
		"deployment":          deploymentTemplate,
		"pod":                 podTemplate,
		"container":           containerTemplate,
		"serviceAccount":      resourceTemplate,
		"podDisruptionBudget": podDisruptionBudgetTemplate,
	}),
})
