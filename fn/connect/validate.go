package connect

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/limits"
	"github.com/strimzi-render/strimzi-render/fn/logging"
	"github.com/strimzi-render/strimzi-render/fn/metrics"
	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// pluginName is the CRD pattern of plugin names.
var pluginName = regexp.MustCompile(`^[a-z0-9][-_a-z0-9]*[a-z0-9]$`)

// Validate returns every problem that stops a KafkaConnect from rendering,
// and warnings about what the cluster must provide.
func Validate(cr *strimzi.KafkaConnect, cfg *config.StrimziRender, in Inputs, keep bool) []results.Problem {
	v := &validator{cr: cr, s: &cr.Spec, cfg: &cfg.Spec, in: in, keep: keep}
	v.metadata()
	v.required()
	v.version()
	v.plugins()
	v.ps = append(v.ps, pods.CheckResources("spec.resources", v.s.Resources, "KafkaConnect.spec.resources")...)
	v.templates()
	v.statefulSetForm()
	v.storage()
	v.externalInputs()
	v.secrets()
	v.text()
	return v.ps
}

type validator struct {
	cr   *strimzi.KafkaConnect
	s    *strimzi.KafkaConnectSpec
	cfg  *config.Spec
	in   Inputs
	keep bool
	ps   []results.Problem
}

func (v *validator) errorf(path, format string, args ...any) {
	v.ps = append(v.ps, results.Errorf(path, format, args...))
}

func (v *validator) warnf(path, format string, args ...any) {
	v.ps = append(v.ps, results.Warningf(path, format, args...))
}

func (v *validator) metadata() {
	for _, msg := range validation.IsDNS1123Subdomain(v.cr.Name) {
		v.errorf("metadata.name", "%s", msg)
	}
	if v.cr.Namespace != "" { // every object goes there; the ClusterRoleBinding's name holds it
		for _, msg := range validation.IsDNS1123Label(v.cr.Namespace) {
			v.errorf("metadata.namespace", "%s", msg)
		}
	}
	// The longest generated name is <name>-connect-connect-role; pods add an ordinal.
	if len(names.ConnectRoleBinding(v.cr.Name)) > validation.DNS1123SubdomainMaxLength {
		v.errorf("metadata.name", "name is too long: generated names such as %s exceed %d characters", names.ConnectRoleBinding(v.cr.Name), validation.DNS1123SubdomainMaxLength)
	}
	if len(names.ConnectAPIService(v.cr.Name)) > validation.DNS1035LabelMaxLength {
		v.errorf("metadata.name", "name is too long: Service %s exceeds %d characters", names.ConnectAPIService(v.cr.Name), validation.DNS1035LabelMaxLength)
	}
	filter, _ := labels.NewFilter(v.cfg.LabelsExclusionPattern)
	if bad := filter.ForbiddenOnCR(v.cr.Labels); len(bad) > 0 {
		v.errorf("metadata.labels", "%s", labels.MsgStrimziLabelOnCR)
	}
	if v.cr.Spec.ExternalConfiguration != nil {
		v.errorf("spec.externalConfiguration", "externalConfiguration was removed in kafka.strimzi.io/v1: "+
			"use spec.template.connectContainer.env for environment variables and spec.template.pod.volumes with "+
			"spec.template.connectContainer.volumeMounts under /mnt for volumes")
	}
}

func (v *validator) required() {
	if v.s.Replicas != nil && *v.s.Replicas < 0 {
		v.errorf("spec.replicas", "replicas must not be negative, got %d", *v.s.Replicas)
	}
	switch r := v.s.Replicas; {
	case r == nil:
	case *r > limits.ConnectReplicas:
		v.errorf("spec.replicas", "replicas is %d; strimzi-render renders at most %d workers per KafkaConnect", *r, limits.ConnectReplicas)
	case int(*r)*v.workerBytes() > limits.RepeatedBytes:
		v.errorf("spec.replicas", "with %d replicas the workers would repeat %d bytes of the spec (%d bytes as JSON each); strimzi-render renders at most %d",
			*r, int(*r)*v.workerBytes(), v.workerBytes(), limits.RepeatedBytes)
	}
	m := &Model{cr: v.cr, spec: v.s}
	for _, f := range []struct{ path, value, key string }{
		{"spec.bootstrapServers", v.s.BootstrapServers, ""},
		{"spec.groupId", v.s.GroupID, "group.id"},
		{"spec.configStorageTopic", v.s.ConfigStorageTopic, "config.storage.topic"},
		{"spec.statusStorageTopic", v.s.StatusStorageTopic, "status.storage.topic"},
		{"spec.offsetStorageTopic", v.s.OffsetStorageTopic, "offset.storage.topic"},
	} {
		if f.value == "" && (f.key == "" || m.topLevelOrConfig("", f.key) == "") {
			v.errorf(f.path, "%s is required", f.path)
		}
	}
}

// workerBytes is the size, as JSON, of the spec each worker pod repeats:
// all of it but the configuration, logging, metrics and build, which go
// into one ConfigMap or build.
func (v *validator) workerBytes() int {
	s := *v.s
	s.Logging, s.MetricsConfig, s.Build = nil, nil, nil
	b, _ := json.Marshal(s)
	return len(b)
}

func (v *validator) version() {
	if v.s.Image != "" { // a build starts FROM the version's image too
		return
	}
	version := v.s.Version
	if version == "" {
		version = v.cfg.Images.DefaultKafkaVersion
	}
	if _, ok := v.cfg.Images.KafkaConnect[version]; !ok {
		supported := slices.Sorted(maps.Keys(v.cfg.Images.KafkaConnect))
		v.errorf("spec.version", "Kafka version %s is not supported. Supported versions are: %s.", version, strings.Join(supported, ", "))
	}
}

// plugins rejects what Strimzi would pass on to a pod Kubernetes refuses.
func (v *validator) plugins() {
	seenNames := map[string]int{}
	seenVolumes := map[string]string{}
	for i, p := range v.s.Plugins {
		at := fmt.Sprintf("spec.plugins[%d]", i)
		switch {
		case !pluginName.MatchString(p.Name):
			v.errorf(at+".name", "plugin name %q must match %s", p.Name, pluginName)
		case strings.Contains(p.Name, "_"):
			v.errorf(at+".name", "plugin name %q contains '_': its volume name would not be a valid Kubernetes volume name, and Strimzi would mount it under another name", p.Name)
		}
		if j, dup := seenNames[p.Name]; dup {
			v.errorf(at+".name", "plugin name %q is already used by spec.plugins[%d]; plugin names must be unique", p.Name, j)
		}
		seenNames[p.Name] = i
		for j, a := range p.Artifacts {
			aat := fmt.Sprintf("%s.artifacts[%d]", at, j)
			if a.Type != "image" {
				v.errorf(aat+".type", "artifact type %q is not supported: spec.plugins artifacts are of type image", a.Type)
			}
			v.ps = append(v.ps, volumes.CheckImage(a.Reference, a.PullPolicy, aat)...)
			name := volumes.PluginVolumeName(p.Name, a.Reference)
			if len(name) > validation.DNS1123LabelMaxLength {
				v.errorf(aat, "volume name %s is longer than %d characters: shorten the plugin name", name, validation.DNS1123LabelMaxLength)
			}
			if prev, dup := seenVolumes[name]; dup {
				v.errorf(aat+".reference", "artifact %q duplicates %s: both would mount volume %s", a.Reference, prev, name)
			}
			seenVolumes[name] = aat
		}
	}
}

func (v *validator) templates() {
	t := v.s.Template
	if t == nil {
		return
	}
	if t.Pod != nil {
		v.userMerged("spec.template.pod.metadata.labels", t.Pod.Metadata.Labels)
		v.userMerged("spec.template.pod.metadata.annotations", t.Pod.Metadata.Annotations)
		if s := t.Pod.TmpDirSizeLimit; s != "" {
			if _, err := resource.ParseQuantity(s); err != nil {
				v.errorf("spec.template.pod.tmpDirSizeLimit", "%q is not a quantity", s)
			}
		}
	}
	if t.PodSet != nil {
		v.additive("spec.template.podSet.metadata.labels", t.PodSet.Metadata.Labels)
		v.userMerged("spec.template.podSet.metadata.annotations", t.PodSet.Metadata.Annotations)
	}
	if t.APIService != nil {
		v.userMerged("spec.template.apiService.metadata.labels", t.APIService.Metadata.Labels)
		v.userMerged("spec.template.apiService.metadata.annotations", t.APIService.Metadata.Annotations)
	}
	for path, tm := range map[string]*strimzi.ResourceTemplate{
		"spec.template.serviceAccount": t.ServiceAccount, "spec.template.clusterRoleBinding": t.ClusterRoleBinding,
	} {
		if tm != nil {
			v.additive(path+".metadata.labels", tm.Metadata.Labels)
		}
	}
	if t.HeadlessService != nil {
		v.additive("spec.template.headlessService.metadata.labels", t.HeadlessService.Metadata.Labels)
	}
	if t.PodDisruptionBudget != nil {
		v.additive("spec.template.podDisruptionBudget.metadata.labels", t.PodDisruptionBudget.Metadata.Labels)
	}
	v.volumes()
}

func (v *validator) userMerged(path string, m map[string]string) {
	if bad := labels.StrimziKeys(m); len(bad) > 0 {
		v.errorf(path, "%s", labels.MsgStrimziInUser(bad))
	}
}

func (v *validator) additive(path string, m map[string]string) {
	if bad := labels.ReservedLabels(m); len(bad) > 0 {
		v.errorf(path, "%s", labels.MsgStrimziLabelOnCR)
	}
}

// volumes checks template volumes against the pod's generated volumes, in
// Strimzi's order, and the container mounts against all of them.
func (v *validator) volumes() {
	t := v.s.Template
	m := &Model{cr: v.cr, spec: v.s, cfg: v.cfg, tmpl: *t}
	existing := []string{volumes.KubeAPIAccess, volumes.Tmp, ConfigVolume}
	if m.rackTopologyKey() != "" {
		existing = append(existing, volumes.Rack)
	}
	if v.s.Build == nil {
		for _, p := range v.s.Plugins {
			for _, a := range p.Artifacts {
				existing = append(existing, volumes.PluginVolumeName(p.Name, a.Reference))
			}
		}
	}
	var podVolumes, templated []strimzi.AdditionalVolume
	if t.Pod != nil {
		podVolumes, templated = t.Pod.Volumes, t.Pod.TemplatedVolumes
	}
	v.ps = append(v.ps, volumes.CheckVolumes(podVolumes, existing, "spec.template.pod.volumes", false)...)
	for _, av := range podVolumes {
		existing = append(existing, av.Name)
	}
	v.ps = append(v.ps, volumes.CheckVolumes(templated, existing, "spec.template.pod.templatedVolumes", true)...)
	for _, av := range templated {
		existing = append(existing, av.Name)
	}
	if v.s.Storage != nil {
		existing = append(existing, StorageVolume)
	}
	if c := t.ConnectContainer; c != nil {
		v.ps = append(v.ps, volumes.CheckMounts(c.VolumeMounts, existing, "spec.template.connectContainer.volumeMounts")...)
	}
	if c := t.InitContainer; c != nil {
		v.ps = append(v.ps, volumes.CheckMounts(c.VolumeMounts, existing, "spec.template.initContainer.volumeMounts")...)
	}
}

// storage checks the renderer-only shared storage.
func (v *validator) storage() {
	st := v.s.Storage
	if st == nil {
		return
	}
	if st.Type != "persistent-claim" {
		v.errorf("spec.storage.type", "storage type %q is not supported: the shared Connect storage is of type persistent-claim", st.Type)
	}
	if st.Size == "" {
		v.errorf("spec.storage.size", "The size is mandatory for a persistent-claim storage (KafkaConnect.spec.storage)")
	} else if _, err := resource.ParseQuantity(st.Size); err != nil {
		v.errorf("spec.storage.size", "%q is not a quantity", st.Size)
	}
	mode := StorageAccessMode(st)
	switch mode {
	case corev1.ReadWriteMany, corev1.ReadOnlyMany:
	case corev1.ReadWriteOnce, corev1.ReadWriteOncePod:
		if replicas := (&Model{spec: v.s, cr: v.cr}).replicas(); replicas > 1 {
			v.warnf("spec.storage.accessMode", "accessMode %s lets only one node (ReadWriteOnce) or pod (ReadWriteOncePod) use the claim, but spec.replicas is %d: workers elsewhere will not start", mode, replicas)
		}
	default:
		v.errorf("spec.storage.accessMode", "accessMode %q is not one of ReadWriteMany, ReadOnlyMany, ReadWriteOnce, ReadWriteOncePod", st.AccessMode)
	}
	path := StorageMountPath(st)
	switch {
	case !strings.HasPrefix(path, "/"):
		v.errorf("spec.storage.mountPath", "mount path %q must be absolute", path)
	case slices.Contains(strings.Split(path, "/"), ".."):
		v.errorf("spec.storage.mountPath", "mount path %q must not contain '..'", path)
	case v.keep && !strings.HasPrefix(path, volumes.AllowedMountPrefix):
		v.errorf("spec.storage.mountPath", "mount path %q must start with /mnt when custom resources are kept: the kept KafkaConnect carries the claim as template.pod.volumes and template.connectContainer.volumeMounts, where Strimzi only allows paths under /mnt", path)
	}
	for _, reserved := range []string{volumes.TmpMountPath, ConfigMountPath, volumes.KubeAPIAccessMountPath, "/opt/kafka/plugins", volumes.RackMountPath} {
		p, r := strings.TrimSuffix(path, "/"), strings.TrimSuffix(reserved, "/")
		if p == r {
			v.errorf("spec.storage.mountPath", "mount path %q is already used by Strimzi", path)
			break
		}
		if strings.HasPrefix(r, p+"/") {
			v.errorf("spec.storage.mountPath", "mount path %q would hide %s, which Strimzi mounts", path, reserved)
			break
		}
	}
	if t := v.s.Template; t != nil && t.Pod != nil {
		for i, av := range t.Pod.Volumes {
			if av.Name == StorageVolume {
				v.errorf(fmt.Sprintf("spec.template.pod.volumes[%d].name", i), "volume name %q is used by spec.storage", StorageVolume)
			}
		}
	}
}

// externalInputs checks that ConfigMaps the output copies from are inputs.
func (v *validator) externalInputs() {
	v.ps = append(v.ps, logging.CheckExternal(v.s.Logging, v.in.ConfigMapData, v.cr.Namespace, "spec.logging")...)
	v.ps = append(v.ps, metrics.CheckConfig(v.s.MetricsConfig, v.in.ConfigMapData, v.cr.Namespace, "spec.metricsConfig")...)
	if r := v.s.Rack; r != nil {
		switch {
		case (r.Type == "" || r.Type == RackTopologyLabel) && r.TopologyKey == "":
			v.errorf("spec.rack.topologyKey", "topologyKey is required for rack type topology-label")
		case r.Type == RackEnvVar && r.EnvVarName == "":
			v.errorf("spec.rack.envVarName", "envVarName is required for rack type environment-variable")
		}
	}
}

// secrets checks secret references and warns about Secrets only the operator
// would create.
func (v *validator) secrets() {
	needNs := false
	if t := v.s.TLS; t != nil {
		for i, c := range t.TrustedCertificates {
			needNs = true
			if c.SecretName == "" || (c.Certificate == "" && c.Pattern == "") {
				v.errorf(fmt.Sprintf("spec.tls.trustedCertificates[%d]", i), "secretName and one of certificate or pattern are required")
			}
		}
		if v.in.DirectTrust {
			// The config provider reads one named key per reference.
			for i, c := range t.TrustedCertificates {
				if c.Pattern != "" && c.Certificate == "" {
					v.errorf(fmt.Sprintf("spec.tls.trustedCertificates[%d].pattern", i),
						"a pattern needs the operator, which copies the matching certificates; with cert-manager certificates the workers read each certificate from its Secret: name its key in certificate")
				}
			}
		} else if len(t.TrustedCertificates) > 0 {
			v.warnf("spec.tls.trustedCertificates", "Secret %s with key ca.crt must exist in the cluster: the operator builds it from the trusted certificates, strimzi-render cannot", names.ConnectTLSTrustedCerts(v.cr.Name))
		}
	}
	if a := v.s.Authentication; a != nil {
		needNs = true
		switch a.Type {
		case AuthTLS:
			if a.CertificateAndKey == nil || a.CertificateAndKey.SecretName == "" || a.CertificateAndKey.Certificate == "" || a.CertificateAndKey.Key == "" {
				v.errorf("spec.authentication.certificateAndKey", "TLS Client authentication selected, but no certificate and key configured.")
			}
		case AuthScramSHA256, AuthScramSHA512, AuthPlain:
			if a.Username == "" || a.PasswordSecret == nil || a.PasswordSecret.SecretName == "" || a.PasswordSecret.Password == "" {
				v.errorf("spec.authentication", "%s authentication selected, but username or password configuration is missing.", strings.ToUpper(a.Type))
			}
		case AuthCustom:
		default:
			v.errorf("spec.authentication.type", "authentication type %q is not one of tls, scram-sha-256, scram-sha-512, plain, custom", a.Type)
		}
	}
	if needNs && v.cr.Namespace == "" {
		v.errorf("metadata.namespace", "a namespace is required with TLS or authentication, as the workers read Secrets as <namespace>/<name>: %s", config.NamespaceHint)
	}
	if j := v.s.JmxOptions; j != nil && j.Authentication != nil && j.Authentication.Type == "password" {
		v.warnf("spec.jmxOptions.authentication", "Secret %s with keys jmx-username and jmx-password must exist in the cluster: the operator generates it with random credentials, strimzi-render does not", names.ConnectJMXSecret(v.cr.Name))
	}
	if m := (&Model{cr: v.cr, spec: v.s}); m.rackTopologyKey() != "" {
		v.warnf("spec.rack", "ClusterRole %s must exist in the cluster (Strimzi installs it): the rendered ClusterRoleBinding grants it to the rack init container", KafkaClientClusterRole)
	}
}
