package config

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"sigs.k8s.io/kustomize/api/konfig"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
	k8syaml "sigs.k8s.io/yaml"
)

// maxConfigFileSize bounds the files Find reads; kustomizations and
// function configs are small.
const maxConfigFileSize = 1 << 20

// Find answers "does kustomize build of dir run strimzi-render?", as an Argo
// CD plugin's discover asks. It reads the kustomization in dir and every
// base and component it pulls in, and returns the files that hold a
// StrimziRender function config (any version) listed under transformers:,
// generators: or validators:, as slash paths relative to dir, in the order
// kustomize meets them. A config written inline in a kustomization is
// reported as that kustomization's file.
//
// repo is the repository and dir a path in it. Find follows only relative
// local paths that stay inside repo: remote bases, absolute paths and
// entries that leave repo are skipped, as are files over 1 MiB and files
// that do not parse. It returns nothing when dir holds no kustomization.
func Find(repo fs.FS, dir string) []string {
	d := &discovery{repo: repo, visited: map[visit]bool{}, recorded: map[string]bool{}}
	d.kustomization(path.Clean(dir), buildsResources)
	found := make([]string, len(d.found))
	for i, p := range d.found {
		found[i] = relativeTo(dir, p)
	}
	return found
}

// DiscoveryRoot returns the directory that discovery in dir may read,
// and dir's slash path inside it. Argo CD unpacks the whole repository
// and names the application's path in ARGOCD_APP_SOURCE_PATH (passed as
// appSourcePath), when it passes the build environment to discovery;
// otherwise the nearest directory holding .git is the repository, and
// without one dir itself.
func DiscoveryRoot(dir, appSourcePath string) (root, app string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	if info, err := os.Stat(abs); err != nil {
		return "", "", err
	} else if !info.IsDir() {
		return "", "", fmt.Errorf("%s is not a directory", dir)
	}
	if rel := filepath.Clean(filepath.FromSlash(appSourcePath)); appSourcePath != "" && filepath.IsLocal(rel) {
		if root, ok := strings.CutSuffix(abs, string(filepath.Separator)+rel); ok && root != "" {
			return root, filepath.ToSlash(rel), nil
		}
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			rel, err := filepath.Rel(d, abs)
			return d, filepath.ToSlash(rel), err
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs, ".", nil
		}
		d = parent
	}
}

// role is what kustomize does with the objects a kustomization builds.
type role int

const (
	// buildsResources: they are the build's output.
	buildsResources role = iota
	// buildsFunctions: they configure functions, as when a transformers:,
	// generators: or validators: entry names a directory.
	buildsFunctions
)

// visit is a kustomization directory in a role; a directory can be both a
// base and a function source, but each pair is read once, which ends cycles.
type visit struct {
	dir  string
	role role
}

type discovery struct {
	repo     fs.FS
	visited  map[visit]bool
	found    []string
	recorded map[string]bool
}

// kustomization follows the kustomization in dir.
func (d *discovery) kustomization(dir string, r role) {
	if d.visited[visit{dir, r}] {
		return
	}
	d.visited[visit{dir, r}] = true
	file, k, ok := d.readKustomization(dir)
	if !ok {
		return
	}
	for _, entry := range k.Resources {
		d.entry(dir, entry, r)
	}
	for _, entry := range k.Components {
		if p, ok := localPath(dir, entry); ok {
			d.kustomization(p, r)
		}
	}
	for _, functions := range [][]string{k.Generators, k.Transformers, k.Validators} {
		for _, entry := range functions {
			if nodes, inline := inlineObjects(entry); inline {
				if holdsConfig(nodes) {
					d.record(file)
				}
				continue
			}
			d.entry(dir, entry, buildsFunctions)
		}
	}
}

// entry follows one path of a kustomization in dir: a directory is
// another kustomization, a file a config when its objects configure
// functions.
func (d *discovery) entry(dir, entry string, r role) {
	p, ok := localPath(dir, entry)
	if !ok {
		return
	}
	info, err := fs.Stat(d.repo, p)
	switch {
	case err != nil:
	case info.IsDir():
		d.kustomization(p, r)
	case r == buildsFunctions && info.Mode().IsRegular() && info.Size() <= maxConfigFileSize:
		if nodes, ok := d.readObjects(p); ok && holdsConfig(nodes) {
			d.record(p)
		}
	}
}

func (d *discovery) record(p string) {
	if !d.recorded[p] {
		d.recorded[p] = true
		d.found = append(d.found, p)
	}
}

// readKustomization reads dir's kustomization file. Like kustomize, it
// takes a directory with none, or with more than one, for no
// kustomization. Fields unknown to this kustomize version are ignored:
// discovery needs only the paths.
func (d *discovery) readKustomization(dir string) (string, *types.Kustomization, bool) {
	var file string
	for _, name := range konfig.RecognizedKustomizationFileNames() {
		p := path.Join(dir, name)
		if info, err := fs.Stat(d.repo, p); err == nil && info.Mode().IsRegular() && info.Size() <= maxConfigFileSize {
			if file != "" {
				return "", nil, false
			}
			file = p
		}
	}
	if file == "" {
		return "", nil, false
	}
	b, err := fs.ReadFile(d.repo, file)
	if err != nil {
		return "", nil, false
	}
	var k types.Kustomization
	if err := k8syaml.Unmarshal(b, &k); err != nil {
		return "", nil, false
	}
	k.FixKustomization() // moves the deprecated bases: into resources:
	return file, &k, true
}

func (d *discovery) readObjects(p string) ([]*yaml.RNode, bool) {
	b, err := fs.ReadFile(d.repo, p)
	if err != nil || !bytes.Contains(b, []byte(Kind)) {
		return nil, false
	}
	nodes, err := (&kio.ByteReader{Reader: bytes.NewReader(b), OmitReaderAnnotations: true}).Read()
	return nodes, err == nil
}

// inlineObjects reports whether a function entry is YAML objects rather
// than a path, as kustomize decides: a path parses as a plain scalar.
func inlineObjects(entry string) ([]*yaml.RNode, bool) {
	nodes, err := (&kio.ByteReader{Reader: strings.NewReader(entry), OmitReaderAnnotations: true}).Read()
	if err != nil {
		return nil, false
	}
	for _, n := range nodes {
		if n.YNode().Kind == yaml.MappingNode {
			return nodes, true
		}
	}
	return nil, false
}

func holdsConfig(nodes []*yaml.RNode) bool {
	for _, n := range nodes {
		if n.GetKind() == Kind && strings.HasPrefix(n.GetApiVersion(), Group+"/") {
			return true
		}
	}
	return false
}

// remotePrefixes mark the entries kustomize fetches (URLs and its git
// shorthands); discovery reads only the repository at hand.
var remotePrefixes = []string{"git@", "git::", "github.com/", "gh:"}

// localPath resolves a kustomization entry against dir, reporting false for
// remote and absolute entries and for paths that leave the repository.
func localPath(dir, entry string) (string, bool) {
	if entry == "" || strings.Contains(entry, "://") || path.IsAbs(entry) {
		return "", false
	}
	for _, prefix := range remotePrefixes {
		if strings.HasPrefix(entry, prefix) {
			return "", false
		}
	}
	p := path.Join(dir, entry)
	return p, fs.ValidPath(p)
}

// relativeTo returns the slash path p relative to the slash directory dir;
// both are clean paths inside one repository.
func relativeTo(dir, p string) string {
	rel, err := filepath.Rel(filepath.FromSlash(path.Clean(dir)), filepath.FromSlash(p))
	if err != nil {
		return p
	}
	return filepath.ToSlash(rel)
}
