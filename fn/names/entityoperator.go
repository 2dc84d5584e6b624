package names

// EntityOperator is <cluster>-entity-operator: the Deployment, its
// ServiceAccount, Role, NetworkPolicy and PDB
// (KafkaResources.entityOperatorDeploymentName).
func EntityOperator(cluster string) string { return cluster + "-entity-operator" }

// EntityTopicOperator is <cluster>-entity-topic-operator, the Topic
// Operator's strimzi.io/name.
func EntityTopicOperator(cluster string) string { return cluster + "-entity-topic-operator" }

// EntityUserOperator is <cluster>-entity-user-operator, the User
// Operator's strimzi.io/name.
func EntityUserOperator(cluster string) string { return cluster + "-entity-user-operator" }

// EntityTopicOperatorConfig is the Topic Operator's logging ConfigMap.
func EntityTopicOperatorConfig(cluster string) string {
	return EntityTopicOperator(cluster) + "-config"
}

// EntityUserOperatorConfig is the User Operator's logging ConfigMap.
func EntityUserOperatorConfig(cluster string) string { return EntityUserOperator(cluster) + "-config" }

// EntityTopicOperatorRoleBinding is <cluster>-entity-topic-operator-role.
func EntityTopicOperatorRoleBinding(cluster string) string {
	return EntityTopicOperator(cluster) + "-role"
}

// EntityUserOperatorRoleBinding is <cluster>-entity-user-operator-role.
func EntityUserOperatorRoleBinding(cluster string) string {
	return EntityUserOperator(cluster) + "-role"
}

// EntityTopicOperatorCerts is the Topic Operator's certificate Secret.
func EntityTopicOperatorCerts(cluster string) string { return EntityTopicOperator(cluster) + "-certs" }

// EntityUserOperatorCerts is the User Operator's certificate Secret.
func EntityUserOperatorCerts(cluster string) string { return EntityUserOperator(cluster) + "-certs" }

// EntityTopicOperatorCruiseControlAPI holds the Topic Operator's Cruise
// Control API credentials, <cluster>-entity-topic-operator-cc-api.
func EntityTopicOperatorCruiseControlAPI(cluster string) string {
	return EntityTopicOperator(cluster) + "-cc-api"
}

// ClientsCAKey is the clients CA key Secret <cluster>-clients-ca.
func ClientsCAKey(cluster string) string { return cluster + "-clients-ca" }

// CruiseControlHost is the Cruise Control Service address
// <cluster>-cruise-control.<namespace>.svc.
func CruiseControlHost(cluster, namespace string) string {
	return CruiseControl(cluster) + "." + namespace + ".svc"
}
