# strimzi-render. Every target works offline but for the Go module proxy.
# VERSION is vX.Y.Z on a release tag, vX.Y.Z-N-g<commit> past one, v0.0.0-<commit> before the first, each
# with -dirty when the tree has changes: always a version images can be tagged with (docs/release.md).
VERSION ?= $(shell git describe --tags --match 'v[0-9]*.[0-9]*.[0-9]*' --dirty 2>/dev/null || \
	git describe --always --dirty 2>/dev/null | sed 's/^/v0.0.0-/' | grep . || echo v0.0.0-unknown)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
IMAGE   ?= ghcr.io/strimzi-render/strimzi-render
ARGOCD_IMAGE ?= ghcr.io/strimzi-render/argocd-cmp-strimzi-render
# OCI labels of both images. The repository states no license yet: NOASSERTION is SPDX's word for that.
IMAGE_SOURCE   ?= https://github.com/strimzi-render/strimzi-render
IMAGE_LICENSES ?= NOASSERTION
KUSTOMIZE_VERSION := v5.8.2
ARGOCD_STAGE := .cache/argocd-image
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)
export GOTOOLCHAIN := local
# Images are tagged vX.Y.Z, or vX.Y.Z-<suffix> between releases, and never latest (docs/release.md).
check-version = $(if $(shell echo '$(VERSION)' | grep -Ex 'v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?'),,\
	$(error VERSION=$(VERSION): images are tagged vX.Y.Z (vX.Y.Z-<suffix> between releases), never latest))
# image-labels are the build arguments that set the OCI labels of the image titled $(1).
image-labels = --build-arg TITLE=$(1) --build-arg VERSION=$(VERSION) --build-arg REVISION=$(COMMIT) \
	--build-arg SOURCE=$(IMAGE_SOURCE) --build-arg LICENSES=$(IMAGE_LICENSES)

.PHONY: update-examples build test e2e image argocd-image argocd-cmp release-tags check-version bench fuzz update-golden

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
image: check-version build
	docker build $(call image-labels,strimzi-render) -t $(IMAGE):$(VERSION) .

## argocd-image: the Argo CD plugin sidecar: static kustomize and strimzi-render, plugin.yaml, UID 999
argocd-image: check-version build
	rm -rf $(ARGOCD_STAGE) && mkdir -p $(ARGOCD_STAGE)
	CGO_ENABLED=0 GOBIN=$(abspath $(ARGOCD_STAGE)) go install -trimpath -ldflags "-s -w" sigs.k8s.io/kustomize/kustomize/v5@$(KUSTOMIZE_VERSION)
	cp bin/strimzi-render config/argocd/plugin.yaml config/argocd/passwd config/argocd/group $(ARGOCD_STAGE)/
	docker build $(call image-labels,argocd-cmp-strimzi-render) -f config/argocd/Dockerfile -t $(ARGOCD_IMAGE):$(VERSION) $(ARGOCD_STAGE)

## argocd-cmp: Argo CD's argocd-cmp-server and a client for the optional e2e tier argocd-cmp-server (about 5 minutes)
argocd-cmp:
	bash scripts/argocd-cmp.sh

## release-tags: add the floating tags vX.Y and vX to both images built at VERSION=vX.Y.Z
release-tags: check-version
	scripts/release-tags.sh $(VERSION) $(IMAGE) $(ARGOCD_IMAGE)

check-version:
	$(check-version)

## bench: speed and memory benchmarks
bench:
	go test -run '^$$' -bench . -benchmem ./...

## fuzz: every fuzz target for FUZZTIME (default 30s) each, as make test ends
fuzz:
	bash scripts/fuzz.sh

## update-golden: rewrite testdata/*/*/expected.yaml from the current output
update-golden:
	go test ./fn -run TestGolden -update

## update-examples: rewrite every example's expected output through kustomize and kpt
update-examples:
	bash scripts/update-examples.sh
