// Package controlplane runs a real Kubernetes control plane for tests:
// etcd (Debian's etcd-server package), kube-apiserver,
// kube-controller-manager, kube-scheduler and kubectl built from
// k8s.io/kubernetes, and kwok's controller faking the nodes, so that pods
// are scheduled and become Running and Ready without a kubelet. Everything
// listens on 127.0.0.1 only, keeps its files in a temporary directory and is
// stopped by PID when the test ends.
//
//	cp := controlplane.Start(t, controlplane.Options{})
//	cp.InstallCRDs(ctx, controlplane.RequireStrimziCRDs(t))
//	cp.Apply(ctx, "examples/kafka-node-pools/expected/rendered.yaml", controlplane.ApplyOptions{ServerSide: true})
//	cp.WaitPodsReady(ctx, "kafka", "my-cluster-brokers-0")
//
// The binaries are built once per version into .cache/controlplane/ in the
// repository (see EnsureBinaries); the tests skip, saying why, when they
// cannot be had.
package controlplane
