package controlplane_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/test/controlplane"
)

// standIns are the kinds the examples render whose APIs (Multi-Cluster
// Services, Argo CD) this cluster does not serve.
var standIns = []controlplane.StandIn{
	{Group: "multicluster.x-k8s.io", Version: "v1alpha1", Kind: "ServiceExport", Plural: "serviceexports"},
	{Group: "argoproj.io", Version: "v1alpha1", Kind: "ApplicationSet", Plural: "applicationsets"},
}

// firstApply is one rendered form of a bundle and what its first kubectl
// apply -f prints on standard error: nothing when it succeeds.
type firstApply struct {
	path       string
	serverSide bool
	wantErrors []string
}

// day1Bundle is what one cluster gets from one example.
type day1Bundle struct {
	name string
	// rendered is the example's expected render (what kustomize builds),
	// applied server-side on day 1.
	rendered string
	// example and resources, when set, also render the example with the
	// standalone command, whose output keeps the function's own order.
	example, resources string
	// kptDir is the example's kpt output for this bundle, one file per
	// object, named so that kubectl reads them in apply order.
	kptDir string
}

func day1Bundles() []day1Bundle {
	bundles := []day1Bundle{
		{name: "connect-build", rendered: "examples/connect-build/expected/rendered.yaml",
			example: "examples/connect-build", resources: "kafka-connect.yaml"},
		{name: "connect-image-plugins", rendered: "examples/connect-image-plugins/expected/rendered.yaml",
			example: "examples/connect-image-plugins", resources: "kafka-connect.yaml"},
		{name: "kafka-node-pools", rendered: "examples/kafka-node-pools/expected/rendered.yaml",
			example: "examples/kafka-node-pools", resources: "kafka.yaml"},
	}
	// The stretch example renders one bundle per cluster: a kustomize
	// overlay each, and kpt's directory per cluster.
	for _, alias := range []string{"central", "east", "west"} {
		bundles = append(bundles, day1Bundle{
			name:     "stretch-mcs/" + alias,
			rendered: "examples/stretch-mcs/overlays/" + alias + "/expected/rendered.yaml",
			kptDir:   "examples/stretch-mcs/expected/clusters/" + alias,
		})
	}
	return bundles
}

// forms are the bundle's rendered forms whose first apply is checked; each
// applies at once. kustomize sorts objects by kind, ServiceAccounts before
// Pods, and the function emits prerequisites before workloads. kubectl
// reads kpt's one file per object in name order, and the function numbers
// the files in apply order (NN-<kind>_<name>.yaml): without that, the
// API server's ServiceAccount admission would refuse pod_*.yaml, read
// before serviceaccount_*.yaml.
func (b day1Bundle) forms(t *testing.T) []firstApply {
	forms := []firstApply{{path: b.rendered}}
	if b.kptDir != "" {
		forms = append(forms, firstApply{path: b.kptDir})
	}
	if b.example != "" {
		standalone := render(t, b.example, b.resources, unchanged)
		forms = append(forms, firstApply{path: standalone}, firstApply{path: standalone, serverSide: true})
	}
	return forms
}

// TestDay1 applies each example's rendered output to an empty cluster, as
// a GitOps tool's first sync would: every object is created, every pod
// becomes Ready (kwok stands in for the kubelets) and every Job completes.
// Before that, the first apply of each rendered form is checked on its own.
func TestDay1(t *testing.T) {
	crds := controlplane.RequireStrimziCRDs(t)
	for _, b := range day1Bundles() {
		t.Run(b.name, func(t *testing.T) {
			cp := controlplane.Start(t, controlplane.Options{})
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			start := time.Now()
			require.NoError(t, cp.InstallCRDs(ctx, crds))
			require.NoError(t, cp.InstallStandIns(ctx, standIns...))
			t.Logf("CRDs established in %s", time.Since(start).Round(100*time.Millisecond))

			for _, first := range b.forms(t) {
				checkFirstApply(ctx, t, cp, first)
			}

			objects := readObjects(t, b.rendered)
			prepare(ctx, t, cp, objects)
			r := cp.Apply(ctx, b.rendered, controlplane.ApplyOptions{ServerSide: true})
			require.NoError(t, r.Err, r.Stderr)
			assert.Len(t, r.Lines(), len(objects), "one line per object:\n%s", r.Stdout)
			missing, err := cp.Missing(ctx, objects)
			require.NoError(t, err)
			assert.Empty(t, missing, "objects the cluster lacks after the apply")
			waitWorkloads(ctx, t, cp, objects)
		})
	}
}

// checkFirstApply applies one form to a cluster that holds none of its
// objects, compares the errors with today's, applies again when the first
// failed, and then deletes what it created.
func checkFirstApply(ctx context.Context, t *testing.T, cp *controlplane.ControlPlane, first firstApply) {
	t.Helper()
	objects := readObjects(t, first.path)
	prepare(ctx, t, cp, objects)
	options := controlplane.ApplyOptions{ServerSide: first.serverSide}
	start := time.Now()
	r := cp.Apply(ctx, first.path, options)
	t.Logf("first kubectl %v: %v (%s)\n%s", r.Args, r.Err, time.Since(start).Round(100*time.Millisecond), r.Stderr)
	assert.Equal(t, first.wantErrors, r.ErrorLines(), "standard error of the first kubectl %v", r.Args)
	if r.Err != nil {
		again := cp.Apply(ctx, first.path, options)
		assert.NoError(t, again.Err, "a second kubectl %v creates the rest:\n%s", again.Args, again.Stderr)
	}
	missing, err := cp.Missing(ctx, objects)
	require.NoError(t, err)
	assert.Empty(t, missing, "objects the cluster lacks after kubectl %v", r.Args)
	start = time.Now()
	require.NoError(t, cp.Delete(ctx, first.path))
	t.Logf("deleted in %s", time.Since(start).Round(100*time.Millisecond))
}
