#!/usr/bin/env bash
# The full test suite: formatting, vet, staticcheck, unit and golden tests,
# the end-to-end tiers through the real kustomize, kpt and container image,
# and a bounded run of every fuzzer (FUZZTIME each, 30s by default).
# Installs what it needs through the Go module proxy.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
tools="$PWD/.cache/tools"
mkdir -p "$tools"
export PATH="$tools:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "tools"
if ! "$tools/kustomize" version 2>/dev/null | grep -qx v5.8.2; then
  GOBIN="$tools" go install sigs.k8s.io/kustomize/kustomize/v5@v5.8.2
fi
echo "kustomize $(kustomize version)"
require=kustomize
if command -v kpt >/dev/null; then require+=",kpt"; echo "kpt $(kpt version)"; else echo "kpt: not on PATH"; fi
if docker info >/dev/null 2>&1; then require+=",docker"; echo "docker: engine answers"; else echo "docker: no engine"; fi
# Argo CD's own argocd-cmp-server (built once through the Go module proxy,
# about 5 minutes cold, then cached), driven in the sidecar image.
if [[ $require == *docker* ]]; then
  if [[ ! -x .cache/argocd-cmp/argocd-cmp-server || ! -x .cache/argocd-cmp/cmp-generate ]]; then
    bash scripts/argocd-cmp.sh
  fi
  require+=",argocd-cmp"; echo "argocd-cmp-server: built"
else echo "argocd-cmp-server: needs a Docker engine for the sidecar image; tier skipped"; fi

# Strimzi 1.2.0's CRDs and examples, beside the repository and never copied
# in; tests that read them skip without them, saying so.
strimzi=${STRIMZI_RENDER_STRIMZI_DIR:-../shared/strimzi-1.2.0}
if [ -d "$strimzi/crds" ] && [ -d "$strimzi/examples" ]; then
  have_strimzi=1; echo "Strimzi 1.2.0 files: $strimzi"
else
  have_strimzi=""
  echo "Strimzi 1.2.0 files: not found at $strimzi (set STRIMZI_RENDER_STRIMZI_DIR); the tests that read them skip"
fi

step "gofmt, vet, staticcheck"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted"; exit 1; fi
go vet ./...
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

step "unit and golden tests"
go test $(go list ./... | grep -v /test/e2e)

step "kustomize in process: every example through sigs.k8s.io/kustomize/api/krusty (test/krusty)"
# -count=1: the test builds strimzi-render itself, which go test's cache does not see.
(cd test/krusty && go vet ./... && go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./... && go test -count=1 ./...)

step "cert-manager mode for real (test/certmanager, cert-manager v1.21.2's pki): issue every Certificate, resolve every Secret, TLS handshakes"
# -count=1: the test builds strimzi-render itself, which go test's cache does not see.
(cd test/certmanager && go vet ./... && go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./... && go test -count=1 ./...)
if [ -z "$have_strimzi" ]; then
  echo "skipped: TestStrimziExamples (Strimzi's Kafka examples in cert-manager mode) needs them at $strimzi/examples"
fi

step "Kubernetes validation of every rendered object (test/kubevalidate, k8s.io/kubernetes v1.36.3)"
(cd test/kubevalidate && go vet ./... && go test ./...)
if [ -n "$have_strimzi" ]; then
  rm -rf .cache/rendered
  STRIMZI_RENDER_EXPORT="$PWD/.cache/rendered" go test -count=1 -run TestExportRendered ./fn
  bash test/kubevalidate/run.sh .cache/rendered/*.yaml
  KUBEVALIDATE_FLAGS=--pod-security=baseline bash test/kubevalidate/run.sh .cache/rendered/baseline/*.yaml
else
  echo "skipped: validating the rendered output needs Strimzi's CRDs (not found at $strimzi/crds)"
fi

step "control plane tier (test/controlplane: kube-apiserver, controllers, scheduler, kubectl v1.36.3, etcd, kwok)"
# The first run builds the binaries into .cache/controlplane (docs/testing.md).
(cd test/controlplane && go vet ./...)
# With Strimzi's CRDs a skip is a failure; without them (a fresh clone) the
# tier says that it skips.
require_cp=""
if [ -n "$have_strimzi" ]; then require_cp=1; fi
(cd test/controlplane && STRIMZI_RENDER_CONTROLPLANE_REQUIRE=$require_cp go test -count=1 -timeout 80m -v ./... \
  >../../.cache/controlplane.log 2>&1) || { tail -n 150 .cache/controlplane.log; exit 1; }
grep -E '^ *--- |^ok |controlplane: built|SKIP|skip' .cache/controlplane.log

step "end-to-end tiers (required: $require)"
STRIMZI_RENDER_E2E_REQUIRE="$require" go test -count=1 -v ./test/e2e/ 2>&1 | tee .cache/e2e.log |
  grep -E '^(--- |ok |FAIL|panic)|E2E-TIER'
echo "tiers that ran:"; grep -oE 'E2E-TIER [a-z-]+: ran' .cache/e2e.log | sort -u | sed 's/^/  /'

step "fuzzing"
bash scripts/fuzz.sh
