package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/kio/filters"
	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
)

const usage = `With no arguments it reads a KRM ResourceList on stdin and writes one on stdout, as kustomize, kpt and
Argo CD run functions.

With arguments it renders resources on its own and writes the rendered objects to stdout as a YAML stream:

  CONFIG     the function config: a file holding nothing but a StrimziRender (fn.strimzi-render.dev)
             or a v1 ConfigMap in the ConfigMap form. Optional: when the first argument is not one, it
             is a resource, and the config is the one StrimziRender among the resources, or else the
             defaults.
  RESOURCES  YAML files, each read as a stream of its own.
  DIR        a directory's *.yaml and *.yml files in name order, not its subdirectories, and not
             kustomization.yaml or kustomization.yml.
  -          stdin, read at its place among the arguments. With a CONFIG and nothing else, stdin is read
             when it is a pipe or a file.

StrimziRender configs and other local config (config.kubernetes.io/local-config) are not written out. On any
error nothing is written to stdout, so a pipe into kubectl apply never applies unrendered resources.

Exit codes:
  0  success; warnings, if any, on stderr
  1  an error: each on stderr, then a summary line, and nothing on stdout

Environment:
  STRIMZI_RENDER_CONFIG      key=value settings in the ConfigMap form (dotted spec paths), separated by
                             newlines or ';', over the function config
  ARGOCD_ENV_STRIMZI_RENDER  the same, from an Argo CD Application's plugin env entry STRIMZI_RENDER;
                             it wins over STRIMZI_RENDER_CONFIG`

const examples = `  strimzi-render fn.yaml kafka-connect.yaml            # a config and a resource file
  strimzi-render kafka.yaml | kubectl apply -f -       # default config; applies only on success
  strimzi-render examples/kafka-node-pools/            # a directory, with the StrimziRender it holds
  cat kafka-connect.yaml | strimzi-render fn.yaml      # resources on stdin
  strimzi-render fn.yaml base.yaml - extra.yaml        # stdin between two files
  STRIMZI_RENDER_CONFIG='workload=StrimziPodSet' strimzi-render kafka.yaml
  kpt fn render . --allow-exec                         # as a kpt function (Kptfile pipeline)
  kustomize build --enable-alpha-plugins --enable-exec . # as a kustomize transformer`

// standalone renders the resources args name and writes the objects to
// stdout only when the whole run succeeds.
func standalone(p framework.ResourceListProcessor, args []string, stdin io.Reader, stdout io.Writer) error {
	in, err := readArgs(args, stdin)
	if err != nil {
		return err
	}
	rl := &framework.ResourceList{Items: in.items, FunctionConfig: in.config}
	// As framework.Execute does: keep the path and index annotations in step.
	annotations, err := kio.PreprocessResourcesForInternalAnnotationMigration(rl.Items)
	if err != nil {
		return err
	}
	if err := p.Process(rl); err != nil {
		return err
	}
	if err := kio.ReconcileInternalAnnotations(rl.Items, annotations); err != nil {
		return err
	}
	var out bytes.Buffer
	if err := (kio.ByteWriter{Writer: &out}).Write(withoutLocalConfig(rl.Items)); err != nil {
		return err
	}
	_, err = stdout.Write(out.Bytes())
	return err
}

// inputs are the function config and the resources the arguments name.
type inputs struct {
	config *yaml.RNode
	items  []*yaml.RNode
	// found are the StrimziRenders among the resources, foundIn their sources.
	found   []*yaml.RNode
	foundIn []string
}

func (in *inputs) add(source string, nodes []*yaml.RNode) {
	for _, n := range nodes {
		if isStrimziRender(n) {
			in.found = append(in.found, n)
			in.foundIn = append(in.foundIn, source)
			continue
		}
		in.items = append(in.items, n)
	}
}

// readArgs reads every argument in order.
func readArgs(args []string, stdin io.Reader) (*inputs, error) {
	in := &inputs{}
	for i, arg := range args {
		sources, err := readArg(arg, stdin)
		if err != nil {
			return nil, err
		}
		if i == 0 && isConfigFile(arg, sources) {
			in.config = sources[0].nodes[0]
			// Results about the config then name its file.
			if err := in.config.PipeE(yaml.SetAnnotation(kioutil.PathAnnotation, arg)); err != nil {
				return nil, err
			}
			continue
		}
		for _, s := range sources {
			in.add(s.source, s.nodes)
		}
	}
	if in.config != nil && len(args) == 1 {
		if isCharDevice(stdin) {
			return nil, fmt.Errorf("no resources: name resource files or directories after %s, or pipe resources in", args[0])
		}
		nodes, err := readStream("stdin", stdin)
		if err != nil {
			return nil, err
		}
		in.add("stdin", nodes)
	}
	if in.config == nil {
		switch len(in.found) {
		case 0:
		case 1:
			in.config = in.found[0]
		default:
			return nil, fmt.Errorf("%d StrimziRender configs among the resources (%s): name the one to use as the first argument",
				len(in.found), strings.Join(in.foundIn, ", "))
		}
	}
	return in, nil
}

// isConfigFile reports whether arg names a file holding a function config
// and nothing else. A file argument reads as one source named as the
// argument; a directory's sources are named after its files, stdin's
// "stdin".
func isConfigFile(arg string, sources []source) bool {
	return arg != "-" && len(sources) == 1 && sources[0].source == arg &&
		len(sources[0].nodes) == 1 && isFunctionConfig(sources[0].nodes[0])
}

// source is one YAML stream: a file, or stdin.
type source struct {
	source string
	nodes  []*yaml.RNode
}

// readArg reads "-" (stdin), a file, or a directory's YAML files.
func readArg(arg string, stdin io.Reader) ([]source, error) {
	if arg == "-" {
		nodes, err := readStream("stdin", stdin)
		return []source{{"stdin", nodes}}, err
	}
	info, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		nodes, err := readFile(arg)
		return []source{{arg, nodes}}, err
	}
	files, err := yamlFiles(arg)
	if err != nil {
		return nil, err
	}
	var sources []source
	for _, f := range files {
		nodes, err := readFile(f)
		if err != nil {
			return nil, err
		}
		sources = append(sources, source{f, nodes})
	}
	return sources, nil
}

// yamlFiles lists the *.yaml and *.yml files of dir in name order, leaving
// out kustomize's kustomization files, which are no resources, and
// subdirectories, which in a package often hold other overlays or output.
func yamlFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if ext := filepath.Ext(name); ext != ".yaml" && ext != ".yml" || name == "kustomization.yaml" || name == "kustomization.yml" {
			continue
		}
		path := filepath.Join(dir, name)
		if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
			continue
		}
		files = append(files, path)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .yaml or .yml files in the directory", dir)
	}
	return files, nil
}

func readFile(path string) ([]*yaml.RNode, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readStream(path, f)
}

// readStream reads one YAML stream of resources. A List is read as its
// items; a ResourceList is refused, as its functionConfig would be lost.
func readStream(name string, r io.Reader) ([]*yaml.RNode, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	reader := &kio.ByteReader{Reader: bytes.NewReader(data), OmitReaderAnnotations: true}
	nodes, err := reader.Read()
	if err == nil && slices.ContainsFunc(nodes, func(n *yaml.RNode) bool { return n.YNode().Kind != yaml.MappingNode }) {
		err = errors.New("a document is not an object")
	}
	if err != nil {
		if located := locate(data); located != nil {
			err = located
		}
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if reader.WrappingKind == kio.ResourceListKind {
		return nil, fmt.Errorf("%s is a ResourceList: pipe it to strimzi-render with no arguments", name)
	}
	return nodes, nil
}

// locate finds where a YAML stream kyaml cannot read goes wrong, by line
// from the start of the stream (kyaml counts from the start of each
// document): a separator line with more than a comment after ---, the
// decoder's error, or the first document that is not an object.
func locate(data []byte) error {
	for i, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "---"); ok {
			if rest = strings.TrimSpace(rest); rest != "" && !strings.HasPrefix(rest, "#") {
				return fmt.Errorf("line %d: only a comment may follow the document separator ---", i+1)
			}
		}
	}
	d := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := d.Decode(&doc)
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return err
		}
		if len(doc.Content) == 0 {
			continue
		}
		switch n := doc.Content[0]; {
		case n.Kind == yaml.SequenceNode:
			return fmt.Errorf("line %d: a document must be an object, not a list", n.Line)
		case n.Kind == yaml.ScalarNode && n.Tag != yaml.NodeTagNull:
			return fmt.Errorf("line %d: a document must be an object, not the value %q", n.Line, n.Value)
		}
	}
}

// isFunctionConfig reports whether n is what config.Load reads as a
// function config: a StrimziRender, or a v1 ConfigMap (the form kpt sends
// for key=value arguments).
func isFunctionConfig(n *yaml.RNode) bool {
	return isStrimziRender(n) || n.GetApiVersion() == "v1" && n.GetKind() == "ConfigMap"
}

// isStrimziRender matches every version, so that a wrong one is reported by
// the config's validation rather than passed through as a resource.
func isStrimziRender(n *yaml.RNode) bool {
	return n.GetKind() == config.Kind && strings.HasPrefix(n.GetApiVersion(), config.Group+"/")
}

// withoutLocalConfig leaves out what is not meant to be applied, as
// kustomize build does.
func withoutLocalConfig(items []*yaml.RNode) []*yaml.RNode {
	var out []*yaml.RNode
	for _, n := range items {
		if _, local := n.GetAnnotations()[filters.LocalConfigAnnotation]; !local {
			out = append(out, n)
		}
	}
	return out
}

// isCharDevice reports whether r is a terminal or a device such as
// /dev/null: nothing anyone piped in.
func isCharDevice(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
