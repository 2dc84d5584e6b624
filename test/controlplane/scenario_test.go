package controlplane_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/wait"

	"github.com/strimzi-render/strimzi-render/test/controlplane"
)

// A tool applies a render to a namespace as a GitOps user would.
type tool struct {
	name string
	// prunes: objects left out of a later render are deleted.
	prunes bool
	// init prepares the namespace's first apply; apply applies the
	// render in file (dir holds what the tool keeps between steps).
	init  func(ctx context.Context, t *testing.T, cp *controlplane.ControlPlane, ns, dir string)
	apply func(ctx context.Context, cp *controlplane.ControlPlane, ns, dir, file string) controlplane.Result
}

var tools = []tool{
	{name: "ServerSide", apply: func(ctx context.Context, cp *controlplane.ControlPlane, ns, dir, file string) controlplane.Result {
		return cp.Apply(ctx, file, controlplane.ApplyOptions{ServerSide: true})
	}},
	{name: "ApplySet", prunes: true, apply: func(ctx context.Context, cp *controlplane.ControlPlane, ns, dir, file string) controlplane.Result {
		return cp.Apply(ctx, file, controlplane.ApplyOptions{ServerSide: true, ApplySet: "secrets/" + ns + "-set", Namespace: ns})
	}},
	// kpt live apply --server-side waits until every object is Current
	// (a StatefulSet rolled out, a Job started) and prunes by inventory.
	// Client-side, it cannot re-apply a pod template with an image volume
	// (its schema lacks the field), so --server-side is the form to use.
	{name: "KptLive", prunes: true,
		init: func(ctx context.Context, t *testing.T, cp *controlplane.ControlPlane, ns, dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "Kptfile"), []byte("apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: "+ns+"\n"), 0o644))
			r := cp.Kpt(ctx, "live", "init", dir, "--namespace="+ns, "--name="+ns+"-inventory", "--inventory-id="+ns)
			require.NoError(t, r.Err, r.Stderr)
		},
		apply: func(ctx context.Context, cp *controlplane.ControlPlane, ns, dir, file string) controlplane.Result {
			return cp.Kpt(ctx, "live", "apply", dir, "--server-side", "--field-manager=strimzi-render-test",
				"--reconcile-timeout=5m", "--output=events")
		}},
}

// A scenario is an example rendered with workload: StatefulSet into a
// namespace of its own, then changed step by step.
type scenario struct {
	name               string
	example, resources string
	// fnEdit changes the example's fn.yaml beyond the workload form.
	fnEdit func(string) string
	// keep chooses the objects applied (a stretch bundle); nil keeps all.
	keep  func(*unstructuredObject) bool
	steps []step
}

type step struct {
	name string
	// edit changes the resource file, steps accumulating.
	edit func(t *testing.T, input string) string
	// rolls are StatefulSets the step must roll.
	rolls []string
	// healPod is a pod deleted after the step, which must come back.
	healPod string
	// drainNodeOf names a pod whose node is drained after the step: the
	// drain must finish, and every pod it evicted come back Ready elsewhere.
	drainNodeOf string
	// beforeApply and afterApply run around the tool's apply, before any
	// wait.
	beforeApply, afterApply func(ctx context.Context, t *testing.T, r *scenarioRun)
}

// scenarioRun is one scenario applied by one tool.
type scenarioRun struct {
	cp    *controlplane.ControlPlane
	tool  tool
	sc    scenario
	ns    string
	dir   string
	input string
	// rendered is the render applied last; claims are every claim a
	// StatefulSet of any earlier render made.
	rendered []*unstructuredObject
	claims   map[string]bool
	// nodeIDs are the node ID each Kafka pod has had, read from its
	// live ConfigMap.
	nodeIDs map[string]string
}

func (r *scenarioRun) render(t *testing.T) []*unstructuredObject {
	t.Helper()
	src := filepath.Join(controlplane.RepositoryRoot(), r.sc.example)
	fn, err := os.ReadFile(filepath.Join(src, "fn.yaml"))
	require.NoError(t, err)
	config := string(fn)
	switch {
	case strings.Contains(config, "workload: StatefulSet"):
	case strings.Contains(config, "workload: Pod"):
		config = replaceOnce(t, config, "workload: Pod", "workload: StatefulSet")
	default:
		config = replaceOnce(t, config, "\nspec:\n", "\nspec:\n  workload: StatefulSet\n")
	}
	config = strings.ReplaceAll(config, "kafka/my-cluster", r.ns+"/my-cluster")
	if r.sc.fnEdit != nil {
		config = r.sc.fnEdit(config)
	}
	work := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(work, "fn.yaml"), []byte(config), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(work, "input.yaml"), []byte(strings.ReplaceAll(r.input, "namespace: kafka\n", "namespace: "+r.ns+"\n")), 0o644))
	bin, err := renderer()
	require.NoError(t, err, "build strimzi-render")
	cmd := exec.Command(bin, filepath.Join(work, "fn.yaml"), filepath.Join(work, "input.yaml"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	all := filepath.Join(work, "all.yaml")
	require.NoError(t, os.WriteFile(all, stdout.Bytes(), 0o644))
	var kept []*unstructuredObject
	var out bytes.Buffer
	for _, o := range readObjects(t, all) {
		if r.sc.keep != nil && !r.sc.keep(o) {
			continue
		}
		kept = append(kept, o)
		b, err := json.Marshal(o.Object)
		require.NoError(t, err)
		out.WriteString("---\n")
		out.Write(b)
		out.WriteString("\n")
	}
	require.NotEmpty(t, kept)
	require.NoError(t, os.WriteFile(filepath.Join(r.dir, "rendered.yaml"), out.Bytes(), 0o644))
	return kept
}

// runScenario applies each step of sc with tool in namespace ns.
func runScenario(ctx context.Context, t *testing.T, cp *controlplane.ControlPlane, tl tool, sc scenario, ns string) {
	input, err := os.ReadFile(filepath.Join(controlplane.RepositoryRoot(), sc.example, sc.resources))
	require.NoError(t, err)
	r := &scenarioRun{cp: cp, tool: tl, sc: sc, ns: ns, dir: t.TempDir(), input: string(input), claims: map[string]bool{}, nodeIDs: map[string]string{}}
	require.NoError(t, cp.CreateNamespaces(ctx, ns))
	if tl.init != nil {
		tl.init(ctx, t, cp, ns, r.dir)
	}
	for i, s := range sc.steps {
		start := time.Now()
		ok := t.Run(fmt.Sprintf("%d-%s", i, s.name), func(t *testing.T) {
			if s.edit != nil {
				r.input = s.edit(t, r.input)
			}
			r.step(ctx, t, s)
		})
		t.Logf("step %s: %s", s.name, time.Since(start).Round(100*time.Millisecond))
		if !ok {
			return // later steps build on this one
		}
	}
}

func (r *scenarioRun) step(ctx context.Context, t *testing.T, s step) {
	objects := r.render(t)
	sets := statefulSets(t, objects)
	previous := statefulSets(t, r.rendered)
	// The pods that are running and stay: a roll must keep all but one Ready.
	groups := map[string][]string{}
	for name, set := range sets {
		if old, ok := previous[name]; ok {
			for _, pod := range podNames(set) {
				if slices.Contains(podNames(old), pod) {
					groups[name] = append(groups[name], pod)
				}
			}
		}
	}
	require.NoError(t, r.cp.CreateNamespaces(ctx, controlplane.Namespaces(objects)...))
	require.NoError(t, r.cp.EnsureVolumes(ctx, claimsOf(sets)))
	uids := r.podUIDs(ctx, t)
	if s.beforeApply != nil {
		s.beforeApply(ctx, t, r)
	}
	w, err := watchPods(ctx, r.cp, r.ns, groups)
	require.NoError(t, err)
	res := r.tool.apply(ctx, r.cp, r.ns, r.dir, filepath.Join(r.dir, "rendered.yaml"))
	if res.Err != nil {
		w.stop()
		require.NoError(t, res.Err, "%v\n%s\n%s", res.Args, res.Stdout, res.Stderr)
	}
	if s.afterApply != nil {
		s.afterApply(ctx, t, r)
	}
	for name := range sets {
		require.NoError(t, r.waitRolledOut(ctx, name), name)
	}
	for _, j := range controlplane.OfKind(objects, "Job") {
		require.NoError(t, r.cp.WaitJobsComplete(ctx, r.ns, j.GetName()))
	}
	order, maxUnready, trace := w.result()

	// Rolls: exactly the StatefulSets whose pod template changed roll,
	// highest ordinal first, never more than one pod unready.
	for name, set := range sets {
		changed := previous[name] != nil && !reflect.DeepEqual(normalized(previous[name].Spec.Template), normalized(set.Spec.Template))
		var restarted []string
		for _, pod := range groups[name] {
			if uids[pod] != "" && uids[pod] != r.podUID(ctx, t, pod) {
				restarted = append(restarted, pod)
			}
		}
		if changed {
			assert.ElementsMatch(t, groups[name], restarted, "%s: a template change restarts every pod", name)
			assert.Equal(t, descending(groups[name]), order[name], "%s: pods roll from the highest ordinal down", name)
			if !assert.LessOrEqual(t, maxUnready[name], 1, "%s: at most one pod unready during the roll", name) {
				t.Logf("pod readiness:\n%s", strings.Join(trace, "\n"))
			}
			t.Logf("%s rolled %v, at most %d unready", name, order[name], maxUnready[name])
		} else {
			assert.Empty(t, restarted, "%s: nothing changed for its pods, none restarts", name)
		}
	}
	for _, name := range s.rolls {
		require.Contains(t, sets, name)
		require.Contains(t, previous, name)
		assert.NotEqual(t, normalized(previous[name].Spec.Template), normalized(sets[name].Spec.Template), "%s: the step changes its template", name)
	}

	r.checkLive(ctx, t, objects)
	r.checkStale(ctx, t, objects)
	for claim := range claimsOf(sets) {
		r.claims[claim] = true
	}
	r.checkClaims(ctx, t)
	r.checkNodeIDs(ctx, t, sets)
	if s.healPod != "" {
		r.heal(ctx, t, s.healPod)
	}
	if s.drainNodeOf != "" {
		r.drain(ctx, t, s.drainNodeOf)
	}
	r.rendered = objects
}

// removeBarePods deletes the pods of other namespaces on node that no
// controller owns: earlier Pod-form tests leave them, and kubectl drain
// refuses such pods, as it would in any cluster.
func (r *scenarioRun) removeBarePods(ctx context.Context, t *testing.T, node string) {
	t.Helper()
	list, err := r.cp.Client.CoreV1().Pods("").List(ctx, metav1.ListOptions{FieldSelector: "spec.nodeName=" + node})
	require.NoError(t, err)
	var bare []corev1.Pod
	for _, q := range list.Items {
		if q.Namespace != r.ns && metav1.GetControllerOf(&q) == nil {
			bare = append(bare, q)
			err := r.cp.Client.CoreV1().Pods(q.Namespace).Delete(ctx, q.Name, metav1.DeleteOptions{GracePeriodSeconds: new(int64)})
			require.True(t, err == nil || apierrors.IsNotFound(err), "delete pod %s/%s: %v", q.Namespace, q.Name, err)
		}
	}
	err = wait.PollUntilContextTimeout(ctx, 250*time.Millisecond, 2*time.Minute, true, func(ctx context.Context) (bool, error) {
		for _, q := range bare {
			if _, err := r.cp.Client.CoreV1().Pods(q.Namespace).Get(ctx, q.Name, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
				return false, nil
			}
		}
		return true, nil
	})
	require.NoError(t, err, "the bare pods of earlier tests on %s are gone", node)
}

// drain runs kubectl drain on the node of pod, as an administrator does
// before maintenance. kubectl evicts through the Eviction API, so the
// PodDisruptionBudget lets one Kafka pod go at a time; the StatefulSets
// recreate each evicted pod, with its name, on another node.
func (r *scenarioRun) drain(ctx context.Context, t *testing.T, pod string) {
	t.Helper()
	p, err := r.cp.Client.CoreV1().Pods(r.ns).Get(ctx, pod, metav1.GetOptions{})
	require.NoError(t, err)
	node := p.Spec.NodeName
	require.NotEmpty(t, node)
	list, err := r.cp.Client.CoreV1().Pods(r.ns).List(ctx, metav1.ListOptions{FieldSelector: "spec.nodeName=" + node})
	require.NoError(t, err)
	evicted := map[string]string{}
	for _, q := range list.Items {
		evicted[q.Name] = string(q.UID)
	}
	require.Contains(t, evicted, pod)
	r.removeBarePods(ctx, t, node)
	defer func() {
		res := r.cp.Kubectl(context.WithoutCancel(ctx), "uncordon", node)
		assert.NoError(t, res.Err, res.Stderr)
	}()
	// Every pod of the earlier runs on the node is evicted too, each as its
	// own PodDisruptionBudget allows: on a busy machine this takes minutes.
	res := r.cp.Kubectl(ctx, "drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=10m")
	require.NoError(t, res.Err, "kubectl drain %s: %s", node, res.Stderr)
	err = wait.PollUntilContextTimeout(ctx, 250*time.Millisecond, 5*time.Minute, true, func(ctx context.Context) (bool, error) {
		for name, uid := range evicted {
			q, err := r.cp.Client.CoreV1().Pods(r.ns).Get(ctx, name, metav1.GetOptions{})
			if err != nil || string(q.UID) == uid || q.Spec.NodeName == node || q.DeletionTimestamp != nil || !controlplane.PodReady(q) {
				return false, nil
			}
		}
		return true, nil
	})
	assert.NoError(t, err, "the pods drained off %s (%v) come back Ready on other nodes", node, slices.Sorted(maps.Keys(evicted)))
	t.Logf("drained %s: %v evicted and back Ready elsewhere; kubectl: %s\n%s", node, slices.Sorted(maps.Keys(evicted)), strings.TrimSpace(res.Stdout), strings.TrimSpace(res.Stderr))
}

// waitRolledOut waits until the StatefulSet's controller has seen its
// spec, every pod runs its current template and is Ready, and no pod
// beyond its replicas is left.
func (r *scenarioRun) waitRolledOut(ctx context.Context, name string) error {
	var last string
	err := wait.PollUntilContextTimeout(ctx, 250*time.Millisecond, 4*time.Minute, true, func(ctx context.Context) (bool, error) {
		set, err := r.cp.Client.AppsV1().StatefulSets(r.ns).Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			last = err.Error()
			return false, nil
		}
		st := set.Status
		replicas := *set.Spec.Replicas
		last = fmt.Sprintf("generation %d observed %d, replicas %d ready %d updated %d current %d, revision %s update %s",
			set.Generation, st.ObservedGeneration, replicas, st.ReadyReplicas, st.UpdatedReplicas, st.CurrentReplicas, st.CurrentRevision, st.UpdateRevision)
		if st.ObservedGeneration < set.Generation || st.UpdateRevision != st.CurrentRevision ||
			st.ReadyReplicas != replicas || st.UpdatedReplicas != replicas || st.Replicas != replicas {
			return false, nil
		}
		pods, err := r.cp.Client.CoreV1().Pods(r.ns).List(ctx, metav1.ListOptions{LabelSelector: metav1.FormatLabelSelector(set.Spec.Selector)})
		if err != nil {
			return false, err
		}
		want := podNames(set)
		var have []string
		for _, p := range pods.Items {
			if p.DeletionTimestamp != nil || p.Labels[appsv1.ControllerRevisionHashLabelKey] != st.UpdateRevision || !controlplane.PodReady(&p) {
				last += "; pod " + p.Name + " not yet updated and Ready"
				return false, nil
			}
			have = append(have, p.Name)
		}
		sort.Strings(have)
		sort.Strings(want)
		return slices.Equal(have, want), nil
	})
	if err != nil {
		return fmt.Errorf("StatefulSet %s/%s not rolled out: %w (%s)", r.ns, name, err, last)
	}
	return nil
}

// checkLive: every field the render sets has that value live; what the
// server adds (defaults, status, managed fields) and the tools' own
// annotations are left out.
func (r *scenarioRun) checkLive(ctx context.Context, t *testing.T, objects []*unstructuredObject) {
	t.Helper()
	for _, o := range objects {
		live, err := r.cp.Get(ctx, o)
		if !assert.NoError(t, err, controlplane.ID(o)) {
			continue
		}
		want := normalizedMap(o.Object)
		dropToolAnnotations(want)
		if diff := subsetDiff("", want, normalizedMap(live.Object)); diff != "" {
			t.Errorf("live %s differs from the render: %s", controlplane.ID(o), diff)
		}
	}
}

// checkStale: what the previous render held and this one does not is
// gone when the tool prunes, and left alone when it does not.
func (r *scenarioRun) checkStale(ctx context.Context, t *testing.T, objects []*unstructuredObject) {
	t.Helper()
	current := map[string]bool{}
	for _, id := range ids(objects) {
		current[id] = true
	}
	for _, o := range r.rendered {
		if current[controlplane.ID(o)] {
			continue
		}
		if r.tool.prunes {
			assert.NoError(t, r.cp.WaitGone(ctx, o), "%s prunes %s", r.tool.name, controlplane.ID(o))
		} else {
			_, err := r.cp.Get(ctx, o)
			assert.NoError(t, err, "%s does not prune: %s stays", r.tool.name, controlplane.ID(o))
		}
	}
}

// checkClaims: every claim a StatefulSet made is still there, whatever
// the tool pruned.
func (r *scenarioRun) checkClaims(ctx context.Context, t *testing.T) {
	t.Helper()
	for claim := range r.claims {
		_, err := r.cp.Client.CoreV1().PersistentVolumeClaims(r.ns).Get(ctx, claim, metav1.GetOptions{})
		assert.NoError(t, err, "claim %s survives %s", claim, r.tool.name)
	}
}

// checkNodeIDs reads each Kafka pod's node ID from its live ConfigMap
// (node.id in server.config): it is the pod's ordinal, and no node's ID
// ever changes.
func (r *scenarioRun) checkNodeIDs(ctx context.Context, t *testing.T, sets map[string]*appsv1.StatefulSet) {
	t.Helper()
	for _, set := range sets {
		if set.Spec.Template.Labels["strimzi.io/kind"] != "Kafka" {
			continue
		}
		for _, pod := range podNames(set) {
			cm, err := r.cp.Client.CoreV1().ConfigMaps(r.ns).Get(ctx, pod, metav1.GetOptions{})
			if !assert.NoError(t, err) {
				continue
			}
			id := property(cm.Data["server.config"], "node.id")
			assert.Equal(t, pod[strings.LastIndex(pod, "-")+1:], id, "node ID of %s is its ordinal", pod)
			if before, ok := r.nodeIDs[pod]; ok {
				assert.Equal(t, before, id, "%s keeps its node ID", pod)
			}
			r.nodeIDs[pod] = id
		}
	}
}

// heal deletes a pod; its StatefulSet recreates it with the same name.
func (r *scenarioRun) heal(ctx context.Context, t *testing.T, pod string) {
	t.Helper()
	before := r.podUID(ctx, t, pod)
	require.NotEmpty(t, before)
	require.NoError(t, r.cp.Client.CoreV1().Pods(r.ns).Delete(ctx, pod, metav1.DeleteOptions{}))
	err := wait.PollUntilContextTimeout(ctx, 250*time.Millisecond, 3*time.Minute, true, func(ctx context.Context) (bool, error) {
		p, err := r.cp.Client.CoreV1().Pods(r.ns).Get(ctx, pod, metav1.GetOptions{})
		if err != nil {
			return false, nil
		}
		return string(p.UID) != before && p.DeletionTimestamp == nil && controlplane.PodReady(p), nil
	})
	assert.NoError(t, err, "deleted pod %s comes back Ready", pod)
}

func (r *scenarioRun) podUIDs(ctx context.Context, t *testing.T) map[string]string {
	pods, err := r.cp.Client.CoreV1().Pods(r.ns).List(ctx, metav1.ListOptions{})
	require.NoError(t, err)
	out := map[string]string{}
	for _, p := range pods.Items {
		out[p.Name] = string(p.UID)
	}
	return out
}

func (r *scenarioRun) podUID(ctx context.Context, t *testing.T, name string) string {
	p, err := r.cp.Client.CoreV1().Pods(r.ns).Get(ctx, name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return ""
	}
	require.NoError(t, err)
	return string(p.UID)
}

func statefulSets(t *testing.T, objects []*unstructuredObject) map[string]*appsv1.StatefulSet {
	out := map[string]*appsv1.StatefulSet{}
	for _, o := range controlplane.OfKind(objects, "StatefulSet") {
		var set appsv1.StatefulSet
		require.NoError(t, runtime.DefaultUnstructuredConverter.FromUnstructured(o.Object, &set), controlplane.ID(o))
		out[set.Name] = &set
	}
	return out
}

// podNames are the StatefulSet's pods, <name>-<ordinal>.
func podNames(set *appsv1.StatefulSet) []string {
	start := int32(0)
	if set.Spec.Ordinals != nil {
		start = set.Spec.Ordinals.Start
	}
	var out []string
	for i := range *set.Spec.Replicas {
		out = append(out, set.Name+"-"+strconv.Itoa(int(start+i)))
	}
	return out
}

// claimsOf are the claims the StatefulSets' controller creates,
// <template>-<pod>, with the template's spec.
func claimsOf(sets map[string]*appsv1.StatefulSet) map[string]corev1.PersistentVolumeClaim {
	out := map[string]corev1.PersistentVolumeClaim{}
	for _, set := range sets {
		for _, pod := range podNames(set) {
			for _, tmpl := range set.Spec.VolumeClaimTemplates {
				c := tmpl.DeepCopy()
				c.Name, c.Namespace = tmpl.Name+"-"+pod, set.Namespace
				out[c.Name] = *c
			}
		}
	}
	return out
}

// descending sorts pod names by ordinal, highest first.
func descending(pods []string) []string {
	out := slices.Clone(pods)
	ordinal := func(p string) int { n, _ := strconv.Atoi(p[strings.LastIndex(p, "-")+1:]); return n }
	slices.SortFunc(out, func(a, b string) int { return ordinal(b) - ordinal(a) })
	return out
}

// property is a key's value in a Java properties text.
func property(text, key string) string {
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, key+"="); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// normalized is v through JSON, so rendered and live values compare alike
// (numbers as float64, empty fields dropped as the API types drop them).
func normalized(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

func normalizedMap(m map[string]any) map[string]any {
	out, _ := normalized(m).(map[string]any)
	return out
}

// dropToolAnnotations removes the annotations the apply tools read and may
// strip: file paths and kpt's depends-on.
func dropToolAnnotations(o map[string]any) {
	a, _, _ := unstructured.NestedMap(o, "metadata", "annotations")
	for k := range a {
		if strings.HasPrefix(k, "config.kubernetes.io/") || strings.HasPrefix(k, "internal.config.kubernetes.io/") {
			delete(a, k)
		}
	}
	if a != nil {
		_ = unstructured.SetNestedMap(o, a, "metadata", "annotations")
	}
}

// subsetDiff describes the first place where want is not contained in
// have: maps by key, lists element by element with equal lengths.
func subsetDiff(path string, want, have any) string {
	switch w := want.(type) {
	case map[string]any:
		h, ok := have.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: want a map, live has %v", path, have)
		}
		for _, k := range slices.Sorted(maps.Keys(w)) {
			if w[k] == nil {
				continue
			}
			if _, ok := h[k]; !ok {
				return fmt.Sprintf("%s.%s: live lacks it (want %v)", path, k, w[k])
			}
			if d := subsetDiff(path+"."+k, w[k], h[k]); d != "" {
				return d
			}
		}
		return ""
	case []any:
		h, ok := have.([]any)
		if !ok || len(h) != len(w) {
			return fmt.Sprintf("%s: want %v, live has %v", path, want, have)
		}
		for i := range w {
			if d := subsetDiff(fmt.Sprintf("%s[%d]", path, i), w[i], h[i]); d != "" {
				return d
			}
		}
		return ""
	default:
		if !reflect.DeepEqual(want, have) {
			return fmt.Sprintf("%s: want %v, live has %v", path, want, have)
		}
		return ""
	}
}
