package crdschema

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// TestAgainstAPIServerValidator runs every v1 case the API server can read
// through its own code (test/kubevalidate, which validates custom
// resources with apiextensions-apiserver) and expects the problems CheckAll finds,
// but for the differences the package documents. It needs the validator's
// command, which is built from the Kubernetes sources:
//
//	cd test/kubevalidate && go build -o /tmp/kubevalidate ./cmd/kubevalidate
//	STRIMZI_RENDER_KUBEVALIDATE=/tmp/kubevalidate go test ./fn/crdschema -run APIServer
func TestAgainstAPIServerValidator(t *testing.T) {
	bin := os.Getenv("STRIMZI_RENDER_KUBEVALIDATE")
	if bin == "" {
		t.Skip("set STRIMZI_RENDER_KUBEVALIDATE to test/kubevalidate's command to compare with the API server's validation")
	}
	crds := filepath.Join(strimziDir(t), "crds")
	var cases []checkCase
	for _, table := range [][]checkCase{unknownFieldCases, typeCases, valueCases, oneOfCases, ruleCases, scaleCases} {
		for _, c := range table {
			if !unreadable(parse(t, resourceText("v1", c.kind, c.spec)).YNode()) {
				cases = append(cases, c)
			}
		}
	}
	var input bytes.Buffer
	for i, c := range cases {
		fmt.Fprintf(&input, "---\n%s", strings.Replace(resourceText("v1", c.kind, c.spec), "name: my", fmt.Sprintf("name: case%d", i), 1))
	}
	file := filepath.Join(t.TempDir(), "cases.yaml")
	require.NoError(t, os.WriteFile(file, input.Bytes(), 0o644))
	out, err := exec.Command(bin, "--crds", crds, file).Output()
	if exitErr, ok := err.(*exec.ExitError); !ok || exitErr.ExitCode() != 1 {
		require.NoError(t, err, "the validator failed: %s", exitErr.Stderr)
	}
	server := serverProblems(t, out)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sameProblems(t, server[fmt.Sprintf("case%d", i)], CheckAll(parse(t, resourceText("v1", c.kind, c.spec))))
		})
	}
}

// TestGoldenInputsAgainstAPIServerValidator does the same with every v1
// custom resource of the golden inputs and examples that the validator can
// read, each renamed so that its lines can be told
// apart. The API server's checks of names and other metadata values, which
// the package leaves to the renderer, are left out, and so is the
// extension KafkaConnect spec.storage.
func TestGoldenInputsAgainstAPIServerValidator(t *testing.T) {
	bin := os.Getenv("STRIMZI_RENDER_KUBEVALIDATE")
	if bin == "" {
		t.Skip("set STRIMZI_RENDER_KUBEVALIDATE to test/kubevalidate's command to compare with the API server's validation")
	}
	crds := filepath.Join(strimziDir(t), "crds")
	dir := t.TempDir()
	resources := map[string]*yaml.RNode{}
	args := []string{"--crds", crds}
	for _, f := range goldenInputs(t) {
		for _, n := range readResources(t, f) {
			if _, ok := kinds[n.GetKind()]; !ok || n.GetApiVersion() != "kafka.strimzi.io/v1" || unreadable(n.YNode()) {
				continue
			}
			name := fmt.Sprintf("g%d", len(resources))
			n = n.Copy()
			if n.SetName(name) != nil || n.SetNamespace("ns") != nil {
				continue
			}
			resources[name] = n
			file := filepath.Join(dir, name+".yaml")
			require.NoError(t, os.WriteFile(file, []byte(n.MustString()), 0o644))
			args = append(args, file)
		}
	}
	out, err := exec.Command(bin, args...).Output()
	if exitErr, ok := err.(*exec.ExitError); !ok || exitErr.ExitCode() != 1 {
		require.NoError(t, err, "the validator failed: %s", exitErr.Stderr)
	}
	server := serverProblems(t, out)
	for name, n := range resources {
		var theirs []results.Problem
		for _, p := range server[name] {
			if p.Path == "metadata" || !strings.HasPrefix(p.Path, "metadata.") || p.Message == "unknown field" {
				if !(n.GetKind() == "KafkaConnect" && p.Path == "spec.storage") {
					theirs = append(theirs, p)
				}
			}
		}
		t.Run(name, func(t *testing.T) { sameProblems(t, theirs, CheckAll(n)) })
	}
	t.Logf("%d custom resources compared", len(resources))
}

// unreadable: the validator refuses aliases it finds excessive, keys
// given twice, merged ones too, and numbers JSON cannot hold, as kubectl does.
func unreadable(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.ShortTag() == yaml.MergeTag {
		return true
	}
	if !representable(n) {
		return true
	}
	if n.Kind == yaml.MappingNode {
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if seen[n.Content[i].Value] {
				return true
			}
			seen[n.Content[i].Value] = true
		}
	}
	return slices.ContainsFunc(n.Content, unreadable)
}

// sameProblems expects the API server's problems and ours to agree.
func sameProblems(t *testing.T, theirs, ours []results.Problem) {
	t.Helper()
	if len(theirs) == 1 && theirs[0].Path == "metadata" {
		// Metadata that does not decode stops the API server there;
		// CheckAll goes on, and names the field that does not fit.
		i := slices.IndexFunc(ours, func(o results.Problem) bool { return o.Message == theirs[0].Message })
		require.GreaterOrEqual(t, i, 0, "the metadata error %q", theirs[0].Message)
		theirs[0].Path, ours = ours[i].Path, ours[i:i+1]
	}
	assert.Empty(t, unmatched(theirs, ours), "the API server's problems that CheckAll lacks, and the other way round")
}

// serverLine is "<apiVersion>/<kind> [<namespace>/]<name>: <path>: <message>".
var serverLine = regexp.MustCompile(`^\S+ (?:\S*/)?([^/\s:]+): (\S+): (.*)$`)

// serverProblems reads the validator's lines by resource name, leaving
// out what the package documents it does not report.
func serverProblems(t *testing.T, out []byte) map[string][]results.Problem {
	byName := map[string][]results.Problem{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		m := serverLine.FindStringSubmatch(line)
		require.NotNil(t, m, "a line of the validator: %q", line)
		name, path, msg := m[1], m[2], m[3]
		switch {
		case strings.Contains(msg, "some validation rules were not checked"),
			strings.Contains(msg, "accessor error"),
			strings.HasPrefix(msg, `Invalid value: "": Checked value must be of type`):
			continue // follow-on errors of a problem already reported
		case path == "<nil>":
			path = regexp.MustCompile(`^Invalid value: "": "([^"]*)"`).FindStringSubmatch(msg)[1]
		}
		byName[name] = append(byName[name], results.Problem{Path: strings.TrimPrefix(path, "."), Message: msg})
	}
	return byName
}

// unmatched pairs the server's problems with ours, whose messages may add
// a hint, and whose unknown fields name themselves; it returns the rest.
func unmatched(server, ours []results.Problem) []string {
	var rest []string
	for _, s := range server {
		i := slices.IndexFunc(ours, func(o results.Problem) bool {
			return o.Path == s.Path && (o.Message == s.Message || strings.HasPrefix(o.Message, s.Message+": ") ||
				s.Message == "unknown field" && strings.HasPrefix(o.Message, fmt.Sprintf("unknown field %q", o.Path)))
		})
		if i < 0 {
			rest = append(rest, "server: "+s.Path+": "+s.Message)
			continue
		}
		ours = slices.Delete(ours, i, i+1)
	}
	for _, o := range ours {
		rest = append(rest, "ours: "+o.Path+": "+o.Message)
	}
	return rest
}
