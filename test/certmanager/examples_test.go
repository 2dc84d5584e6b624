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
	cas, err := InputCAs(in.files...)
	require.NoError(t, err)
	require.NotEmpty(t, cas, "the input puts a Kafka into cert-manager mode")
	issuers := map[string]*CA{}
	for _, ca := range cas {
		require.NotEmpty(t, ca.IssuerName, "%s %s: issuerRef.name", ca.Kafka, ca.Which)
		require.NotEmpty(t, ca.CASecret, "%s %s: caCert.secretName", ca.Kafka, ca.Which)
		if issuers[ca.Key()] == nil {
			issuers[ca.Key()], err = NewCA(ca.Key())
			require.NoError(t, err)
		}
	}
	objs := mustRender(t, nil, in.files...)
	rep := Verify(objs, cas, issuers)
	for _, p := range rep.Problems {
		t.Error(p)
	}
	t.Logf("%s: %d Certificates issued, %d Secret references resolved, %d nodes, %d handshakes, clusters %q",
		in.name, rep.Certificates, rep.Refs, rep.Nodes, rep.Handshakes, Clusters(objs))
	require.Positive(t, rep.Certificates, "Certificates rendered")
	require.Positive(t, rep.Nodes, "nodes found")
	require.Positive(t, rep.Handshakes, "handshakes run")
	return rep
}

// TestExamples verifies every example in cert-manager mode.
func TestExamples(t *testing.T) {
	inputs := exampleInputs(t)
	if len(inputs) == 0 {
		t.Skip("no example in examples/ sets type: cert-manager.io yet")
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) { verifyInput(t, in) })
	}
}

// TestVerifyCatches breaks a rendered example in three ways Verify must
// see: a Certificate missing, a node advertising a name its certificate
// does not hold, and a Role that no longer grants a Secret.
func TestVerifyCatches(t *testing.T) {
	inputs := exampleInputs(t)
	if len(inputs) == 0 {
		t.Skip("no example in examples/ sets type: cert-manager.io yet")
	}
	in := inputs[0]
	cas, err := InputCAs(in.files...)
	require.NoError(t, err)
	issuers := map[string]*CA{}
	for _, ca := range cas {
		if issuers[ca.Key()] == nil {
			issuers[ca.Key()], err = NewCA(ca.Key())
			require.NoError(t, err)
		}
	}
	objs := mustRender(t, nil, in.files...)
	require.Empty(t, Verify(objs, cas, issuers).Problems)

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
		return strings.Join(Verify(objs, cas, issuers).Problems, "\n")
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
