package connect

import (
	"fmt"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/jaas"
	"github.com/strimzi-render/strimzi-render/fn/jvm"
	"github.com/strimzi-render/strimzi-render/fn/labels"
	"github.com/strimzi-render/strimzi-render/fn/properties"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// printedConfigKeys are the keys of spec.config whose values Strimzi prints
// as they are in kafka-connect.properties, instead of escaping them.
var printedConfigKeys = []string{"config.providers",
	"metric.reporters", "admin.metric.reporters", "producer.metric.reporters", "consumer.metric.reporters"}

// text refuses the user strings that reach kafka-connect.properties, the
// JAAS login, a JVM option or a node label as they are, and could there say
// more than their field: a line break that starts a line of its own, a
// trailing backslash that joins the next line, a quote that ends the JAAS
// value, a blank that splits a JVM option in two.
func (v *validator) text() {
	s := v.s
	v.ps = append(v.ps, properties.CheckRawValueAt("spec.bootstrapServers", s.BootstrapServers)...)
	m := &Model{cr: v.cr, spec: s}
	for _, f := range []struct{ path, value, key string }{
		{"spec.groupId", s.GroupID, "group.id"},
		{"spec.configStorageTopic", s.ConfigStorageTopic, "config.storage.topic"},
		{"spec.statusStorageTopic", s.StatusStorageTopic, "status.storage.topic"},
		{"spec.offsetStorageTopic", s.OffsetStorageTopic, "offset.storage.topic"},
	} {
		if f.value == "" { // v1beta2 resources may set them in spec.config
			f.path, f.value = "spec.config."+f.key, m.topLevelOrConfig("", f.key)
		}
		v.ps = append(v.ps, properties.CheckRawValueAt(f.path, f.value)...)
	}
	for _, key := range printedConfigKeys {
		if value, ok := m.userConfigValue(key); ok {
			v.ps = append(v.ps, properties.CheckRawValueAt("spec.config."+key, value)...)
		}
	}
	if a := s.Authentication; a != nil {
		v.authenticationText(a)
	}
	v.ps = append(v.ps, jvm.Check(s.JvmOptions, "spec.jvmOptions")...)
	if r := s.Rack; r != nil {
		if r.TopologyKey != "" {
			for _, msg := range validation.IsQualifiedName(r.TopologyKey) {
				v.errorf("spec.rack.topologyKey", "%q is not a node label key: %s", r.TopologyKey, msg)
			}
		}
		if r.EnvVarName != "" {
			for _, msg := range validation.IsEnvVarName(r.EnvVarName) {
				v.errorf("spec.rack.envVarName", "%q is not an environment variable name: %s", r.EnvVarName, msg)
			}
		}
	}
	filter, _ := labels.NewFilter(v.cfg.LabelsExclusionPattern) // validated with the config
	v.ps = append(v.ps, labels.CheckMetadata("metadata", filter.Apply(v.cr.Labels), nil)...)
	v.ps = append(v.ps, labels.CheckTemplates(s.Template, "spec.template")...)
	if t := s.TLS; t != nil {
		for i, c := range t.TrustedCertificates {
			v.secretKey(fmt.Sprintf("spec.tls.trustedCertificates[%d]", i), c.SecretName, "certificate", c.Certificate)
		}
	}
}

// authenticationText checks what the authentication writes into the JAAS
// login and the config provider references.
func (v *validator) authenticationText(a *strimzi.ClientAuthentication) {
	if a.Username != "" {
		if err := jaas.CheckQuotable(a.Username); err != nil {
			v.errorf("spec.authentication.username", "%v", err)
		}
	}
	if ck := a.CertificateAndKey; ck != nil {
		v.secretKey("spec.authentication.certificateAndKey", ck.SecretName, "certificate", ck.Certificate)
		v.secretKey("spec.authentication.certificateAndKey", "", "key", ck.Key)
	}
	if ps := a.PasswordSecret; ps != nil {
		v.secretKey("spec.authentication.passwordSecret", ps.SecretName, "password", ps.Password)
	}
	if a.Type == AuthCustom {
		for _, k := range sortedKeys(a.Config) {
			v.ps = append(v.ps, properties.CheckRawValueAt("spec.authentication.config."+k, fmt.Sprint(a.Config[k]))...)
		}
	}
}

// secretKey checks a Secret name and one of its keys, which the workers
// read through ${strimzisecrets:<namespace>/<name>:<key>}: they must be
// names Kubernetes gives a Secret and its keys.
func (v *validator) secretKey(at, name, keyField, key string) {
	if name != "" {
		for _, msg := range validation.IsDNS1123Subdomain(name) {
			v.errorf(at+".secretName", "%q is not a Secret name: %s", name, msg)
		}
	}
	if key != "" {
		for _, msg := range validation.IsConfigMapKey(key) {
			v.errorf(at+"."+keyField, "%q is not a Secret key: %s", key, msg)
		}
	}
}
