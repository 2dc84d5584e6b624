# strimzi-render. Every target works offline but for the Go module proxy.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
IMAGE   ?= ghcr.io/strimzi-render/strimzi-render
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)
export GOTOOLCHAIN := local

.PHONY: build test e2e image bench fuzz update-golden

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
image: build
	docker build -t $(IMAGE):$(VERSION) .

## bench: speed and memory benchmarks
bench:
	go test -run '^$$' -bench . -benchmem ./...

## fuzz: every fuzz target for FUZZTIME (default 30s) each, as make test ends
fuzz:
	bash scripts/fuzz.sh

## update-golden: rewrite testdata/*/*/expected.yaml from the current output
update-golden:
	go test ./fn -run TestGolden -update
