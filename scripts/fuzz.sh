#!/usr/bin/env bash
# Runs every fuzz target (func FuzzX(f *testing.F) in a _test.go file) for
# a bounded time, one after another: FUZZTIME each, a -fuzztime value,
# 30s by default. An input that fails is written to the package's
# testdata/fuzz/<target>/, where every go test replays it; see
# docs/testing.md for adding it to the seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
fuzztime="${FUZZTIME:-30s}"

targets=$(grep -rE --include='*_test.go' --exclude-dir=.git --exclude-dir=.cache -o '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . |
  sed -E 's|^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*|\1 \2|' | sort)
if [ -z "$targets" ]; then echo "no fuzz targets found"; exit 1; fi

ran=()
while read -r dir target; do
  echo "fuzzing $target in ./$dir for $fuzztime"
  go test "./$dir" -run '^$' -fuzz "^$target\$" -fuzztime "$fuzztime"
  ran+=("./$dir $target")
done <<<"$targets"
echo "fuzz targets that ran (${fuzztime} each):"
printf '  %s\n' "${ran[@]}"
