package names

// CruiseControl is <cluster>-cruise-control: the Deployment, its
// ServiceAccount, PDB and the REST API Service
// (CruiseControlResources.componentName, serviceName).
func CruiseControl(cluster string) string { return cluster + "-cruise-control" }

// CruiseControlConfig is the ConfigMap <cluster>-cruise-control-config
// (CruiseControlResources.configMapName).
func CruiseControlConfig(cluster string) string { return CruiseControl(cluster) + "-config" }

// CruiseControlCerts is the certificate Secret <cluster>-cruise-control-certs
// (CruiseControlResources.secretName).
func CruiseControlCerts(cluster string) string { return CruiseControl(cluster) + "-certs" }

// CruiseControlAPI is the REST API credentials Secret
// <cluster>-cruise-control-api (CruiseControlResources.apiSecretName).
func CruiseControlAPI(cluster string) string { return CruiseControl(cluster) + "-api" }

// CruiseControlNetworkPolicy is <cluster>-network-policy-cruise-control
// (CruiseControlResources.networkPolicyName).
func CruiseControlNetworkPolicy(cluster string) string {
	return cluster + "-network-policy-cruise-control"
}
