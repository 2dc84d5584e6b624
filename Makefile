# strimzi-render. Every target works offline but for the Go module proxy.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
IMAGE   ?= ghcr.io/strimzi-render/strimzi-render
ARGOCD_IMAGE ?= ghcr.io/strimzi-render/argocd-cmp-strimzi-render
KUSTOMIZE_VERSION := v5.8.2
ARGOCD_STAGE := .cache/argocd-image
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)
export GOTOOLCHAIN := local
# Images are never tagged latest (docs/release.md).
no-latest = $(if $(filter latest,$(VERSION)),$(error VERSION=latest: images are tagged vX.Y.Z, vX.Y and vX only))

.PHONY: build test e2e image argocd-image argocd-cmp release-tags no-latest bench fuzz update-golden

## build: the static binary, bin/strimzi-render
build:
	CGO_ENABLED=0 go build -trimpath -ldflags "$(LDFLAGS)" -o bin/strimzi-render .

## test: everything CI runs (README's test command)
test:
	bash scripts/test.sh

## e2e: only the end-to-end tiers
e2e:
	go test -count=1 -v ./test/e2e/

## image: the function image, built from bin/ with no registry access (tag vX.Y.Z; never latest)
image: no-latest build
	docker build -t $(IMAGE):$(VERSION) .

## argocd-image: the Argo CD plugin sidecar: static kustomize and strimzi-render, plugin.yaml, UID 999
argocd-image: no-latest build
	rm -rf $(ARGOCD_STAGE) && mkdir -p $(ARGOCD_STAGE)
	CGO_ENABLED=0 GOBIN=$(abspath $(ARGOCD_STAGE)) go install -trimpath -ldflags "-s -w" sigs.k8s.io/kustomize/kustomize/v5@$(KUSTOMIZE_VERSION)
	cp bin/strimzi-render config/argocd/plugin.yaml config/argocd/passwd config/argocd/group $(ARGOCD_STAGE)/
	docker build -f config/argocd/Dockerfile -t $(ARGOCD_IMAGE):$(VERSION) $(ARGOCD_STAGE)

## argocd-cmp: Argo CD's argocd-cmp-server and a client for the optional e2e tier argocd-cmp-server (about 5 minutes)
argocd-cmp:
	bash scripts/argocd-cmp.sh

## release-tags: add the floating tags vX.Y and vX to both images built at VERSION=vX.Y.Z
release-tags: no-latest
	scripts/release-tags.sh $(VERSION) $(IMAGE) $(ARGOCD_IMAGE)

no-latest:
	$(no-latest)

## bench: speed and memory benchmarks
bench:
	go test -run '^$$' -bench . -benchmem ./...

## fuzz: every fuzz target for FUZZTIME (default 30s) each, as make test ends
fuzz:
	bash scripts/fuzz.sh

## update-golden: rewrite testdata/*/*/expected.yaml from the current output
update-golden:
	go test ./fn -run TestGolden -update
