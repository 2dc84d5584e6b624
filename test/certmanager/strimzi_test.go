package certmanager

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

// strimziDir holds Strimzi 1.2.0's examples, beside the repository and
// never copied in (docs/testing.md).
func strimziDir() string {
	dir := os.Getenv("STRIMZI_RENDER_STRIMZI_DIR")
	if dir == "" {
		dir = filepath.Join("..", "shared", "strimzi-1.2.0")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(RepositoryRoot(), dir)
	}
	return dir
}

// cmDefaults put both CAs of every Kafka into cert-manager mode through
// the function config, in the ConfigMap form's dotted paths.
var cmDefaults = "namespace=kafka" +
	";certificates.clusterCa.type=cert-manager.io" +
	";certificates.clusterCa.certManager.issuerRef.name=cluster-issuer" +
	";certificates.clusterCa.certManager.issuerRef.kind=Issuer" +
	";certificates.clusterCa.certManager.caCert.secretName=cluster-ca" +
	";certificates.clusterCa.certManager.caCert.certificate=ca.crt" +
	";certificates.clientsCa.type=cert-manager.io" +
	";certificates.clientsCa.certManager.issuerRef.name=clients-issuer" +
	";certificates.clientsCa.certManager.issuerRef.kind=ClusterIssuer" +
	";certificates.clientsCa.certManager.caCert.secretName=clients-ca" +
	";certificates.clientsCa.certManager.caCert.certificate=ca.crt"

// TestStrimziExamples renders each of Strimzi's Kafka examples with both
// CAs switched to cert-manager by the function config's default, and
// verifies it: the Entity Operator of each reads only what cert-manager
// and the user write.
func TestStrimziExamples(t *testing.T) {
	dir := filepath.Join(strimziDir(), "examples", "kafka")
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(files) == 0 {
		t.Skipf("Strimzi 1.2.0's examples not found at %s (set STRIMZI_RENDER_STRIMZI_DIR)", dir)
	}
	sort.Strings(files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in := &Inputs{Issuers: map[string]*CA{}}
			kafkas := kafkaNames(t, f)
			require.NotEmpty(t, kafkas)
			for _, k := range kafkas {
				in.CAs = append(in.CAs,
					CertManagerCA{Namespace: "kafka", Kafka: k, Which: "clusterCa", IssuerName: "cluster-issuer", IssuerKind: "Issuer", CASecret: "cluster-ca", CACertKey: "ca.crt"},
					CertManagerCA{Namespace: "kafka", Kafka: k, Which: "clientsCa", IssuerName: "clients-issuer", IssuerKind: "ClusterIssuer", CASecret: "clients-ca", CACertKey: "ca.crt"})
			}
			var err error
			for _, ca := range in.CAs {
				if in.Issuers[ca.Key()] == nil {
					in.Issuers[ca.Key()], err = NewCA(ca.Key())
					require.NoError(t, err)
				}
			}
			in.Other, err = NewCA("other")
			require.NoError(t, err)
			objs := mustRender(t, []string{"STRIMZI_RENDER_CONFIG=" + cmDefaults}, f)
			rep := Verify(objs, in)
			for _, p := range rep.Problems {
				t.Error(p)
			}
			t.Logf("%d Certificates issued, %d Secret references resolved, %d nodes, %d handshakes",
				rep.Certificates, rep.Refs, rep.Nodes, rep.Handshakes)
			require.Positive(t, rep.Certificates)
			require.Positive(t, rep.Handshakes)
		})
	}
}

func kafkaNames(t *testing.T, file string) []string {
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	objs, err := ParseStream(b)
	require.NoError(t, err)
	var out []string
	for _, o := range objs {
		if o.Kind == "Kafka" {
			out = append(out, o.Name)
		}
	}
	return out
}
