package certmanager

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// input is one render: the standalone command's arguments (the function
// config first) and the files holding the Kafkas and the config.
type input struct {
	name  string
	files []string
	// resourceList: files[0] is a KRM ResourceList, rendered as kpt and
	// kustomize run the function.
	resourceList bool
}

func (in input) render(t *testing.T) []Object {
	t.Helper()
	if !in.resourceList {
		return mustRender(t, nil, in.files...)
	}
	bin, err := renderer()
	require.NoError(t, err)
	objs, err := RenderResourceList(bin, in.files[0])
	require.NoError(t, err)
	return objs
}

// goldenInputs are the golden cases in cert-manager mode that render
// without errors, and this module's own inputs.
func goldenInputs(t *testing.T) []input {
	var out []input
	dirs, _ := filepath.Glob(filepath.Join(RepositoryRoot(), "testdata", "*", "*"))
	sort.Strings(dirs)
	for _, dir := range dirs {
		in, err := os.ReadFile(filepath.Join(dir, "input.yaml"))
		if err != nil || !strings.Contains(string(in), "type: cert-manager.io") {
			continue
		}
		expected, err := os.ReadFile(filepath.Join(dir, "expected.yaml"))
		// Kept resources leave the Certificates to the operator.
		if err != nil || strings.Contains(string(expected), "severity: error") || strings.Contains(string(in), "keepCustomResources: true") {
			continue
		}
		rel, _ := filepath.Rel(filepath.Join(RepositoryRoot(), "testdata"), dir)
		out = append(out, input{name: "testdata/" + filepath.ToSlash(rel), files: []string{filepath.Join(dir, "input.yaml")}, resourceList: true})
	}
	own, _ := filepath.Glob("testdata/*.yaml")
	sort.Strings(own)
	for _, f := range own {
		out = append(out, input{name: f, files: []string{f}, resourceList: true})
	}
	return out
}

// exampleInputs finds the examples that use cert-manager mode: fn.yaml and
// the YAML files beside it or in base/.
func exampleInputs(t *testing.T) []input {
	root := filepath.Join(RepositoryRoot(), "examples")
	dirs, err := os.ReadDir(root)
	require.NoError(t, err)
	var out []input
	for _, d := range dirs {
		dir := filepath.Join(root, d.Name())
		fn := filepath.Join(dir, "fn.yaml")
		if _, err := os.Stat(fn); err != nil {
			continue
		}
		files := []string{fn}
		mentions := false
		for _, sub := range []string{dir, filepath.Join(dir, "base")} {
			matches, _ := filepath.Glob(filepath.Join(sub, "*.yaml"))
			sort.Strings(matches)
			for _, m := range matches {
				base := filepath.Base(m)
				if base == "kustomization.yaml" || m == fn {
					continue
				}
				files = append(files, m)
			}
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			if strings.Contains(string(b), "type: cert-manager.io") {
				mentions = true
			}
		}
		if mentions {
			out = append(out, input{name: d.Name(), files: files})
		}
	}
	return out
}

// verifyInput renders an input, issues its Certificates with one test CA
// per issuer and runs every check.
func verifyInput(t *testing.T, in input) *Report {
	t.Helper()
	inputs, err := NewInputs(in.files...)
	require.NoError(t, err)
	require.NotEmpty(t, inputs.CAs, "the input puts a Kafka into cert-manager mode")
	for _, ca := range inputs.CAs {
		require.NotEmpty(t, ca.IssuerName, "%s %s: issuerRef.name", ca.Kafka, ca.Which)
		require.NotEmpty(t, ca.CASecret, "%s %s: caCert.secretName", ca.Kafka, ca.Which)
	}
	objs := in.render(t)
	rep := Verify(objs, inputs)
	for _, p := range rep.Problems {
		t.Error(p)
	}
	t.Logf("%s: %d Certificates issued, %d Secret references resolved, %d nodes, %d handshakes (%d from Connect), clusters %q",
		in.name, rep.Certificates, rep.Refs, rep.Nodes, rep.Handshakes, rep.ConnectHandshakes, Clusters(objs))
	require.Positive(t, rep.Certificates, "Certificates rendered")
	require.Positive(t, rep.Nodes, "nodes found")
	require.Positive(t, rep.Handshakes, "handshakes run")
	return rep
}

// TestGoldenInputs verifies the golden cases in cert-manager mode and this
// module's own inputs (testdata/).
func TestGoldenInputs(t *testing.T) {
	inputs := goldenInputs(t)
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			rep := verifyInput(t, in)
			if strings.Contains(in.name, "connect") {
				require.Positive(t, rep.ConnectHandshakes, "Connect's handshakes")
			}
		})
	}
}

// TestExamples verifies every example in cert-manager mode.
func TestExamples(t *testing.T) {
	inputs := exampleInputs(t)
	var names []string
	for _, in := range inputs {
		names = append(names, in.name)
	}
	require.Subset(t, names, []string{"kafka-node-pools-cert-manager", "stretch-mcs-cert-manager"})
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			rep := verifyInput(t, in)
			if strings.HasPrefix(in.name, "stretch") {
				require.Greater(t, len(rep.Secrets), 1, "Secrets issued in more than one cluster")
			}
		})
	}
}

// TestVerifyCatches breaks a rendered example in three ways Verify must
// see: a Certificate missing, a node advertising a name its certificate
// does not hold, and a Role that no longer grants a Secret.
func TestVerifyCatches(t *testing.T) {
	inputs := goldenInputs(t)
	require.NotEmpty(t, inputs)
	in := inputs[0]
	verifyInputs, err := NewInputs(in.files...)
	require.NoError(t, err)
	objs := in.render(t)
	require.Empty(t, Verify(objs, verifyInputs).Problems)

	without := func(drop func(Object) bool) []Object {
		var out []Object
		dropped := false
		for _, o := range objs {
			if !dropped && drop(o) {
				dropped = true
				continue
			}
			out = append(out, o)
		}
		require.True(t, dropped)
		return out
	}
	problems := func(objs []Object) string {
		return strings.Join(Verify(objs, verifyInputs).Problems, "\n")
	}

	noCert := without(func(o Object) bool { return o.Kind == "Certificate" })
	require.Contains(t, problems(noCert), "no such Secret")

	noRole := without(func(o Object) bool { return o.Kind == "Role" && strings.HasSuffix(o.Name, "-kafka") })
	require.Contains(t, problems(noRole), "may not get it")

	var moved []Object
	done := false
	for _, o := range objs {
		text := GetString(o.Map, "data", "server.config")
		if !done && o.Kind == "ConfigMap" && strings.Contains(text, "advertised.listeners=") {
			done = true
			p := Properties(text)
			adv, err := AdvertisedListeners(p["advertised.listeners"])
			require.NoError(t, err)
			text = strings.ReplaceAll(text, adv[0].Host, "elsewhere.example.com")
			m := map[string]any{}
			for k, v := range o.Map {
				m[k] = v
			}
			m["data"] = map[string]any{"server.config": text}
			o.Map = m
		}
		moved = append(moved, o)
	}
	require.True(t, done)
	require.Contains(t, problems(moved), "dialled as elsewhere.example.com")
}

// TestConnectTrustCatches breaks Connect's truststore in the Connect golden
// case: the operator's copied Secret does not exist in cert-manager mode,
// and without the listener's CA the workers cannot reach the brokers.
func TestConnectTrustCatches(t *testing.T) {
	file := filepath.Join(RepositoryRoot(), "testdata", "certmanager", "connect-direct-trust", "input.yaml")
	in := input{name: "connect", files: []string{file}, resourceList: true}
	vin, err := NewInputs(file)
	require.NoError(t, err)
	objs := in.render(t)
	require.Empty(t, Verify(objs, vin).Problems)

	withProperties := func(edit func(string) string) []Object {
		var out []Object
		for _, o := range objs {
			if text := GetString(o.Map, "data", "kafka-connect.properties"); text != "" {
				m := map[string]any{}
				for k, v := range o.Map {
					m[k] = v
				}
				m["data"] = map[string]any{"kafka-connect.properties": edit(text)}
				o.Map = m
			}
			out = append(out, o)
		}
		return out
	}
	copied := withProperties(func(s string) string {
		return strings.ReplaceAll(s, `${strimzisecrets:kafka/my-ca:ca.crt}\n${strimzisecrets:kafka/listener-ca:ca.crt}`,
			"${strimzisecrets:kafka/my-connect-connect-tls-trusted-certs:ca.crt}")
	})
	require.Contains(t, strings.Join(Verify(copied, vin).Problems, "\n"), "my-connect-connect-tls-trusted-certs key ca.crt, read by ConfigMap kafka/my-connect-connect-config")

	clusterOnly := withProperties(func(s string) string {
		return strings.ReplaceAll(s, `\n${strimzisecrets:kafka/listener-ca:ca.crt}`, "")
	})
	require.Contains(t, strings.Join(Verify(clusterOnly, vin).Problems, "\n"), "certificate signed by unknown authority")
}
