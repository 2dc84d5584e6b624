#!/usr/bin/env bash
# Validate rendered files (YAML streams or KRM ResourceLists) with the
# Kubernetes API server's rules. Usage: bash test/kubevalidate/run.sh FILE...
#
# Builds the kubevalidate CLI into a cache directory (go build skips the link
# when nothing changed), then checks each file and fails on any problem,
# printing "<apiVersion>/<kind> <namespace>/<name>: <field>: <message>".
# Exit status: 0 valid, 1 problems found, 2 unreadable input or bad usage.
#
# Environment:
#   KUBEVALIDATE_CRDS   CRD directory (default: crds/ of STRIMZI_RENDER_STRIMZI_DIR)
#   STRIMZI_RENDER_STRIMZI_DIR  Strimzi 1.2.0's release files, absolute or relative to the
#                       repository root (default: ../shared/strimzi-1.2.0, beside the repository)
#   KUBEVALIDATE_CACHE  where the binary goes (default: ${XDG_CACHE_HOME:-~/.cache}/strimzi-render/kubevalidate)
#   KUBEVALIDATE_FLAGS  extra CLI flags, e.g. --require-namespace
set -euo pipefail

if [ "$#" -eq 0 ]; then
	echo "usage: bash test/kubevalidate/run.sh FILE..." >&2
	exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
strimzi=${STRIMZI_RENDER_STRIMZI_DIR:-../shared/strimzi-1.2.0}
[[ $strimzi == /* ]] || strimzi=$root/$strimzi
crds=${KUBEVALIDATE_CRDS:-$strimzi/crds}
if [ ! -d "$crds" ]; then
	echo "run.sh: no CRD directory at $crds: set STRIMZI_RENDER_STRIMZI_DIR to the directory holding Strimzi 1.2.0's crds/, or KUBEVALIDATE_CRDS to the CRDs" >&2
	exit 2
fi
cache=${KUBEVALIDATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/strimzi-render/kubevalidate}
bin=$cache/kubevalidate

mkdir -p "$cache"
(cd "$here" && GOTOOLCHAIN=local go build -o "$bin" ./cmd/kubevalidate)

# One process for all files: the CRDs are compiled once. It checks every
# file, prints a summary line per file on stderr, and exits 1 on any problem.
# shellcheck disable=SC2086 # KUBEVALIDATE_FLAGS is a list of flags
exec "$bin" --crds "$crds" ${KUBEVALIDATE_FLAGS:-} "$@"
