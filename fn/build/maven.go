package build

import (
	"github.com/strimzi-render/strimzi-render/fn/javacompat"

	"slices"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/digest"
	"github.com/strimzi-render/strimzi-render/fn/quote"
)

// Flags that make Maven skip TLS checks for an insecure artifact.
var mavenInsecureFlags = []string{
	"-Daether.connector.https.securityMode=insecure",
	"-Dmaven.wagon.http.ssl.insecure=true",
	"-Dmaven.wagon.http.ssl.allowall=true",
	"-Dmaven.wagon.http.ssl.ignore.validity.dates=true",
}

// writeMavenStage is KafkaConnectDockerfile.connectorPluginsPreStage: a
// first stage that downloads each Maven artifact with its dependencies. The
// plugins come in java.util.HashMap order, because Strimzi collects them in
// one; the artifacts of a plugin keep list order.
func writeMavenStage(w *strings.Builder, b *Spec) {
	names := make([]string, len(b.Plugins))
	byName := make(map[string]Plugin, len(b.Plugins))
	for i, p := range b.Plugins {
		names[i] = p.Name
		if _, dup := byName[p.Name]; !dup {
			byName[p.Name] = p
		}
	}
	started := false
	for _, name := range javacompat.HashOrder(names) {
		for _, a := range byName[name].Artifacts {
			if a.Type != Maven {
				continue
			}
			if !started {
				w.WriteString("FROM " + mavenBuilder(b) + " AS " + mavenStage + "\n")
				started = true
			}
			mavenDownload(w, name, a)
		}
	}
}

func mavenBuilder(b *Spec) string {
	if b.MavenBuilder == "" {
		return DefaultMavenBuilder
	}
	return b.MavenBuilder
}

// mavenDownload fetches the artifact's POM, writes a settings file for its
// repository and mirrors, copies its dependencies and fetches its JAR.
func mavenDownload(w *strings.Builder, plugin string, a Artifact) {
	repo := mavenRepository(a)
	h := mavenHash(a)
	dir := plugin + "/" + h
	settings := "/tmp/" + h + ".xml"
	curl := []string{"curl", "-f", "-L", "--create-dirs", "--output"}
	if a.Insecure {
		curl = []string{"curl", "-f", "-k", "-L", "--create-dirs", "--output"}
	}

	mvn := []string{"mvn", "dependency:copy-dependencies", "-s", settings,
		"-DoutputDirectory=/tmp/artifacts/" + dir, "-DincludeScope=" + a.IncludeScope}
	if a.Insecure {
		mvn = append(mvn, mavenInsecureFlags...)
	}
	mvn = append(mvn, "-f", "/tmp/"+dir+"/pom.xml")

	pom := []string{"/tmp/" + dir + "/pom.xml", mavenURL(repo, a, "pom")}
	jar := []string{"/tmp/artifacts/" + dir + "/" + a.Artifact + "-" + a.Version + ".jar", mavenURL(repo, a, "jar")}
	run(w, slices.Concat(curl, pom)...).
		and("echo", mavenSettings(repo, a.Mirrors)).to(settings).
		and(mvn...).
		and(slices.Concat(curl, jar)...).
		end()
}

// mavenHash names an artifact's directories: hashStub of group/artifact/version.
func mavenHash(a Artifact) string {
	return digest.HashStub(a.Group + "/" + a.Artifact + "/" + a.Version)
}

// mavenRepository is the artifact's repository ending in a slash, or Maven Central.
func mavenRepository(a Artifact) string {
	switch {
	case a.Repository == "":
		return DefaultMavenRepository
	case strings.HasSuffix(a.Repository, "/"):
		return a.Repository
	}
	return a.Repository + "/"
}

// mavenURL is assembleResourceUrl: dots become slashes in the group and in
// the artifact directory, not in the file name. Nothing is URL-escaped.
func mavenURL(repo string, a Artifact, ext string) string {
	return repo + strings.ReplaceAll(a.Group, ".", "/") + "/" + strings.ReplaceAll(a.Artifact, ".", "/") +
		"/" + a.Version + "/" + a.Artifact + "-" + a.Version + "." + ext
}

// mavenSettings is the one-line settings.xml: the mirrors, each for every
// repository, then a profile that adds the artifact's repository.
func mavenSettings(repo string, mirrors []string) string {
	var b strings.Builder
	b.WriteString(`<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">`)
	if len(mirrors) > 0 {
		b.WriteString("<mirrors>")
		for i, m := range mirrors {
			b.WriteString("<mirror><id>strimzi-mirror-" + strconv.Itoa(i) + "</id><url>" + quote.XML(m) +
				"</url><mirrorOf>*</mirrorOf></mirror>")
		}
		b.WriteString("</mirrors>")
	}
	b.WriteString("<profiles><profile><id>download</id><repositories><repository><id>custom-repo</id><url>" +
		quote.XML(repo) + "</url></repository></repositories></profile></profiles>" +
		"<activeProfiles><activeProfile>download</activeProfile></activeProfiles></settings>")
	return b.String()
}
