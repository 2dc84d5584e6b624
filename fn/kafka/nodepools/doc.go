// Package nodepools works out the nodes of a Kafka cluster's KafkaNodePools
// as the Strimzi 1.2.0 cluster operator does (model/nodepools: NodeIdAssignor,
// NodeIdRange): the node IDs each pool keeps, gains or drops as it scales,
// steered by the next-node-ids and remove-node-ids annotations; the nodes
// with their roles and pod names (NodeRef); and a pool's storage, its data
// volumes and log directories (StorageUtils, VolumeUtils). It builds no
// Kubernetes objects.
package nodepools
