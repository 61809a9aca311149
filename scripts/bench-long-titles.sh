#!/usr/bin/env bash
# Long-title benchmark (not a test): a model whose organisation, purpose and flow titles are one
# word of N bytes (no spaces, the worst case for wrapping), for N from 100 KB to 10 MB; times
# `flowgate check` and `flowgate render -o DIR --format svg` on each (one run each, process start
# included) and prints a Markdown table. Every stage must be linear: before issue #20, 320 KB took
# 5.5 s to render, 640 KB 17.7 s and 1 MB never finished.
#
#   scripts/bench-long-titles.sh                      # release build (scripts/release-build.sh)
#   BIN=.build/debug scripts/bench-long-titles.sh     # binaries already built
#   SIZES="100000 1000000" scripts/bench-long-titles.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"100000 320000 640000 1000000 3000000 10000000"}
if [[ -z ${BIN:-} ]]; then
  scripts/release-build.sh flowgate >/dev/null
  BIN=.build/release
fi
FLOWGATE=$BIN/flowgate
SCRATCH=$(mktemp -d /tmp/flowgate-long-titles.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT

seconds() { # runs "$@", prints its wall time in seconds; exit status 0 or 1 (findings) is fine
  local start end status
  start=$(date +%s.%N)
  set +e; "$@" >/dev/null 2>&1; status=$?; set -e
  end=$(date +%s.%N)
  if (( status > 1 )); then echo "failed ($status): $*" >&2; exit 2; fi
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

echo "| title | check (s) | render svg (s) |"
echo "|---:|---:|---:|"
for size in $SIZES; do
  dir=$SCRATCH/$size
  mkdir -p "$dir/flows"
  title=$(head -c "$size" /dev/zero | tr '\0' 'A')
  {
    printf 'org a "%s" { kind trust }\n' "$title"
    printf 'org b "B" { kind icb }\n'
    printf 'dataset s "S" { origin non-health; level aggregate; source a }\n'
    printf 'purpose p "%s" { category processing-support }\n' "$title"
    printf 'flow f a -> b "%s" { data s; level aggregate; purpose p }\n' "$title"
  } > "$dir/flows/model.flow"
  check=$(seconds "$FLOWGATE" check "$dir/flows" --as-of 2026-12-07)
  render=$(seconds "$FLOWGATE" render "$dir/flows" -o "$dir/diagrams" --format svg)
  echo "| $((size / 1000)) KB | $check | $render |"
done
