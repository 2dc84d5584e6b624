// Command strimzi-render is a KRM function that renders Strimzi Kafka,
// KafkaNodePool and KafkaConnect resources into the Kubernetes objects the
// Strimzi operator would create.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/fn/framework/command"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn"
)

// Set at build time with -ldflags "-X main.version=... -X main.commit=...".
var (
	version = "dev"
	commit  = ""
)

// overrideVars name the environment variables whose key=value settings
// override the function config, lowest precedence first: the runner's own
// setting, then an Argo CD Application's (spec.source.plugin.env entry
// STRIMZI_RENDER, which Argo CD passes as ARGOCD_ENV_STRIMZI_RENDER).
var overrideVars = []string{"STRIMZI_RENDER_CONFIG", "ARGOCD_ENV_STRIMZI_RENDER"}

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	var kpt bool // kpt prints results itself
	p := withWarnings(processor(getenv), stderr, &kpt)
	cmd := command.Build(p, command.StandaloneDisabled, true)
	resourceList := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return standalone(p, args, stdin, stdout)
		}
		if isCharDevice(stdin) {
			return errors.New("no input: pipe a KRM ResourceList in, or name the function config and resource files (see strimzi-render --help)")
		}
		in, err := io.ReadAll(stdin)
		if err != nil {
			return err
		}
		if err := oneResourceList(in); err != nil {
			return err
		}
		cmd.SetIn(bytes.NewReader(in))
		return resourceList(cmd, args)
	}
	cmd.Use = "strimzi-render [CONFIG] [RESOURCES|DIR|-]..."
	cmd.Short = "Render Strimzi resources into the Kubernetes objects the Strimzi operator would create."
	cmd.Long = cmd.Short + "\n\n" + usage
	cmd.Example = examples
	// --version prints what the version command prints (a template with no
	// actions in it).
	cmd.Version = version
	cmd.SetVersionTemplate(versionText())
	cmd.AddCommand(versionCommand(), discoverCommand())
	cmd.SetArgs(args)
	cmd.SetIn(stdin)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	if err := cmd.Execute(); err != nil {
		report(stderr, err, kpt)
		return 1
	}
	return 0
}

// processor is the function with the overrides the environment sets. A
// malformed variable fails every run, naming the variable.
func processor(getenv func(string) string) framework.ResourceListProcessor {
	p := fn.NewProcessor()
	var bad framework.Results
	for _, name := range overrideVars {
		text := getenv(name)
		if text == "" {
			continue
		}
		o, err := config.ParseOverrides(name, text)
		if err != nil {
			bad = append(bad, &framework.Result{Severity: framework.Error, Message: err.Error()})
			continue
		}
		p.WithOverrides(o)
	}
	if len(bad) > 0 {
		return framework.ResourceListProcessorFunc(func(rl *framework.ResourceList) error {
			rl.Results = append(rl.Results, bad...)
			return rl.Results
		})
	}
	return p
}

// report prints each error result on its own line, then a one-line summary,
// so kustomize (which shows only stderr) says what failed. Under kpt, which
// prints every result and then the function's stderr, only the summary.
func report(w io.Writer, err error, kpt bool) {
	var rs framework.Results
	if !errors.As(err, &rs) {
		fmt.Fprintf(w, "strimzi-render: %v\n", err)
		return
	}
	errs, warnings := 0, 0
	for _, r := range rs {
		switch r.Severity {
		case framework.Error:
			errs++
			if !kpt {
				fmt.Fprintln(w, resultLine(r))
			}
		case framework.Warning:
			warnings++
		}
	}
	fmt.Fprintf(w, "strimzi-render: failed with %d error(s) and %d warning(s)\n", errs, warnings)
}

// resultLine is a result as kpt prints it, and the file it is about when
// the orchestrator named one: kustomize shows no resource files.
func resultLine(r *framework.Result) string {
	if r.File == nil || r.File.Path == "" {
		return r.String()
	}
	return r.String() + " (in " + r.File.Path + ")"
}

// withWarnings prints warning results to stderr after a successful run:
// kustomize never shows results, and kpt shows stderr only when a run fails.
// It sets *kpt when kpt runs the function, as the package path kpt gives
// every resource tells.
func withWarnings(p framework.ResourceListProcessor, w io.Writer, kpt *bool) framework.ResourceListProcessor {
	return framework.ResourceListProcessorFunc(func(rl *framework.ResourceList) error {
		*kpt = fromKpt(rl)
		err := p.Process(rl)
		if err == nil {
			for _, r := range rl.Results {
				if r.Severity == framework.Warning {
					fmt.Fprintln(w, resultLine(r))
				}
			}
		}
		return err
	})
}

// kptPackagePath is the annotation kpt, and no other orchestrator, puts on
// the resources and function config it passes.
const kptPackagePath = "internal.config.kubernetes.io/package-path"

func fromKpt(rl *framework.ResourceList) bool {
	nodes := rl.Items
	if rl.FunctionConfig != nil {
		nodes = append([]*yaml.RNode{rl.FunctionConfig}, nodes...)
	}
	for _, n := range nodes {
		if n.YNode().Kind == yaml.MappingNode && n.GetAnnotations()[kptPackagePath] != "" {
			return true
		}
	}
	return false
}

func versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and kyaml version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprint(cmd.OutOrStdout(), versionText())
		},
	}
}

// versionText is the version, the commit and the kyaml version, one a line.
func versionText() string {
	kyaml := "unknown"
	rev := commit
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "sigs.k8s.io/kustomize/kyaml" {
				kyaml = d.Version
			}
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && rev == "" {
				rev = s.Value
			}
		}
	}
	if rev == "" {
		rev = "unknown"
	}
	return fmt.Sprintf("strimzi-render %s\ncommit: %s\nkyaml: %s\n", version, rev, kyaml)
}

// discoverCommand prints the function configs that the kustomization of a
// directory runs, through its bases and components too, and nothing when
// the directory is no kustomization or runs no strimzi-render: an Argo CD
// plugin's discover command, which matches on non-empty output, so the
// plugin claims exactly the applications it can build.
func discoverCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "discover [DIR]",
		Short: "Print the StrimziRender configs of a kustomization directory (Argo CD plugin discovery)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			rootDir, app, err := config.DiscoveryRoot(dir, os.Getenv("ARGOCD_APP_SOURCE_PATH"))
			if err != nil {
				return err
			}
			// os.Root keeps symlinks from leading discovery out of the repository.
			root, err := os.OpenRoot(rootDir)
			if err != nil {
				return err
			}
			defer root.Close()
			for _, p := range config.Find(root.FS(), app) {
				fmt.Fprintln(cmd.OutOrStdout(), p)
			}
			return nil
		},
	}
}

// oneResourceList refuses a stream that holds a ResourceList beside other
// documents: the framework would take the ResourceList for one more
// resource, render nothing it holds and lose its functionConfig. A stream of
// resources alone is read as the items, with the default config.
func oneResourceList(in []byte) error {
	nodes, err := (&kio.ByteReader{Reader: bytes.NewReader(in), OmitReaderAnnotations: true, DisableUnwrapping: true}).Read()
	if err != nil || len(nodes) < 2 {
		return nil // the framework reports what it cannot read
	}
	for i, n := range nodes {
		if n.GetKind() == kio.ResourceListKind {
			return fmt.Errorf("stdin holds a ResourceList (document %d) and %d other documents: pipe one ResourceList, or resources alone", i+1, len(nodes)-1)
		}
	}
	return nil
}
