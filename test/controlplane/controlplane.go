package controlplane

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// RequireEnv, when set to anything but empty, turns every skip of this tier
// (no CRDs, no etcd, binaries that cannot be built) into a failure, so CI
// cannot pass without running it.
const RequireEnv = "STRIMZI_RENDER_CONTROLPLANE_REQUIRE"

// KwokNodeAnnotation marks the nodes kwok manages.
const KwokNodeAnnotation = "kwok.x-k8s.io/node"

// Node is a fake node kwok keeps Ready.
type Node struct {
	Name   string
	Labels map[string]string
	// CPU and Memory are the node's capacity and allocatable; Pods its pod
	// limit.
	CPU, Memory string
	Pods        int
}

// DefaultNodes are three nodes, one per zone (topology.kubernetes.io/zone
// zone-a, zone-b, zone-c), each with 16 CPUs, 64 GiB and room for 110 pods.
func DefaultNodes() []Node {
	var nodes []Node
	for _, zone := range []string{"zone-a", "zone-b", "zone-c"} {
		nodes = append(nodes, Node{
			Name:   "kwok-" + zone,
			Labels: map[string]string{corev1.LabelTopologyZone: zone},
			CPU:    "16", Memory: "64Gi", Pods: 110,
		})
	}
	return nodes
}

// Options configure Start.
type Options struct {
	// Nodes are created before Start returns; nil means DefaultNodes().
	Nodes []Node
}

// ControlPlane is a running etcd, kube-apiserver, kube-controller-manager,
// kube-scheduler and kwok, all on 127.0.0.1, with files in a temporary
// directory. The test's cleanup stops every process by its PID.
type ControlPlane struct {
	// Dir holds the certificates, kubeconfig and component logs.
	Dir string
	// Kubeconfig authenticates as a member of system:masters.
	Kubeconfig string
	// Server is the API server's URL.
	Server   string
	Binaries *Binaries
	Client   kubernetes.Interface
	Dynamic  dynamic.Interface
	Config   *rest.Config

	mapper    *restmapper.DeferredDiscoveryRESTMapper
	processes []*process
}

var binaries = sync.OnceValues(EnsureBinaries)

// RequireBinaries returns the binaries, or skips the test saying why they
// could not be had (fails instead when RequireEnv is set).
func RequireBinaries(t testing.TB) *Binaries {
	t.Helper()
	b, err := binaries()
	if err != nil {
		skipOrFail(t, "the control plane's binaries cannot be had: %v", err)
	}
	for _, built := range b.Built {
		t.Logf("controlplane: built %s", built)
	}
	b.Built = nil
	return b
}

// RequireStrimziCRDs returns the directory of Strimzi's CRDs, or skips.
func RequireStrimziCRDs(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(StrimziDir(), "crds")
	if matches, _ := filepath.Glob(filepath.Join(dir, "*.yaml")); len(matches) == 0 {
		skipOrFail(t, "no Strimzi CRDs in %s (set STRIMZI_RENDER_STRIMZI_DIR to the Strimzi release directory)", dir)
	}
	return dir
}

func skipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv(RequireEnv) != "" {
		t.Fatalf(format+" (and %s is set)", append(args, RequireEnv)...)
	}
	t.Skipf("skipped: "+format, args...)
}

// Start runs a control plane for the test, or skips when its binaries
// cannot be had. It returns once the API server is ready, the nodes are
// Ready and the controllers run.
func Start(t testing.TB, opts Options) *ControlPlane {
	t.Helper()
	b := RequireBinaries(t)
	started := time.Now()
	cp := &ControlPlane{Dir: t.TempDir(), Binaries: b}
	etcdData := etcdDataDir(t)
	t.Cleanup(func() {
		if t.Failed() {
			for _, p := range cp.processes {
				t.Logf("controlplane: end of %s's log:\n%s", p.name, p.logTail(25))
			}
		}
		cp.Stop()
		_ = os.RemoveAll(etcdData)
	})
	if err := cp.start(opts, etcdData); err != nil {
		t.Fatalf("start the control plane: %v", err)
	}
	t.Logf("controlplane: started in %s (API server %s)", time.Since(started).Round(100*time.Millisecond), cp.Server)
	return cp
}

// etcdDataDir is on tmpfs when there is one: etcd syncs every write, and
// the data lives only as long as the test.
func etcdDataDir(t testing.TB) string {
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "strimzi-render-etcd-"); err == nil {
			return dir
		}
	}
	return t.TempDir()
}

// Stop stops every component by its PID, the last started first.
func (cp *ControlPlane) Stop() {
	for i := len(cp.processes) - 1; i >= 0; i-- {
		cp.processes[i].stop(10 * time.Second)
	}
}

func (cp *ControlPlane) start(opts Options, etcdData string) error {
	creds, err := writeCredentials(cp.Dir)
	if err != nil {
		return err
	}
	ports := map[string]string{}
	for _, name := range []string{"etcd-client", "etcd-peer", "apiserver"} {
		if ports[name], err = freePort(); err != nil {
			return err
		}
	}
	etcdURL := "http://127.0.0.1:" + ports["etcd-client"]
	peerURL := "http://127.0.0.1:" + ports["etcd-peer"]
	etcd, err := cp.run("etcd", cp.Binaries.Etcd,
		"--name=default",
		"--data-dir="+etcdData,
		"--listen-client-urls="+etcdURL,
		"--advertise-client-urls="+etcdURL,
		"--listen-peer-urls="+peerURL,
		"--initial-advertise-peer-urls="+peerURL,
		"--initial-cluster=default="+peerURL)
	if err != nil {
		return err
	}
	if err := waitHTTP(etcd, http.DefaultClient, etcdURL+"/health", time.Minute); err != nil {
		return err
	}

	cp.Server = "https://127.0.0.1:" + ports["apiserver"]
	apiserver, err := cp.run("kube-apiserver", cp.Binaries.APIServer,
		"--etcd-servers="+etcdURL,
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		"--secure-port="+ports["apiserver"],
		"--cert-dir="+cp.Dir,
		"--tls-cert-file="+creds.ServingCert,
		"--tls-private-key-file="+creds.ServingKey,
		"--client-ca-file="+creds.CACert,
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file="+creds.SAPublic,
		"--service-account-signing-key-file="+creds.ServiceAccountKey,
		// Addresses the API server hands out; nothing connects to them.
		"--service-cluster-ip-range=10.96.0.0/16",
		"--authorization-mode=Node,RBAC",
		"--allow-privileged=true",
		// The kubernetes Service's endpoints would name 127.0.0.1, which
		// Endpoints refuse.
		"--endpoint-reconciler-type=none",
		// Debian's etcd (3.4.23) lacks the watch progress requests that
		// streaming lists need. With WatchList on, the API server turns a
		// watch from resourceVersion 0 (kwok's) into one, then refuses
		// it; kwok would see pods only when it relists, seconds later.
		"--feature-gates=WatchList=false",
		"--profiling=false")
	if err != nil {
		return err
	}
	if cp.Kubeconfig, err = writeKubeconfig(cp.Dir, cp.Server, creds); err != nil {
		return err
	}
	if cp.Config, err = clientcmd.BuildConfigFromFlags("", cp.Kubeconfig); err != nil {
		return err
	}
	cp.Config.QPS, cp.Config.Burst = 100, 200
	tlsConfig, err := rest.TLSConfigFor(cp.Config)
	if err != nil {
		return err
	}
	if err := waitHTTP(apiserver, &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig}, Timeout: 10 * time.Second},
		cp.Server+"/readyz", 3*time.Minute); err != nil {
		return err
	}
	if cp.Client, err = kubernetes.NewForConfig(cp.Config); err != nil {
		return err
	}
	if cp.Dynamic, err = dynamic.NewForConfig(cp.Config); err != nil {
		return err
	}
	cp.mapper = restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(cp.Client.Discovery()))

	// --secure-port=0: the controllers and the scheduler listen nowhere.
	if _, err := cp.run("kube-controller-manager", cp.Binaries.ControllerManager,
		"--kubeconfig="+cp.Kubeconfig,
		"--secure-port=0",
		"--leader-elect=false",
		"--service-account-private-key-file="+creds.ServiceAccountKey,
		"--root-ca-file="+creds.CACert,
		"--cluster-signing-cert-file="+creds.CACert,
		"--cluster-signing-key-file="+creds.CAKey,
		// kwok renews the nodes' leases; on a busy machine it can fall
		// behind by more than the default 50 s, and the node lifecycle
		// controller then marks every pod NotReady, which kwok's stages
		// never undo (they make only Pending pods Ready).
		"--node-monitor-grace-period=1h",
		"--node-startup-grace-period=1h",
		"--profiling=false"); err != nil {
		return err
	}
	if _, err := cp.run("kube-scheduler", cp.Binaries.Scheduler,
		"--kubeconfig="+cp.Kubeconfig,
		"--secure-port=0",
		"--leader-elect=false",
		"--profiling=false"); err != nil {
		return err
	}
	// kwok serves nothing unless given a server address or node port.
	if _, err := cp.run("kwok", cp.Binaries.Kwok,
		"--kubeconfig="+cp.Kubeconfig,
		"--config="+cp.Binaries.KwokStages,
		"--manage-nodes-with-annotation-selector="+KwokNodeAnnotation+"=fake",
		"--node-ip=127.0.0.1"); err != nil {
		return err
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	nodes := opts.Nodes
	if nodes == nil {
		nodes = DefaultNodes()
	}
	if err := cp.AddNodes(ctx, nodes...); err != nil {
		return err
	}
	// The controller manager's service-account controller creates this
	// one as soon as it runs.
	return cp.poll(ctx, "the default ServiceAccount (the controller manager runs)", func(ctx context.Context) (bool, error) {
		_, err := cp.Client.CoreV1().ServiceAccounts("default").Get(ctx, "default", metav1.GetOptions{})
		return err == nil, ignoreNotFound(err)
	})
}

func (cp *ControlPlane) run(name, binary string, args ...string) (*process, error) {
	p, err := startProcess(cp.Dir, name, binary, args...)
	if err != nil {
		return nil, err
	}
	cp.processes = append(cp.processes, p)
	return p, nil
}

// AddNodes creates nodes for kwok and waits until they are Ready.
func (cp *ControlPlane) AddNodes(ctx context.Context, nodes ...Node) error {
	for _, n := range nodes {
		labels := map[string]string{
			corev1.LabelHostname:   n.Name,
			corev1.LabelOSStable:   "linux",
			corev1.LabelArchStable: "amd64",
			"type":                 "kwok",
		}
		for k, v := range n.Labels {
			labels[k] = v
		}
		capacity := corev1.ResourceList{
			corev1.ResourceCPU:    resource.MustParse(n.CPU),
			corev1.ResourceMemory: resource.MustParse(n.Memory),
			corev1.ResourcePods:   *resource.NewQuantity(int64(n.Pods), resource.DecimalSI),
		}
		node := &corev1.Node{
			ObjectMeta: metav1.ObjectMeta{
				Name:        n.Name,
				Labels:      labels,
				Annotations: map[string]string{KwokNodeAnnotation: "fake"},
			},
			Status: corev1.NodeStatus{Capacity: capacity, Allocatable: capacity},
		}
		if _, err := cp.Client.CoreV1().Nodes().Create(ctx, node, metav1.CreateOptions{}); err != nil {
			return fmt.Errorf("create node %s: %w", n.Name, err)
		}
	}
	for _, n := range nodes {
		if err := cp.poll(ctx, "node "+n.Name+" Ready (kwok runs)", func(ctx context.Context) (bool, error) {
			node, err := cp.Client.CoreV1().Nodes().Get(ctx, n.Name, metav1.GetOptions{})
			if err != nil {
				return false, err
			}
			for _, c := range node.Status.Conditions {
				if c.Type == corev1.NodeReady {
					return c.Status == corev1.ConditionTrue, nil
				}
			}
			return false, nil
		}); err != nil {
			return err
		}
	}
	return nil
}

// poll calls done every 250 ms until it reports true, returns an error, a
// component exits, or ctx ends; the error names what was awaited.
func (cp *ControlPlane) poll(ctx context.Context, what string, done func(context.Context) (bool, error)) error {
	var last error
	err := wait.PollUntilContextCancel(ctx, 250*time.Millisecond, true, func(ctx context.Context) (bool, error) {
		for _, p := range cp.processes {
			if err := p.exitError(); err != nil {
				return false, err
			}
		}
		ok, err := done(ctx)
		if err != nil {
			last = err
		}
		return ok, nil
	})
	if err != nil {
		for _, p := range cp.processes {
			if perr := p.exitError(); perr != nil {
				return fmt.Errorf("waiting for %s: %w", what, perr)
			}
		}
		if last != nil {
			return fmt.Errorf("waiting for %s: %w (last error: %v)", what, err, last)
		}
		return fmt.Errorf("waiting for %s: %w", what, err)
	}
	return nil
}

// waitHTTP waits until url answers 200, failing early if p exits.
func waitHTTP(p *process, client *http.Client, url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last string
	for time.Now().Before(deadline) {
		if err := p.exitError(); err != nil {
			return err
		}
		resp, err := client.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = fmt.Sprintf("%s: %s", resp.Status, strings.TrimSpace(string(body)))
		} else {
			last = err.Error()
		}
		time.Sleep(250 * time.Millisecond)
	}
	return fmt.Errorf("%s not ready at %s after %s (last answer: %s)\n%s", p.name, url, timeout, last, p.logTail(30))
}

func writeKubeconfig(dir, server string, c *credentials) (string, error) {
	config := clientcmdapi.NewConfig()
	config.Clusters["test"] = &clientcmdapi.Cluster{Server: server, CertificateAuthorityData: c.caPEM}
	config.AuthInfos["admin"] = &clientcmdapi.AuthInfo{ClientCertificateData: c.adminCertPEM, ClientKeyData: c.adminKeyPEM}
	config.Contexts["test"] = &clientcmdapi.Context{Cluster: "test", AuthInfo: "admin"}
	config.CurrentContext = "test"
	path := filepath.Join(dir, "kubeconfig")
	return path, clientcmd.WriteToFile(*config, path)
}

func ignoreNotFound(err error) error {
	if apierrors.IsNotFound(err) {
		return nil
	}
	return err
}
