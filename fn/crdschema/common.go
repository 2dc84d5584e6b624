package crdschema

import (
	corev1 "k8s.io/api/core/v1"
)

// Types the Strimzi kinds share.

const (
	// jvmMemoryPattern is -Xms and -Xmx: a size in bytes, m or g.
	jvmMemoryPattern = `^[0-9]+[mMgG]?$`
	// sizePattern is the size limit of emptyDir volumes and ephemeral storage.
	sizePattern = `^([0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$`
)

var (
	metadataTemplate = obj(fields{"labels": stringMap(), "annotations": stringMap()})
	resourceTemplate = obj(fields{"metadata": metadataTemplate})

	resources = kube[corev1.ResourceRequirements]()

	probe = obj(fields{
		"initialDelaySeconds": integer().min(0),
		"timeoutSeconds":      integer().min(1),
		"periodSeconds":       integer().min(1),
		"successThreshold":    integer().min(1),
		"failureThreshold":    integer().min(1),
	})

	jvmOptions = obj(fields{
		"-XX":                  stringMap(),
		"-Xmx":                 str().pattern(jvmMemoryPattern),
		"-Xms":                 str().pattern(jvmMemoryPattern),
		"gcLoggingEnabled":     boolean(),
		"javaSystemProperties": array(obj(fields{"name": str(), "value": str()})),
	})

	jmxOptions = obj(fields{
		"authentication": obj(fields{"type": enum("password")}).req("type"),
	})

	configMapKeyValue = obj(fields{"configMapKeyRef": kube[corev1.ConfigMapKeySelector]()})

	logging = obj(fields{
		"loggers":   stringMap(),
		"type":      enum("inline", "external"),
		"valueFrom": configMapKeyValue,
	}).req("type")

	metricsConfig = obj(fields{
		"type":      enum("jmxPrometheusExporter", "strimziMetricsReporter"),
		"valueFrom": configMapKeyValue,
		"values":    obj(fields{"allowList": array(str())}),
	}).req("type").rules(metricsValueFromRule)

	rack = obj(fields{
		"envVarName":  str(),
		"topologyKey": str(),
		"type":        enum("topology-label", "environment-variable"),
	}).rules(rackTopologyKeyRule, rackEnvVarNameRule)

	// certSecretSource is one trusted certificate: a key, or keys
	// matching a pattern, of a Secret.
	certSecretSource = obj(fields{
		"secretName":  str(),
		"certificate": str(),
		"pattern":     str(),
	}).req("secretName").oneOf([]string{"certificate"}, []string{"pattern"})

	certAndKeySecretSource = obj(fields{
		"secretName":  str(),
		"certificate": str(),
		"key":         str(),
	}).req("secretName", "certificate", "key")

	passwordSecretSource = obj(fields{"secretName": str(), "password": str()}).req("secretName", "password")

	conditions = array(obj(fields{
		"type": str(), "status": str(), "lastTransitionTime": str(), "reason": str(), "message": str(),
	}))
)

// Templates: how Strimzi lets users shape the objects it creates.
var (
	podTemplate = obj(fields{
		"metadata":                      metadataTemplate,
		"imagePullSecrets":              array(kube[corev1.LocalObjectReference]()),
		"securityContext":               kube[corev1.PodSecurityContext](),
		"terminationGracePeriodSeconds": integer().min(0),
		"affinity":                      kube[corev1.Affinity](),
		"tolerations":                   array(kube[corev1.Toleration]()),
		"topologySpreadConstraints":     array(kube[corev1.TopologySpreadConstraint]()),
		"priorityClassName":             str(),
		"schedulerName":                 str(),
		"hostAliases":                   array(kube[corev1.HostAlias]()),
		"dnsPolicy":                     enum("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"),
		"dnsConfig":                     kube[corev1.PodDNSConfig](),
		"enableServiceLinks":            boolean(),
		"tmpDirSizeLimit":               str().pattern(sizePattern),
		"volumes":                       array(additionalVolume),
		"hostUsers":                     boolean(),
	})

	// statefulPodTemplate is the pod template of nodes and workers, which
	// may also have per-pod volumes.
	statefulPodTemplate = podTemplate.also(fields{"templatedVolumes": array(templatedVolume)})

	// additionalVolume's oneOf names the volume sources but requires none,
	// so it accepts any object: it is kept as the CRD has it.
	additionalVolume = obj(fields{
		"name":                  str(),
		"secret":                kube[corev1.SecretVolumeSource](),
		"configMap":             kube[corev1.ConfigMapVolumeSource](),
		"emptyDir":              obj(fields{"medium": enum("Memory"), "sizeLimit": str().pattern(sizePattern)}),
		"persistentVolumeClaim": kube[corev1.PersistentVolumeClaimVolumeSource](),
		"csi":                   kube[corev1.CSIVolumeSource](),
		"image":                 kube[corev1.ImageVolumeSource](),
	}).oneOf(nil)

	templatedVolume = obj(fields{
		"name":                  str(),
		"secret":                kube[corev1.SecretVolumeSource](),
		"configMap":             kube[corev1.ConfigMapVolumeSource](),
		"persistentVolumeClaim": kube[corev1.PersistentVolumeClaimVolumeSource](),
	}).oneOf(nil)

	containerTemplate = obj(fields{
		"env": array(obj(fields{
			"name":  str(),
			"value": str(),
			"valueFrom": obj(fields{
				"secretKeyRef":    kube[corev1.SecretKeySelector](),
				"configMapKeyRef": kube[corev1.ConfigMapKeySelector](),
			}).oneOf([]string{"secretKeyRef"}, []string{"configMapKeyRef"}),
		}).oneOf([]string{"value"}, []string{"valueFrom"})),
		"securityContext": kube[corev1.SecurityContext](),
		"volumeMounts":    array(kube[corev1.VolumeMount]()),
	})

	internalServiceTemplate = obj(fields{
		"metadata":       metadataTemplate,
		"ipFamilyPolicy": enum("SingleStack", "PreferDualStack", "RequireDualStack"),
		"ipFamilies":     array(enum("IPv4", "IPv6")),
	})

	podDisruptionBudgetTemplate = obj(fields{"metadata": metadataTemplate, "maxUnavailable": integer().min(0)})

	deploymentTemplate = obj(fields{
		"metadata":           metadataTemplate,
		"deploymentStrategy": enum("RollingUpdate", "Recreate"),
	})
)
