package kafkaexporter

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/certmanager"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// In cert-manager mode the exporter mounts cert-manager's Secret and the
// user's CA Secret under the file names kafka_exporter_run.sh reads, and
// nothing is left for a warning.
func TestCertManagerVolumes(t *testing.T) {
	in := testInputs()
	in.CertManager = &CertManagerCA{CA: certmanager.CA{Issuer: certmanager.IssuerRef{Name: "i", Kind: "Issuer"}}, TrustSecret: "my-ca", TrustKey: "bundle.pem"}
	m := New(&strimzi.KafkaExporterSpec{}, in, testConfig(t, config.PodSecurityBaseline))
	require.NotNil(t, m)
	vols, _ := m.volumes()
	secrets := map[string]*corev1.SecretVolumeSource{}
	for _, v := range vols {
		if v.Secret != nil {
			secrets[v.Name] = v.Secret
		}
	}
	assert.Equal(t, "my-cluster-kafka-exporter-certs-cm", secrets["kafka-exporter-certs"].SecretName)
	assert.Equal(t, []corev1.KeyToPath{{Key: "tls.crt", Path: "kafka-exporter.crt"}, {Key: "tls.key", Path: "kafka-exporter.key"}}, secrets["kafka-exporter-certs"].Items)
	assert.Equal(t, "my-ca", secrets["cluster-ca-certs"].SecretName)
	assert.Equal(t, []corev1.KeyToPath{{Key: "bundle.pem", Path: "cluster-ca.crt"}}, secrets["cluster-ca-certs"].Items)
	assert.Equal(t, "my-cluster-kafka-exporter-certs", m.Certificate().Name)
	assert.Empty(t, m.Note())
}
