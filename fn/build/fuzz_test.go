package build

import (
	"flag"
	"os/exec"
	"strings"
	"testing"

	"github.com/strimzi-render/strimzi-render/fn/quote/quotetest"
)

// fuzzing is whether go test runs with -fuzz: then bash -n, a hundred
// times slower than the rest, is left to seed and corpus runs.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// artifactTypes are the download types a fuzzed artifact takes, by index.
var artifactTypes = []ArtifactType{Jar, Tgz, Zip, Other}

// fuzzBuild is a build with one plugin of one download artifact and one
// Maven artifact, made of the fuzzed strings.
func fuzzBuild(name, url, fileName, sha, group, artifact, version, repository, mirror, scope, option string, kind uint8, insecure bool) *Spec {
	var mirrors []string
	if mirror != "" {
		mirrors = []string{mirror}
	}
	return &Spec{
		BaseImage: "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1",
		Output: Output{Type: OutputDocker, Image: "registry.example.com/my-org/my-connect:latest",
			AdditionalBuildOptions: []string{option}, AdditionalPushOptions: []string{option}},
		Cluster: "my-connect",
		Plugins: []Plugin{{Name: name, Artifacts: []Artifact{
			{Type: artifactTypes[int(kind)%len(artifactTypes)], URL: url, Sha512sum: sha, Insecure: insecure, FileName: fileName},
			{Type: Maven, Group: group, Artifact: artifact, Version: version, Repository: repository,
				Mirrors: mirrors, IncludeScope: scope, Insecure: insecure},
		}}},
	}
}

// skeleton is b with every user string that the generator quotes replaced
// by x (an empty one stays empty, as emptiness changes the structure).
// The plugin name, which validation holds to [a-z0-9_-], stays.
func skeleton(b *Spec) *Spec {
	x := func(s string) string {
		if s == "" {
			return ""
		}
		return "x"
	}
	s := *b
	s.Output.AdditionalBuildOptions = []string{x(b.Output.AdditionalBuildOptions[0])}
	s.Output.AdditionalPushOptions = []string{x(b.Output.AdditionalPushOptions[0])}
	p := b.Plugins[0]
	arts := make([]Artifact, len(p.Artifacts))
	for i, a := range p.Artifacts {
		arts[i] = Artifact{Type: a.Type, URL: x(a.URL), Sha512sum: x(a.Sha512sum), Insecure: a.Insecure, FileName: x(a.FileName),
			Group: x(a.Group), Artifact: x(a.Artifact), Version: x(a.Version), Repository: x(a.Repository), IncludeScope: x(a.IncludeScope)}
		for range a.Mirrors {
			arts[i].Mirrors = append(arts[i].Mirrors, "x")
		}
	}
	s.Plugins = []Plugin{{Name: p.Name, Artifacts: arts}}
	return &s
}

// FuzzDockerfile: for any build that passes Validate, no user string adds
// a line to the Dockerfile or leaves its quotes in a RUN or COPY line or in
// the Buildah script. The Dockerfile has the skeleton's lines, its lines
// that carry quoted words have the skeleton's text outside the quotes, and
// so has the Buildah script; bash -n parses both (not while fuzzing).
func FuzzDockerfile(f *testing.F) {
	sha := strings.Repeat("cf83e135", 16)
	f.Add("my-plugin", "https://repo.example.com/a.jar", "", sha, "org.example", "connector", "1.0.0", "", "", "", "--retry=3", uint8(0), false)
	f.Add("my_plugin", "ftp://repo.example.com/a.tgz?x=;rm", "", "", "org.example", "a", "1'$(id)", "https://r.example.com/m2?a=$(id)&b='x'</url>", "https://m.example.com/`id`/", "runtime", "--creds=u:p;touch /x", uint8(1), true)
	f.Add("p1", "https://repo.example.com/a.zip", "", sha, "g", "a", "v", "", "", "provided", "--tls-verify=false\nrm -rf /", uint8(2), false)
	f.Add("p2", "https://repo.example.com/a.so", "it's $(x).so", "", "g", "a", "v", "", "", "", "--retry='3'", uint8(3), true)
	bash, _ := exec.LookPath("bash")
	f.Fuzz(func(t *testing.T, name, url, fileName, sha, group, artifact, version, repository, mirror, scope, option string, kind uint8, insecure bool) {
		b := fuzzBuild(name, url, fileName, sha, group, artifact, version, repository, mirror, scope, option, kind, insecure)
		if len(Validate(b)) > 0 {
			return // the generator promises nothing for what validation refuses
		}
		df, want := Dockerfile(b), Dockerfile(skeleton(b))
		lines, wantLines := strings.Split(df, "\n"), strings.Split(want, "\n")
		if len(lines) != len(wantLines) {
			t.Fatalf("the Dockerfile has %d lines, its skeleton %d:\n%s", len(lines), len(wantLines), df)
		}
		for i, line := range lines {
			got, w := line, wantLines[i]
			if strings.HasPrefix(w, "RUN ") || strings.HasPrefix(w, "      && ") || strings.HasPrefix(w, "COPY ") {
				got, w = quotetest.Unquoted(got), quotetest.Unquoted(w)
			}
			if got != w {
				t.Fatalf("Dockerfile line %d is %q outside quotes, want %q:\n%s", i+1, got, w, df)
			}
		}
		script, wantScript := BuildahArgs(b.Output)[2], BuildahArgs(skeleton(b).Output)[2]
		if got, w := quotetest.Unquoted(script), quotetest.Unquoted(wantScript); got != w {
			t.Fatalf("the Buildah script is %q outside quotes, want %q", got, w)
		}
		if bash == "" || fuzzing() || strings.ContainsRune(df+script, 0) {
			return
		}
		for _, run := range runInstructions(df) {
			if out, err := exec.Command(bash, "-n", "-c", run).CombinedOutput(); err != nil {
				t.Fatalf("bash -n on RUN %q: %v: %s", run, err, out)
			}
		}
		if out, err := exec.Command(bash, "-n", "-c", script).CombinedOutput(); err != nil {
			t.Fatalf("bash -n on the Buildah script: %v: %s", err, out)
		}
	})
}

// runInstructions are the shell commands of the Dockerfile's RUN lines,
// with their continuation lines.
func runInstructions(df string) []string {
	var out []string
	lines := strings.Split(df, "\n")
	for i := 0; i < len(lines); i++ {
		cmd, ok := strings.CutPrefix(lines[i], "RUN ")
		if !ok {
			continue
		}
		for strings.HasSuffix(cmd, "\\") && i+1 < len(lines) {
			i++
			cmd += "\n" + lines[i]
		}
		out = append(out, cmd)
	}
	return out
}
