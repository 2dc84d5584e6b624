// Command kubevalidate checks rendered objects (a YAML stream or a KRM
// ResourceList) with kube-apiserver's rules and exits non-zero on any
// problem, printing one line per problem:
//
//	<apiVersion>/<kind> <namespace>/<name>: <field path>: <message>
//
// Usage:
//
//	kubevalidate --crds DIR [--namespace NS] [--require-namespace] [FILE...] < rendered.yaml
//
// Without FILE arguments it reads standard input.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/strimzi-render/strimzi-render/test/kubevalidate"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run returns 0 when every input is valid, 1 on problems, 2 on usage or
// read errors.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("kubevalidate", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var opts kubevalidate.Options
	flags.StringVar(&opts.CRDDir, "crds", "", "directory of CustomResourceDefinition YAML files")
	flags.StringVar(&opts.Namespace, "namespace", kubevalidate.DefaultNamespace, "namespace for objects without one")
	flags.BoolVar(&opts.RequireNamespace, "require-namespace", false, "report namespaced objects without a namespace")
	flags.StringVar(&opts.PodSecurityLevel, "pod-security", "restricted", "Pod Security profile every pod must meet: restricted or baseline")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	v, err := kubevalidate.New(opts)
	if err != nil {
		fmt.Fprintln(stderr, "kubevalidate:", err)
		return 2
	}
	inputs := flags.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	code := 0
	for _, name := range inputs {
		data, err := readInput(name, stdin)
		if err != nil {
			fmt.Fprintln(stderr, "kubevalidate:", err)
			return 2
		}
		report, err := v.Validate(data)
		if err != nil {
			fmt.Fprintf(stderr, "kubevalidate: %s: %v\n", name, err)
			return 2
		}
		fmt.Fprintf(stderr, "%s: %d objects, %d problems\n", name, report.Objects, len(report.Problems))
		fmt.Fprint(stdout, report)
		if !report.OK() {
			code = 1
		}
	}
	return code
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}
