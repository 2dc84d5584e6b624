#!/usr/bin/env bash
# Rewrites every example's expected output from the current code: each
# kustomization with an expected/rendered.yaml through kustomize, and the
# stretch packages' expected/clusters through kpt fn render. Review the diff
# before committing it, as for golden files (make update-golden).
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
CGO_ENABLED=0 go build -o "$bin/strimzi-render" .
export PATH="$bin:$PWD/.cache/tools:$PATH"

while read -r expected; do
  dir="$(dirname "$(dirname "$expected")")"
  echo "kustomize build $dir"
  kustomize build --enable-alpha-plugins --enable-exec "$dir" >"$expected"
done < <(find examples -path '*/expected/rendered.yaml' | sort)

for stretch in examples/stretch-mcs examples/stretch-mcs-cert-manager; do
  work="$(mktemp -d)"
  cp -r "$stretch/." "$work/"
  rm -rf "$work/expected"
  echo "kpt fn render $stretch"
  kpt fn render "$work" --allow-exec >/dev/null
  rm -rf "$stretch/expected/clusters"
  mkdir -p "$stretch/expected"
  cp -r "$work/clusters" "$stretch/expected/clusters"
  rm -rf "$work"
done
