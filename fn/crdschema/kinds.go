package crdschema

import "github.com/strimzi-render/strimzi-render/fn/strimzi"

// kindSchema is a kind's schema and what its CRD adds to it.
type kindSchema struct {
	root *schema
	// scale: spec.replicas is the scale subresource's replica count.
	scale bool
}

var kinds = map[string]kindSchema{
	strimzi.KindKafka:         {root: withHistory(kafkaResource, kafkaHistory...)},
	strimzi.KindKafkaNodePool: {root: withHistory(nodePoolResource, nodePoolHistory...), scale: true},
	strimzi.KindKafkaConnect:  {root: withHistory(connectResource, connectHistory...), scale: true},
}
