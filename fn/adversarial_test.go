package fn

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/fn/quote/quotetest"
)

// adversarialDir holds hostile and broken inputs in the golden format;
// TestGolden compares their output, TestAdversarial their invariants.
const adversarialDir = goldenDir + "/adversarial"

// TestAdversarial runs every hostile input and checks what must hold
// whatever the input: see checkInvariants and checkBuildQuoting.
func TestAdversarial(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join(adversarialDir, "*", "input.yaml"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(inputs), 40, "the adversarial suite has shrunk")
	for _, in := range inputs {
		t.Run(filepath.Base(filepath.Dir(in)), func(t *testing.T) {
			input, err := os.ReadFile(in)
			require.NoError(t, err)
			r := executeSafely(input)
			checkInvariants(t, input, r)
			checkBuildQuoting(t, r.out)
		})
	}
}

// TestAdversarialGenerated runs inputs too large to keep in testdata. Each
// must keep the invariants and produce output at most linear in its input.
func TestAdversarialGenerated(t *testing.T) {
	for name, c := range generatedCases {
		t.Run(name, func(t *testing.T) {
			input := c.input()
			r := executeSafely(input)
			checkInvariants(t, input, r)
			assert.LessOrEqual(t, len(r.out), 10*len(input)+1<<20, "output out of proportion to the input")
			if c.wantFailure {
				assert.Error(t, r.err)
			} else {
				assert.NoError(t, r.err)
			}
		})
	}
}

// BenchmarkAdversarial measures the generated inputs; none may take long.
func BenchmarkAdversarial(b *testing.B) {
	for name, c := range generatedCases {
		b.Run(name, func(b *testing.B) {
			input := c.input()
			b.SetBytes(int64(len(input)))
			b.ReportAllocs()
			for b.Loop() {
				if r := executeSafely(input); r.panicked != nil {
					b.Fatal(r.panicked)
				}
			}
		})
	}
}

type generatedCase struct {
	input       func() []byte
	wantFailure bool
}

var generatedCases = map[string]generatedCase{
	// Billion laughs: ten levels of ten aliases would expand to 10^10
	// strings; the YAML decoder refuses the spec.
	"alias bomb in a KafkaConnect": {input: func() []byte {
		return wrapItems(connectItem("bomb", indent(aliasBomb(10, 10), 4)))
	}, wantFailure: true},
	// Items the function does not own are never expanded, so they pass.
	"alias bomb in an unrelated item": {input: func() []byte {
		return wrapItems(connectItem("my-connect", ""), "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: bomb}\n"+indent(aliasBomb(10, 10), 2))
	}},
	"alias bomb in the functionConfig": {input: func() []byte {
		return []byte(string(wrapItems(connectItem("my-connect", ""))) +
			"functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: bomb}\n  data:\n" + indent(aliasBomb(10, 10), 4))
	}, wantFailure: true},
	// The YAML decoder stops at 10,000 levels; just below, the spec is
	// read and refused, and an unrelated item passes.
	"nesting beyond the decoder's limit": {input: func() []byte {
		return wrapItems(connectItem("deep", "    config: "+nested(10_001)+"\n"))
	}, wantFailure: true},
	"nesting at the limit in a KafkaConnect": {input: func() []byte {
		return wrapItems(connectItem("deep", "    config:\n      key: "+nested(9_990)+"\n"))
	}, wantFailure: true},
	"nesting at the limit in an unrelated item": {input: func() []byte {
		return wrapItems(connectItem("my-connect", ""), "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: deep}\n  data: "+nested(9_990)+"\n")
	}},
	"1 MB config value": {input: func() []byte {
		return wrapItems(connectItem("my-connect", "    config:\n      huge: "+strings.Repeat("x", 1<<20)+"\n"))
	}},
	"1 MB name": {input: func() []byte {
		return wrapItems(connectItem(strings.Repeat("a", 1<<20), ""))
	}, wantFailure: true},
	"5,000 image plugins": {input: func() []byte {
		var b strings.Builder
		b.WriteString("    plugins:\n")
		for i := range 5000 {
			b.WriteString("    - name: plugin-" + itoa(i) + "\n      artifacts: [{type: image, reference: \"ghcr.io/example/p:" + itoa(i) + "\"}]\n")
		}
		return wrapItems(connectItem("my-connect", b.String()))
	}},
	"2,000 build plugins": {input: func() []byte {
		var b strings.Builder
		b.WriteString("    build:\n      output: {type: docker, image: registry.example.com/c:latest}\n      plugins:\n")
		for i := range 2000 {
			b.WriteString("      - name: plugin-" + itoa(i) + "\n        artifacts:\n" +
				"        - {type: jar, url: \"https://repo.example.com/p/" + itoa(i) + ".jar\"}\n" +
				"        - {type: maven, group: org.example, artifact: a" + itoa(i) + ", version: \"1.0\"}\n")
		}
		return wrapItems(connectItem("my-connect", b.String()))
	}},
	"3,000 template volumes and mounts": {input: func() []byte {
		var vols, mounts strings.Builder
		for i := range 3000 {
			vols.WriteString("        - {name: v" + itoa(i) + ", emptyDir: {}}\n")
			mounts.WriteString("        - {name: v" + itoa(i) + ", mountPath: /mnt/v" + itoa(i) + "}\n")
		}
		return wrapItems(connectItem("my-connect", "    template:\n      pod:\n        volumes:\n"+vols.String()+
			"      connectContainer:\n        volumeMounts:\n"+mounts.String()))
	}},
	"200 copies of one KafkaConnect": {input: func() []byte {
		items := make([]string, 200)
		for i := range items {
			items[i] = connectItem("my-connect", "")
		}
		return wrapItems(items...)
	}, wantFailure: true},
	"2,000 unrelated items": {input: func() []byte {
		items := []string{connectItem("my-connect", "")}
		for i := range 2000 {
			items = append(items, "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c"+itoa(i)+", namespace: kafka}\n  data: {k: v}\n")
		}
		return wrapItems(items...)
	}},
}

// wrapItems wraps items, each a "- " YAML list entry, in a ResourceList.
func wrapItems(items ...string) []byte {
	return []byte("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n" + strings.Join(items, ""))
}

// connectItem is a valid KafkaConnect list entry; extra adds lines to its
// spec, indented by four spaces.
func connectItem(name, extra string) string {
	return "- apiVersion: kafka.strimzi.io/v1\n  kind: KafkaConnect\n  metadata:\n    name: " + name + "\n    namespace: kafka\n" +
		"  spec:\n    replicas: 1\n    bootstrapServers: my-cluster-kafka-bootstrap:9093\n    groupId: my-connect\n" +
		"    configStorageTopic: my-connect-configs\n    offsetStorageTopic: my-connect-offsets\n    statusStorageTopic: my-connect-status\n" + extra
}

// aliasBomb is a mapping of levels keys, each a list of width aliases of
// the one before.
func aliasBomb(levels, width int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [lol]\n")
	for i := 1; i < levels; i++ {
		b.WriteString("l" + itoa(i) + ": &l" + itoa(i) + " [")
		for j := range width {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	return b.String()
}

// nested is a flow mapping depth levels deep.
func nested(depth int) string {
	return strings.Repeat("{a: ", depth) + "x" + strings.Repeat("}", depth)
}

func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n"+pad) + "\n"
}

func itoa(i int) string { return strconv.Itoa(i) }

// dockerfileLine is every form of line the Dockerfile generator writes
// outside quotes. A user string that ends a line early makes a line of
// another form.
var dockerfileLine = []*regexp.Regexp{
	regexp.MustCompile(`^$`),
	regexp.MustCompile(`^#`),
	regexp.MustCompile(`^FROM \S+( AS downloadArtifacts)?$`),
	regexp.MustCompile(`^USER (root:root|1001)$`),
	regexp.MustCompile(`^ARG (http_proxy|https_proxy|no_proxy)=\S*$`),
	regexp.MustCompile(`^(RUN|COPY --from=downloadArtifacts|      &&)[ \\>|&]*$`),
}

// buildahLine is the program text of each line of the Buildah script, with
// the quoted words taken out and runs of spaces made one.
var buildahLine = map[string]bool{
	"buildah build --file=/dockerfile/Dockerfile --tag= --storage-driver=vfs":                           true,
	"buildah push --storage-driver=vfs --digestfile=/tmp/digest":                                        true,
	`echo "$(buildah images --storage-driver=vfs --format )@$(cat /tmp/digest)" > /dev/termination-log`: true,
}

// checkBuildQuoting asserts that no user string has left its quotes in a
// rendered build: every Dockerfile line has a form the generator writes,
// with only its own text outside quotes, and the Buildah script has only
// its own text outside quotes and parses (bash -n, where bash exists).
func checkBuildQuoting(t *testing.T, out []byte) {
	t.Helper()
	rl, err := parseResourceList(out)
	if err != nil {
		return
	}
	for _, item := range rl.items {
		if df, _ := item.Pipe(yaml.Lookup("data", "Dockerfile")); df != nil && item.GetKind() == "ConfigMap" {
			checkDockerfile(t, item.GetName(), yaml.GetValue(df))
		}
		if item.GetKind() != "Job" {
			continue
		}
		containers, _ := item.Pipe(yaml.Lookup("spec", "template", "spec", "containers"))
		elems, _ := containers.Elements()
		for _, c := range elems {
			words, _ := c.GetSlice("args")
			if len(words) == 3 && words[0] == "/bin/bash" {
				checkBuildahScript(t, words[2].(string))
			}
		}
	}
}

// checkDockerfile reports the first line of a Dockerfile that has no form
// the generator writes.
func checkDockerfile(t *testing.T, name, dockerfile string) {
	t.Helper()
	for i, line := range strings.Split(dockerfile, "\n") {
		form := line
		if strings.HasPrefix(line, "RUN ") || strings.HasPrefix(line, "      && ") || strings.HasPrefix(line, "COPY ") {
			form = quotetest.Unquoted(line)
		}
		if !matchesAny(dockerfileLine, form) {
			t.Errorf("line %d of the Dockerfile in %s is not one the generator writes: %q", i+1, name, line)
			return
		}
	}
}

// checkBuildahScript checks the script of a Buildah container.
func checkBuildahScript(t *testing.T, script string) {
	t.Helper()
	spaces := regexp.MustCompile(` +`)
	// bash reads quoted words across lines, so quotes come off first.
	for _, line := range strings.Split(quotetest.Unquoted(script), "\n") {
		text := strings.TrimSpace(spaces.ReplaceAllString(line, " "))
		assert.True(t, buildahLine[text], "the Buildah script has text of its own outside quotes: %q in\n%s", line, script)
	}
	if bash, err := exec.LookPath("bash"); err == nil {
		out, err := exec.Command(bash, "-n", "-c", script).CombinedOutput()
		assert.NoError(t, err, "bash -n: %s", out)
	}
}

func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
