#!/usr/bin/env bash
# Check benchmark (not a test): builds the release tools, generates estates of 10k and 100k flows
# (and 1M with --full) under /tmp, and for each one
#   - runs flowgate-bench --verify-planted: stage timings, peak RSS, and a check that the findings are
#     exactly the planted violations (one per planted subject, nothing else);
#   - times `flowgate check DIR --as-of 2026-11-23 --format json > /dev/null` end to end
#     (/usr/bin/time, median of RUNS runs, process start included);
# then times `flowgate check flows/` the same way and prints a Markdown table.
#
#   scripts/bench-check.sh                  # 10k and 100k flows
#   scripts/bench-check.sh --full           # also 1M flows (about 0.6 GB of .flow files)
#   SEED=7 RUNS=5 SCRATCH=.build-gen scripts/bench-check.sh
#   SIZES=10000 scripts/bench-check.sh      # one estate only
#   BUILD=0 BIN=.build-gen/release scripts/bench-check.sh   # use binaries already built
#
# Estates are reused when /tmp/flowgate-estate-N-sS/planted.json (written last by flowgate-gen)
# records the same size, seed and format, so an interrupted generation is never reused.
# Exit status: 0 when every estate's findings are exactly the planted ones, 1 otherwise, 2 on errors.
set -euo pipefail

cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000"}
if [[ ${1:-} == --full ]]; then SIZES="$SIZES 1000000"; shift; fi
if [[ $# -gt 0 ]]; then echo "usage: scripts/bench-check.sh [--full]" >&2; exit 2; fi
SEED=${SEED:-1}
RUNS=${RUNS:-3}
SCRATCH=${SCRATCH:-.build}
BIN=${BIN:-$SCRATCH/release}
ESTATES=${ESTATES:-/tmp}
AS_OF=2026-11-23
# The estate shape flowgate-gen writes (planted.json "format"); older estates are regenerated.
FORMAT=2

if [[ ${BUILD:-1} != 0 ]]; then
  scripts/ensure-packages.sh
  for product in flowgate flowgate-gen flowgate-bench; do
    # As `make build` (static Swift runtime, mimalloc): process start is part of every figure.
    scripts/release-build.sh "$product" --scratch-path "$SCRATCH" >&2
  done
fi
for tool in flowgate flowgate-gen flowgate-bench; do
  [[ -x $BIN/$tool ]] || { echo "missing $BIN/$tool (build it, or set BIN)" >&2; exit 2; }
done

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
commas() { sed -E ':a;s/([0-9])([0-9]{3})($|,)/\1,\2\3/;ta' <<< "$1"; }

# time_check DIR: median wall seconds and median peak RSS (MB) of RUNS runs of `flowgate check`.
# Exit 1 (findings) is expected; 2 (invalid model or usage) is not.
time_check() {
  local dir=$1 log walls="" rss="" status
  log=$(mktemp)
  for _ in $(seq "$RUNS"); do
    set +e
    /usr/bin/time -f "%e s %M KB" -o "$log" "$BIN/flowgate" check "$dir" --as-of "$AS_OF" --format json > /dev/null
    status=$?
    set -e
    if [[ $status -gt 1 ]]; then echo "flowgate check $dir exited $status" >&2; rm -f "$log"; exit 2; fi
    read -r wall _ kb _ < <(tail -1 "$log")
    walls+="$wall"$'\n'
    rss+="$((kb / 1024))"$'\n'
  done
  rm -f "$log"
  echo "$(printf '%s' "$walls" | median) $(printf '%s' "$rss" | median)"
}

# ensure_estate N: the estate directory for N flows, generated unless a complete one is there.
ensure_estate() {
  local flows=$1 dir="$ESTATES/flowgate-estate-$1-s$SEED"
  local manifest="$dir/planted.json"
  if [[ -f $manifest ]] && grep -q "\"requestedFlows\" : $flows," "$manifest" \
      && grep -Eq "\"seed\" : $SEED,?\$" "$manifest" && grep -q "\"format\" : $FORMAT," "$manifest"; then
    echo "reusing $dir" >&2
  else
    "$BIN/flowgate-gen" --flows "$flows" --seed "$SEED" -o "$dir" >&2
  fi
  echo "$dir"
}

# stage NAME FILE: the median seconds flowgate-bench printed for a stage.
stage() { awk -v name="$1" 'index($0, name) == 1 { for (i = 1; i <= NF; i++) if ($i == "median") { print $(i + 1); exit } }' "$2"; }

failed=0
rows=()
for flows in $SIZES; do
  dir=$(ensure_estate "$flows")
  bench=$(mktemp)
  echo "bench $dir" >&2
  set +e
  "$BIN/flowgate-bench" "$dir" --repeat 1 --verify-planted > "$bench"
  status=$?
  set -e
  cat "$bench" >&2
  if [[ $status -eq 1 ]]; then failed=1; elif [[ $status -ne 0 ]]; then rm -f "$bench"; exit 2; fi
  actual=$(awk '/^flows:/ { print $2 }' "$bench")
  megabytes=$(du -sm "$dir" | cut -f1)
  planted=$(awk '/^planted / { split($3, part, "/"); found += part[1]; total += part[2] } END { print found "/" total }' "$bench")
  extra=$(awk '/^extra findings:/ { print $3 }' "$bench")
  peak=$(awk '/^flows:/ { for (i = 1; i <= NF; i++) if ($i == "RSS:") print $(i + 1) }' "$bench")
  echo "check $dir ($RUNS runs)" >&2
  timing=$(time_check "$dir")
  read -r wall rss <<< "$timing"
  rows+=("| $(commas "$actual") flows ($megabytes MB) | $planted | $extra | $(stage parse "$bench") s | $(stage lower "$bench") s | $(stage resolve "$bench") s | $(stage analysis "$bench") s | $(stage rules "$bench") s | $peak MB | $wall s | $rss MB |")
  rm -f "$bench"
done

echo "check flows/ ($RUNS runs)" >&2
timing=$(time_check flows/)
read -r flows_wall flows_rss <<< "$timing"

echo
echo "Seed $SEED, --as-of $AS_OF, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; stage times from one flowgate-bench run, check times the median of $RUNS."
echo
echo "| Estate | planted found | extra findings | parse (syntax only, one core) | read+parse+lower | resolve | analysis | rules | bench peak RSS | \`check\` wall | \`check\` peak RSS |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "\`flowgate check flows/\`: $flows_wall s wall, $flows_rss MB peak RSS (median of $RUNS)."
exit $failed
