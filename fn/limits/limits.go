// Package limits holds the sizes beyond which the function refuses an input
// instead of rendering it: each is a limit of Kubernetes or Kafka, or lies
// where no real cluster goes, and keeps the work and the output of one
// resource bounded.
package limits

const (
	// ConfigMapData is the most text one ConfigMap holds: the API server
	// refuses a ConfigMap whose data exceeds 1 MiB. It bounds the texts read
	// from ConfigMaps (external logging, JMX exporter rules) and the rules
	// after their YAML aliases are expanded, as they are stored again in a
	// rendered ConfigMap.
	ConfigMapData = 1 << 20

	// ConnectReplicas is the most workers of one KafkaConnect. Each is a
	// pod the function renders; Kafka Connect clusters run tens of workers.
	ConnectReplicas = 500

	// KafkaNodes is the most nodes of one Kafka cluster, all its
	// KafkaNodePools together, after node IDs are assigned. Each is a pod,
	// a ConfigMap and its volumes. The operator keeps all pods of a pool in
	// one StrimziPodSet, which etcd's 1.5 MiB limit holds to a few hundred
	// pods; the largest clusters have a few hundred brokers.
	KafkaNodes = 500

	// Controllers is the most KRaft controllers of one Kafka cluster. Every
	// node's server.config lists each of them, so output grows with nodes
	// times controllers; a Raft quorum commits only with a majority of
	// them, and Kafka recommends three or five.
	Controllers = 100

	// MetadataEntries is the most labels, and the most annotations, one
	// template or custom resource may give the objects rendered from it.
	// The framework that reads and writes the objects looks each of them up
	// among all the others, so their cost grows with the square of their
	// number; objects carry tens.
	MetadataEntries = 1000

	// NodeID is the highest node ID: Kafka's node.id is a Java int.
	NodeID = 1<<31 - 1

	// Listeners is the most listeners of one Kafka cluster, and
	// NodeListeners the most nodes times listeners. Each listener adds a
	// section to every node's server.config, a port to every pod and, for
	// cluster-ip listeners, a Service per node; clusters have a handful.
	Listeners     = 32
	NodeListeners = 2000

	// RepeatedBytes is the most text a resource may have its rendered
	// objects repeat: its replicas (for Kafka, its nodes) times what each of
	// their pods and configurations copies, the spec as JSON (for a Kafka
	// node, its Kafka's and its pool's) and, on Kafka nodes, the external
	// logging and JMX exporter rules. 500 nodes of 2 KiB each fit; the
	// operator itself keeps all pods of a pool in one StrimziPodSet, which
	// etcd limits to 1.5 MiB.
	RepeatedBytes = 1 << 20
)
