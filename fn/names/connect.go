package names

import "strconv"

// Connect is the component name <cluster>-connect (KafkaConnectResources.componentName):
// the StrimziPodSet, headless Service, ServiceAccount, PDB, NetworkPolicy, Role and container.
func Connect(cluster string) string { return cluster + "-connect" }

// ConnectPod is the name of the Connect worker pod with the given ordinal.
func ConnectPod(cluster string, ordinal int) string {
	return Connect(cluster) + "-" + strconv.Itoa(ordinal)
}

// ConnectAPIService is the REST API Service <cluster>-connect-api.
func ConnectAPIService(cluster string) string { return cluster + "-connect-api" }

// ConnectConfig is the worker ConfigMap <cluster>-connect-config.
func ConnectConfig(cluster string) string { return cluster + "-connect-config" }

// ConnectRoleBinding is the RoleBinding <cluster>-connect-connect-role.
func ConnectRoleBinding(cluster string) string { return cluster + "-connect-connect-role" }

// ConnectTLSTrustedCerts is the Secret <cluster>-connect-tls-trusted-certs.
func ConnectTLSTrustedCerts(cluster string) string { return cluster + "-connect-tls-trusted-certs" }

// ConnectJMXSecret is the JMX credentials Secret <cluster>-kafka-connect-jmx.
func ConnectJMXSecret(cluster string) string { return cluster + "-kafka-connect-jmx" }

// ConnectInitClusterRoleBinding is strimzi-<namespace>-<cluster>-connect-init.
func ConnectInitClusterRoleBinding(namespace, cluster string) string {
	return "strimzi-" + namespace + "-" + cluster + "-connect-init"
}

// ConnectSharedStorageClaim is the shared worker PVC data-<cluster>-connect
// (the claim the Connect shared-volume proposal produced).
func ConnectSharedStorageClaim(cluster string) string { return "data-" + Connect(cluster) }

// ConnectDockerfile is the build ConfigMap <cluster>-connect-dockerfile.
func ConnectDockerfile(cluster string) string { return cluster + "-connect-dockerfile" }

// ConnectBuild is <cluster>-connect-build: build pod, container, ServiceAccount and BuildConfig.
func ConnectBuild(cluster string) string { return cluster + "-connect-build" }

// ConnectBuildRevision is <cluster>-connect-build-<revision>: the build Job,
// or the OpenShift BuildConfig, of one build revision. Strimzi reuses one
// name, <cluster>-connect-build; a name per revision lets a bundle that is
// applied again create the next build and prune the last one.
func ConnectBuildRevision(cluster, revision string) string {
	return ConnectBuild(cluster) + "-" + revision
}

// ConnectDockerfileRevision is <cluster>-connect-dockerfile-<revision>, the
// Dockerfile ConfigMap of one build revision.
func ConnectDockerfileRevision(cluster, revision string) string {
	return ConnectDockerfile(cluster) + "-" + revision
}
