package crdschema

// KafkaNodePool (kafka.strimzi.io/v1): a group of Kafka nodes with the
// same roles, storage and resources.
var nodePoolResource = customResource(
	obj(fields{
		"replicas":   integer().min(0),
		"storage":    poolStorage,
		"roles":      array(enum(nodeRoles...)),
		"resources":  resources,
		"jvmOptions": jvmOptions,
		"template": obj(fields{
			"podSet":                resourceTemplate,
			"pod":                   statefulPodTemplate,
			"perPodService":         resourceTemplate,
			"perPodRoute":           resourceTemplate,
			"perPodIngress":         resourceTemplate,
			"persistentVolumeClaim": resourceTemplate,
			"kafkaContainer":        containerTemplate,
			"initContainer":         containerTemplate,
		}),
	}).req("replicas", "storage", "roles"),
	obj(fields{
		"conditions":         conditions,
		"observedGeneration": integer(),
		"nodeIds":            array(integer()),
		"clusterId":          str(),
		"roles":              array(enum(nodeRoles...)),
		"replicas":           integer(),
		"labelSelector":      str(),
	}),
)

var nodeRoles = []string{"controller", "broker"}

// volume is one ephemeral or persistent volume, alone or in a JBOD.
var volume = fields{
	"class":                 str(),
	"deleteClaim":           boolean(),
	"id":                    integer().min(0),
	"kraftMetadata":         enum("shared"),
	"selector":              stringMap(),
	"size":                  str(),
	"sizeLimit":             str().pattern(sizePattern),
	"volumeAttributesClass": str(),
}

var poolStorage = obj(volume).also(fields{
	"type":    enum("ephemeral", "persistent-claim", "jbod"),
	"volumes": array(obj(volume).also(fields{"type": enum("ephemeral", "persistent-claim")}).req("type")),
}).req("type")
