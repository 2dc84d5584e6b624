package build

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Artifacts of KafkaConnectDockerfileTest.
var (
	jarNoChecksum   = Artifact{Type: Jar, URL: "https://mydomain.tld/my.jar"}
	jarWithChecksum = Artifact{Type: Jar, URL: "https://mydomain.tld/my2.jar", Sha512sum: "sha-512-checksum"}
	otherNoChecksum = Artifact{Type: Other, URL: "https://mydomain.tld/download?artifact=my.so", FileName: "my.so"}
	otherChecksum   = Artifact{Type: Other, URL: "https://mydomain.tld/download?artifactId=1874", Sha512sum: "sha-512-checksum", FileName: "my2.so"}
	otherNoName     = Artifact{Type: Other, URL: "https://mydomain.tld/download?artifactId=1874", Sha512sum: "sha-512-checksum"}
	tgzNoChecksum   = Artifact{Type: Tgz, URL: "https://mydomain.tld/my.tgz"}
	zipNoChecksum   = Artifact{Type: Zip, URL: "https://mydomain.tld/my.zip"}
	tgzWithChecksum = Artifact{Type: Tgz, URL: "https://mydomain.tld/my2.tgz", Sha512sum: "sha-512-checksum"}
	zipWithChecksum = Artifact{Type: Zip, URL: "https://mydomain.tld/my2.zip", Sha512sum: "sha-512-checksum"}
)

func onePlugin(artifacts ...Artifact) *Spec {
	return &Spec{BaseImage: "myImage:latest", Plugins: []Plugin{{Name: "my-connector-plugin", Artifacts: artifacts}}}
}

func insecure(a Artifact) Artifact {
	a.Insecure = true
	return a
}

func maven(group, artifact, version string) Artifact {
	return Artifact{Type: Maven, Group: group, Artifact: artifact, Version: version}
}

// Cases KafkaConnectDockerfileTest checks with is(...): byte for byte.
func TestDockerfileStrimziExact(t *testing.T) {
	jar := Artifact{Type: Jar, URL: "http://url.com/ar.jar"}
	custom := maven("g1", "a1", "v1")
	custom.Repository = "https://my-maven-repository.com/maven2"
	escaped := custom
	escaped.Repository = "https://my-maven-repository.com/maven2</hack>\"/repo"

	cases := map[string]*Spec{
		"testDockerfileWithComments": onePlugin(jarNoChecksum, jarWithChecksum),
		"testMavenDockerfile": {BaseImage: "myImage:latest", Plugins: []Plugin{
			{Name: "my-connector-plugin", Artifacts: []Artifact{jar, maven("g1", "a1", "v1"), maven("g2", "a2", "v2")}},
			{Name: "other-connector-plugin", Artifacts: []Artifact{jar}},
		}},
		"testMavenDockerfileWithCustomRepoUrl":  onePlugin(custom),
		"testInsecureMavenArtifact":             onePlugin(insecure(custom)),
		"testMavenDockerfileWithEscapedRepoUrl": onePlugin(escaped),
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", "strimzi", name+".Dockerfile"))
			require.NoError(t, err)
			assert.Equal(t, string(want), Dockerfile(b))
		})
	}
}

// Cases KafkaConnectDockerfileTest checks with isEquivalent(...).
func TestDockerfileStrimziEquivalent(t *testing.T) {
	cases := map[string]*Spec{
		"testEmptyDockerfile":                  {BaseImage: "myImage:latest", Plugins: []Plugin{}},
		"testNoArtifacts":                      onePlugin(),
		"testNoChecksumJarArtifact":            onePlugin(jarNoChecksum),
		"testChecksumJarArtifact":              onePlugin(jarWithChecksum),
		"testNoChecksumOtherArtifact":          onePlugin(otherNoChecksum),
		"testChecksumOtherArtifact":            onePlugin(otherChecksum),
		"testChecksumOtherArtifactWithoutName": onePlugin(otherNoName),
		"testMultipleJarArtifact":              onePlugin(jarNoChecksum, jarWithChecksum),
		"testNoChecksumTgzArtifact":            onePlugin(tgzNoChecksum),
		"testNoChecksumZipArtifact":            onePlugin(zipNoChecksum),
		"testChecksumZipArtifact":              onePlugin(zipWithChecksum),
		"testChecksumTgzArtifact":              onePlugin(tgzWithChecksum),
		"testMultipleTgzArtifact":              onePlugin(tgzNoChecksum, tgzWithChecksum),
		"testMultipleZipArtifact":              onePlugin(zipNoChecksum, zipWithChecksum),
		"testInsecureArtifacts":                onePlugin(insecure(otherNoChecksum), insecure(zipWithChecksum)),
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", "strimzi", name+".lines"))
			require.NoError(t, err)
			assert.ElementsMatch(t, equivalentLines(string(want)), equivalentLines(Dockerfile(b)))
		})
	}
}

// equivalentLines is what Strimzi's IsEquivalent matcher compares: the
// lines that are neither empty nor comments, as a set.
func equivalentLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// The reference build (two connectors: a JAR, a TGZ with a checksum, a Maven artifact), byte for byte.
func TestDockerfileFidelityExample(t *testing.T) {
	b := &Spec{
		BaseImage: "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1",
		Output:    Output{Type: OutputDocker, Image: "registry.example.com/my-org/my-connect:latest"},
		Plugins: []Plugin{{Name: "my-plugin", Artifacts: []Artifact{{
			Type:      Jar,
			URL:       "https://repo.example.com/my-plugin/1.0.0/my-plugin-1.0.0.jar",
			Sha512sum: "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
		}}}},
	}
	want, err := os.ReadFile(filepath.Join("testdata", "fidelity", "connect-build-jar.Dockerfile"))
	require.NoError(t, err)
	df := Dockerfile(b)
	assert.Equal(t, string(want), df)
	assert.Equal(t, "7fba727d8e0f5d1d", Revision(df, b.Output.Image))
}

// goldenCases are our own; their files are rewritten with -update.
var goldenCases = map[string]*Spec{
	"maven-hashmap-order": {BaseImage: "my-connect:base", Plugins: []Plugin{
		{Name: "kafka-connect-file", Artifacts: []Artifact{maven("org.apache.kafka", "connect-file", "4.3.1")}},
		{Name: "camel-timer", Artifacts: []Artifact{jarNoChecksum, maven("org.apache.camel.kafkaconnector", "camel-timer-source-kafka-connector", "4.8.0")}},
		{Name: "debezium-postgres", Artifacts: []Artifact{maven("io.debezium", "debezium-connector-postgres", "3.2.1.Final"), maven("io.debezium", "debezium-scripting", "3.2.1.Final")}},
		{Name: "zeta", Artifacts: []Artifact{maven("com.example", "zeta", "1.0")}},
		{Name: "alpha", Artifacts: []Artifact{maven("com.example", "alpha", "1.0")}},
		{Name: "no-maven", Artifacts: []Artifact{zipWithChecksum}},
	}},
	"maven-mirrors-scope-insecure": {BaseImage: "my-connect:base", MavenBuilder: "registry.example.com/maven-builder:1.2.0", Plugins: []Plugin{
		{Name: "mirrored", Artifacts: []Artifact{
			{Type: Maven, Group: "g1", Artifact: "a.b", Version: "v1", Repository: "https://repo.example.com/maven2/",
				Mirrors: []string{"https://nexus.example.com/repository/maven-public/", "https://mirror.example.com/m2?a=1&b='é'"}, IncludeScope: "runtime"},
			{Type: Maven, Group: "g2", Artifact: "a2", Version: "v2", Mirrors: []string{"https://nexus.example.com/m2/"}, Insecure: true, IncludeScope: "provided"},
		}},
	}},
	"proxy-and-quoting": {
		BaseImage: "my-connect:base",
		Proxy:     Proxy{HTTPProxy: "http://proxy:3128", HTTPSProxy: "http://proxy:3129", NoProxy: "localhost,.svc"},
		Plugins: []Plugin{{Name: "quoted", Artifacts: []Artifact{
			{Type: Other, URL: "https://example.com/x?a=1&b=2", FileName: "it's $(id) `id`.so"},
			{Type: Jar, URL: "ftp://example.com/a.jar", Sha512sum: strings.Repeat("ab", 64), Insecure: true},
		}}},
	},
	"proxy-https-only": {BaseImage: "my-connect:base", Proxy: Proxy{HTTPSProxy: "http://proxy:3129"}, Plugins: []Plugin{}},
}

func TestDockerfileGolden(t *testing.T) {
	for name, b := range goldenCases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "golden", name+".Dockerfile")
			got := Dockerfile(b)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), got)
		})
	}
}

// The pre-stage follows HashMap order, the main stage list order.
func TestDockerfileMavenOrder(t *testing.T) {
	df := Dockerfile(goldenCases["maven-hashmap-order"])
	stage, main, ok := strings.Cut(df, "FROM my-connect:base\n")
	require.True(t, ok)
	assert.Equal(t,
		[]string{"camel-timer", "zeta", "debezium-postgres", "debezium-postgres", "alpha", "kafka-connect-file"},
		submatches(`RUN 'curl' '-f' '-L' '--create-dirs' '--output' '/tmp/([^/]+)/`, stage))
	assert.Equal(t,
		[]string{"kafka-connect-file", "camel-timer", "debezium-postgres", "zeta", "alpha", "no-maven"},
		submatches(`# Connector plugin (\S+)`, main))
}

func submatches(re, s string) []string {
	var out []string
	for _, m := range regexp.MustCompile(re).FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestDockerfileWithoutMavenHasNoPreStage(t *testing.T) {
	df := Dockerfile(onePlugin(jarNoChecksum, tgzNoChecksum, zipNoChecksum, otherNoChecksum))
	assert.NotContains(t, df, "downloadArtifacts")
	assert.True(t, strings.HasSuffix(df, "\nUSER 1001\n\n"))
}

// BenchmarkDockerfile renders 100 plugins of 5 artifacts each, one of every type.
func BenchmarkDockerfile(b *testing.B) {
	build := &Spec{BaseImage: "quay.io/strimzi/kafka:1.2.0-kafka-4.3.1"}
	for i := range 100 {
		p := Plugin{Name: "plugin-" + strconv.Itoa(i)}
		for j, typ := range []ArtifactType{Jar, Tgz, Zip, Other, Maven} {
			u := "https://repo.example.com/" + p.Name + "/" + strconv.Itoa(j)
			p.Artifacts = append(p.Artifacts, Artifact{
				Type: typ, URL: u, Sha512sum: strings.Repeat("0f", 64),
				Group: "com.example", Artifact: p.Name, Version: "1." + strconv.Itoa(j), Mirrors: []string{"https://nexus.example.com/m2/"},
			})
		}
		build.Plugins = append(build.Plugins, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = Dockerfile(build)
	}
}
