package controlplane_test

import (
	"context"
	"fmt"
	"sync"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/tools/cache"
	watchtools "k8s.io/client-go/tools/watch"

	"github.com/strimzi-render/strimzi-render/test/controlplane"
)

// podWatch follows a namespace's pods from before an apply until the
// rollouts end: the order in which pods start terminating, and the most
// pods of each group that were not Ready at one time. Watching, rather than
// polling, sees every transition however busy the machine is.
type podWatch struct {
	mu    sync.Mutex
	ready map[string]bool // present pods: Ready and not terminating
	// seen are the UIDs already counted as going.
	seen map[string]bool
	// going are pod names in the order they started terminating.
	going []string
	// groups name the pods counted together; maxUnready is per group.
	groups     map[string][]string
	maxUnready map[string]int
	// trace lists every change of a pod's readiness, for failures.
	trace []string
	stop  func()
}

// watchPods lists the namespace's pods and follows them until stop.
// groups name, per StatefulSet, the pods that must stay available but one.
func watchPods(ctx context.Context, cp *controlplane.ControlPlane, namespace string, groups map[string][]string) (*podWatch, error) {
	pods := cp.Client.CoreV1().Pods(namespace)
	list, err := pods.List(ctx, metav1.ListOptions{})
	if err != nil {
		return nil, err
	}
	w := &podWatch{ready: map[string]bool{}, seen: map[string]bool{}, maxUnready: map[string]int{}}
	for i := range list.Items {
		w.update(watch.Added, &list.Items[i])
	}
	// Counted from the whole list on, not while it is read.
	w.groups = groups
	w.update(watch.Modified, nil)
	wctx, cancel := context.WithCancel(ctx)
	rw, err := watchtools.NewRetryWatcherWithContext(wctx, list.ResourceVersion, &cache.ListWatch{
		WatchFuncWithContext: func(ctx context.Context, o metav1.ListOptions) (watch.Interface, error) {
			return pods.Watch(ctx, o)
		},
	})
	if err != nil {
		cancel()
		return nil, err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for e := range rw.ResultChan() {
			if pod, ok := e.Object.(*corev1.Pod); ok {
				w.update(e.Type, pod)
			}
		}
	}()
	w.stop = func() { cancel(); rw.Stop(); <-done }
	return w, nil
}

// update records an event; a nil pod only counts the groups again.
func (w *podWatch) update(t watch.EventType, pod *corev1.Pod) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if pod != nil {
		w.record(t, pod)
	}
	for g, names := range w.groups {
		unready := 0
		for _, n := range names {
			if !w.ready[n] {
				unready++
			}
		}
		w.maxUnready[g] = max(w.maxUnready[g], unready)
	}
}

func (w *podWatch) record(t watch.EventType, pod *corev1.Pod) {
	uid := string(pod.UID)
	if t == watch.Deleted || pod.DeletionTimestamp != nil {
		if !w.seen[uid] {
			w.seen[uid] = true
			w.going = append(w.going, pod.Name)
		}
	}
	was, present := w.ready[pod.Name]
	if t == watch.Deleted {
		delete(w.ready, pod.Name)
		w.trace = append(w.trace, pod.Name+" deleted")
	} else {
		w.ready[pod.Name] = pod.DeletionTimestamp == nil && controlplane.PodReady(pod)
		if !present || was != w.ready[pod.Name] {
			w.trace = append(w.trace, fmt.Sprintf("%s %s ready=%v terminating=%v rev=%s", pod.Name, t, w.ready[pod.Name], pod.DeletionTimestamp != nil, pod.Labels["controller-revision-hash"]))
		}
	}
}

// result stops the watch and returns, per group, the order in which its
// pods started terminating and the most that were unready at once.
func (w *podWatch) result() (map[string][]string, map[string]int, []string) {
	w.stop()
	w.mu.Lock()
	defer w.mu.Unlock()
	order := map[string][]string{}
	for g, names := range w.groups {
		member := map[string]bool{}
		for _, n := range names {
			member[n] = true
		}
		// A pod's first termination only: a replacement that is itself
		// replaced (as the controller does when it finds a failed pod)
		// does not change the order of the roll.
		first := map[string]bool{}
		for _, n := range w.going {
			if member[n] && !first[n] {
				first[n] = true
				order[g] = append(order[g], n)
			}
		}
	}
	return order, w.maxUnready, w.trace
}
