package entityoperator

import (
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/jvm"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/logging"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// The User Operator container's names, ports, paths and defaults
// (EntityUserOperator, CertificateAuthority).
const (
	userComponentType    = "entity-user-operator"
	userContainerName    = "user-operator"
	userHealthPort       = 8081
	userHealthPortName   = "healthcheck-uo"
	userConfigVolume     = "entity-user-operator-metrics-and-logging"
	userConfigMountPath  = "/opt/user-operator/custom-config/"
	userTmpVolume        = "strimzi-uo-tmp"
	defaultValidityDays  = 365
	defaultRenewalDays   = 30
	authorizationCustom  = "custom"
	authorizationSimple  = "simple"
	pkcs12StoreGenerated = "true" // STRIMZI_PKCS12_KEYSTORE_GENERATION's default
	certManagerCAType    = "cert-manager.io"
)

// UserOperator is the User Operator container (Strimzi: EntityUserOperator).
type UserOperator struct {
	spec      *strimzi.EntityUserOperatorSpec
	cfg       *config.Spec
	cluster   Cluster
	certs     Certificates
	container *strimzi.ContainerTemplate
	pod       *strimzi.PodTemplate
	binding   *strimzi.ResourceTemplate

	Image              string
	WatchedNamespace   string
	component          labels.Component
	resourceLabels     map[string]string
	logging            string
	validityDays       int
	renewalDays        int
	aclsAdminAPI       bool
	maintenanceWindows []string
}

func newUserOperator(k *strimzi.Kafka, cfg *config.Spec, c Cluster, certs Certificates, t strimzi.EntityOperatorTemplate, cms strimzi.ConfigMaps) *UserOperator {
	spec := k.Spec.EntityOperator.UserOperator
	uo := &UserOperator{
		spec: spec, cfg: cfg, cluster: c, certs: certs,
		container: t.UserOperatorContainer, pod: t.Pod, binding: t.UserOperatorRoleBinding,
		Image:              spec.Image,
		WatchedNamespace:   watched(spec.WatchedNamespace, c.Namespace),
		component:          component(c.Name, names.EntityUserOperator(c.Name), userComponentType),
		logging:            logging.RenderFrom(UserOperatorDefaults, spec.Logging, cms, c.Namespace),
		validityDays:       defaultValidityDays,
		renewalDays:        defaultRenewalDays,
		maintenanceWindows: k.Spec.MaintenanceTimeWindows,
	}
	if uo.Image == "" {
		uo.Image = cfg.Images.UserOperator
	}
	if ca := k.Spec.ClientsCa; ca != nil {
		if ca.ValidityDays > 0 {
			uo.validityDays = ca.ValidityDays
		}
		if ca.RenewalDays > 0 {
			uo.renewalDays = ca.RenewalDays
		}
	}
	// Whether the authorizer manages ACLs through the Admin API
	// (KafkaAuthorization.supportsAdminApi).
	if k.Spec.Kafka != nil && k.Spec.Kafka.Authorization != nil {
		a := k.Spec.Kafka.Authorization
		uo.aclsAdminAPI = a.Type == authorizationSimple || (a.Type == authorizationCustom && a.SupportsAdminAPI)
	}
	uo.resourceLabels = labels.Resource(uo.component, c.Labels)
	return uo
}

// Container is the user-operator container (EntityUserOperator.createContainer).
func (uo *UserOperator) Container() corev1.Container {
	return operatorContainer{
		name: userContainerName, image: uo.Image, script: "/opt/strimzi/bin/user_operator_run.sh",
		port: userHealthPortName, portNumber: userHealthPort,
		env: uo.env(), mounts: uo.volumeMounts(),
		liveness: uo.spec.LivenessProbe, readiness: uo.spec.ReadinessProbe,
		resources: uo.spec.Resources, template: uo.container,
	}.build(uo.cfg)
}

// env is the container's environment in Strimzi's order
// (EntityUserOperator.getEnvVars): the maintenance windows come after the
// template's variables.
func (uo *UserOperator) env() []corev1.EnvVar {
	env := []corev1.EnvVar{
		{Name: "STRIMZI_KAFKA_BOOTSTRAP_SERVERS", Value: uo.cluster.BootstrapServers},
		{Name: "STRIMZI_NAMESPACE", Value: uo.WatchedNamespace},
		{Name: "STRIMZI_LABELS", Value: resourceLabelsSelector(uo.cluster.Name)},
	}
	if ms := uo.spec.ReconciliationIntervalMs; ms != nil {
		env = append(env, corev1.EnvVar{Name: "STRIMZI_FULL_RECONCILIATION_INTERVAL_MS", Value: strconv.FormatInt(*ms, 10)})
	}
	prefix := ""
	if uo.spec.SecretPrefix != nil {
		prefix = *uo.spec.SecretPrefix
	}
	env = append(env,
		corev1.EnvVar{Name: "STRIMZI_CA_KEY_NAME", Value: uo.certs.CA.ClientsKey},
		corev1.EnvVar{Name: "STRIMZI_CA_CERT_NAME", Value: uo.certs.CA.ClientsCert},
		corev1.EnvVar{Name: "STRIMZI_CA_NAMESPACE", Value: uo.cluster.Namespace},
		corev1.EnvVar{Name: "STRIMZI_CA_VALIDITY", Value: strconv.Itoa(uo.validityDays)},
		corev1.EnvVar{Name: "STRIMZI_CA_RENEWAL", Value: strconv.Itoa(uo.renewalDays)},
	)
	if i := uo.cluster.ClientsIssuer; i != nil {
		// Proposal 100: the User Operator issues user certificates through cert-manager.
		env = append(env,
			corev1.EnvVar{Name: "STRIMZI_CA_TYPE", Value: certManagerCAType},
			corev1.EnvVar{Name: "STRIMZI_CM_ISSUER_NAME", Value: i.Name},
			corev1.EnvVar{Name: "STRIMZI_CM_ISSUER_KIND", Value: i.Kind},
			corev1.EnvVar{Name: "STRIMZI_CM_ISSUER_GROUP", Value: i.Group},
		)
	}
	env = append(env,
		corev1.EnvVar{Name: "STRIMZI_CLUSTER_CA_CERT_SECRET_NAME", Value: uo.certs.CA.ClusterCert},
		corev1.EnvVar{Name: "STRIMZI_EO_KEY_SECRET_NAME", Value: uo.certs.UserOperator},
	)
	if uo.certs.certManager != nil {
		env = append(env,
			corev1.EnvVar{Name: "STRIMZI_EO_KEY_NAME", Value: uo.certs.KeyName},
			corev1.EnvVar{Name: "STRIMZI_EO_CERT_NAME", Value: uo.certs.CertName},
		)
	}
	env = append(env,
		corev1.EnvVar{Name: "STRIMZI_GC_LOG_ENABLED", Value: strconv.FormatBool(gcLogging(uo.spec.JvmOptions))},
		corev1.EnvVar{Name: "STRIMZI_SECRET_PREFIX", Value: prefix},
		corev1.EnvVar{Name: "STRIMZI_ACLS_ADMIN_API_SUPPORTED", Value: strconv.FormatBool(uo.aclsAdminAPI)},
		corev1.EnvVar{Name: "STRIMZI_PKCS12_KEYSTORE_GENERATION", Value: pkcs12StoreGenerated},
	)
	env = append(env, jvm.JavaOptions(uo.spec.JvmOptions)...)
	if gates := featureGates(uo.cfg); gates != "" {
		env = append(env, corev1.EnvVar{Name: "STRIMZI_FEATURE_GATES", Value: gates})
	}
	env = append(env, pods.SharedEnv(uo.cfg)...)
	env = pods.AppendEnv(env, pods.TemplateEnv(containerTemplate(uo.container).Env)...)
	if len(uo.maintenanceWindows) > 0 {
		// Cron expressions contain commas, so Strimzi joins them with semicolons.
		env = append(env, corev1.EnvVar{Name: "STRIMZI_MAINTENANCE_TIME_WINDOWS", Value: strings.Join(uo.maintenanceWindows, ";")})
	}
	return env
}

// Volumes are the User Operator's volumes of the pod
// (EntityUserOperator.getVolumes).
func (uo *UserOperator) Volumes() []corev1.Volume {
	return []corev1.Volume{
		volumes.ConfigMap(userConfigVolume, names.EntityUserOperatorConfig(uo.cluster.Name)),
		volumes.EmptyDirMemory(userTmpVolume, tmpDirSizeLimit(uo.pod)),
	}
}

func (uo *UserOperator) volumeMounts() []corev1.VolumeMount {
	_, token := volumes.ServiceAccountToken()
	mounts := []corev1.VolumeMount{
		token,
		volumes.Mount(userTmpVolume, volumes.TmpMountPath),
		volumes.Mount(userConfigVolume, userConfigMountPath),
	}
	return append(mounts, containerTemplate(uo.container).VolumeMounts...)
}
