#!/usr/bin/env bash
# Runs every fuzz target (func FuzzX(f *testing.F) in a _test.go file) for
# a bounded time, one after another: FUZZTIME each, a -fuzztime value, 30s
# by default, or a count such as 20000x. An input that fails is written to
# the package's testdata/fuzz/<target>/, where every go test replays it; see
# docs/testing.md for adding it to the seed corpus.
#
# With a duration, Go's fuzz coordinator can fail a run that found nothing
# with a bare "context deadline exceeded" as the time runs out: it sees the
# deadline before its workers' context does (go.dev/issue/75804, fixed in
# Go 1.27), which happens on a loaded machine. Such a run, and only such a
# run, is tried again, up to FUZZ_ATTEMPTS times in all (3 by default). Any
# other failure, or one that wrote a failing input, fails at once.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
fuzztime="${FUZZTIME:-30s}"
attempts="${FUZZ_ATTEMPTS:-3}"

targets=$(grep -rE --include='*_test.go' --exclude-dir=.git --exclude-dir=.cache -o '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . |
  sed -E 's|^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*|\1 \2|' | sort)
if [ -z "$targets" ]; then echo "no fuzz targets found"; exit 1; fi

# deadline_only reports whether the go test output in $2 fails target $1
# with nothing but the coordinator's "context deadline exceeded".
deadline_only() {
  awk -v fail="--- FAIL: $1 (" '
    index($0, fail) == 1 { in_fail = 1; next }
    in_fail && /^[ \t]/ { lines++; if ($0 != "    context deadline exceeded") other = 1; next }
    in_fail { in_fail = 0 }
    END { exit !(lines == 1 && !other) }
  ' "$2"
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
ran=()
while read -r dir target; do
  corpus="$dir/testdata/fuzz/$target"
  for ((attempt = 1; ; attempt++)); do
    echo "fuzzing $target in ./$dir for $fuzztime"
    before=$(ls "$corpus" 2>/dev/null || true)
    if go test "./$dir" -run '^$' -fuzz "^$target\$" -fuzztime "$fuzztime" 2>&1 | tee "$log"; then
      break
    fi
    if ((attempt < attempts)) && deadline_only "$target" "$log" && [ "$(ls "$corpus" 2>/dev/null || true)" = "$before" ]; then
      echo "fuzz.sh: $target: the fuzz coordinator stopped at its deadline with \"context deadline exceeded\" and no failing input (go.dev/issue/75804); running it again ($((attempt + 1)) of $attempts)"
      continue
    fi
    exit 1
  done
  ran+=("./$dir $target")
done <<<"$targets"
echo "fuzz targets that ran (${fuzztime} each):"
printf '  %s\n' "${ran[@]}"
