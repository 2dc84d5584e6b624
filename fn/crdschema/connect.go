package crdschema

// KafkaConnect (kafka.strimzi.io/v1): the workers, their connection to
// Kafka, connector plugins mounted from images or built, and the
// renderer's shared storage.
var connectResource = customResource(
	obj(fields{
		"version":            str(),
		"replicas":           integer(),
		"image":              str(),
		"bootstrapServers":   str(),
		"groupId":            str(),
		"configStorageTopic": str(),
		"statusStorageTopic": str(),
		"offsetStorageTopic": str(),
		"tls":                obj(fields{"trustedCertificates": array(certSecretSource)}),
		"authentication": obj(fields{
			"certificateAndKey": certAndKeySecretSource,
			"config":            preserved(),
			"passwordSecret":    passwordSecretSource,
			"sasl":              boolean(),
			"type":              enum("tls", "scram-sha-256", "scram-sha-512", "plain", "custom"),
			"username":          str(),
		}).req("type"),
		"config":              preserved(),
		"resources":           resources,
		"livenessProbe":       probe,
		"readinessProbe":      probe,
		"jvmOptions":          jvmOptions,
		"jmxOptions":          jmxOptions,
		"logging":             logging,
		"clientRackInitImage": str(),
		"rack":                rack,
		"metricsConfig":       metricsConfig,
		"tracing":             obj(fields{"type": enum("opentelemetry")}).req("type"),
		"template":            connectTemplate,
		"build":               connectBuild,
		"plugins": array(obj(fields{
			"name": str().pattern(pluginNamePattern),
			"artifacts": array(obj(fields{
				"pullPolicy": str(),
				"reference":  str(),
				"type":       enum("image"),
			}).req("reference", "type")),
		}).req("name", "artifacts")),
		"storage": sharedStorage,
	}).req("replicas", "bootstrapServers", "groupId", "configStorageTopic", "statusStorageTopic", "offsetStorageTopic"),
	obj(fields{
		"conditions":         conditions,
		"observedGeneration": integer(),
		"url":                str(),
		"connectorPlugins":   array(obj(fields{"class": str(), "type": str(), "version": str()})),
		"replicas":           integer(),
		"labelSelector":      str(),
	}),
)

// pluginNamePattern keeps plugin names usable in paths and volume names.
const pluginNamePattern = `^[a-z0-9][-_a-z0-9]*[a-z0-9]$`

var connectTemplate = obj(fields{
	"podSet":              resourceTemplate,
	"pod":                 statefulPodTemplate,
	"apiService":          internalServiceTemplate,
	"headlessService":     internalServiceTemplate,
	"connectContainer":    containerTemplate,
	"initContainer":       containerTemplate,
	"podDisruptionBudget": podDisruptionBudgetTemplate,
	"serviceAccount":      resourceTemplate,
	"clusterRoleBinding":  resourceTemplate,
	"buildPod":            podTemplate,
	"buildContainer":      containerTemplate,
	"buildConfig":         obj(fields{"metadata": metadataTemplate, "pullSecret": str()}),
	"buildServiceAccount": resourceTemplate,
	"jmxSecret":           resourceTemplate,
})

var connectBuild = obj(fields{
	"output": obj(fields{
		"additionalBuildOptions": array(str()),
		"additionalPushOptions":  array(str()),
		"image":                  str(),
		"pushSecret":             str(),
		"type":                   enum("docker", "imagestream"),
	}).req("image", "type"),
	"plugins": array(obj(fields{
		"name": str().pattern(pluginNamePattern),
		"artifacts": array(obj(fields{
			"artifact":     str(),
			"fileName":     str(),
			"group":        str(),
			"includeScope": enum("compile", "provided", "runtime", "test", "system"),
			"insecure":     boolean(),
			"mirrors":      array(obj(fields{"url": str()}).req("url")),
			"repository":   str(),
			"sha512sum":    str(),
			"type":         enum("jar", "tgz", "zip", "maven", "other"),
			"url":          str().pattern(`^(https?|ftp)://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$`),
			"version":      str(),
		}).req("type")),
	}).req("name", "artifacts")),
	"resources": resources,
}).req("output", "plugins")

// sharedStorage is one claim every worker mounts. Its values are checked
// where it is rendered.
var sharedStorage = obj(fields{
	"type":        str(),
	"size":        str(),
	"class":       str(),
	"deleteClaim": boolean(),
	"mountPath":   str(),
	"accessMode":  str(),
}).extension("shared storage for the workers, rendered as one PersistentVolumeClaim; removed from kept KafkaConnects")
