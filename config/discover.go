package config

import (
	"bytes"
	"io/fs"
	"path"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/kio"
)

// maxConfigFileSize bounds the files Find reads; function configs are small.
const maxConfigFileSize = 1 << 20

// Find returns the paths of the YAML files in root that hold a StrimziRender
// function config (any version), in walk order. It skips hidden directories,
// files over 1 MiB and files that do not parse: it answers "does this
// package use strimzi-render?", as an Argo CD plugin's discover asks.
func Find(root fs.FS) ([]string, error) {
	var found []string
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if ext := path.Ext(p); ext != ".yaml" && ext != ".yml" {
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > maxConfigFileSize {
			return nil
		}
		b, err := fs.ReadFile(root, p)
		if err != nil || !bytes.Contains(b, []byte(Kind)) {
			return nil
		}
		nodes, err := (&kio.ByteReader{Reader: bytes.NewReader(b), OmitReaderAnnotations: true}).Read()
		if err != nil {
			return nil
		}
		for _, n := range nodes {
			if n.GetKind() == Kind && strings.HasPrefix(n.GetApiVersion(), Group+"/") {
				found = append(found, p)
				break
			}
		}
		return nil
	})
	return found, err
}
