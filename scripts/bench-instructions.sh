#!/usr/bin/env bash
# Instruction counts of `flowgate check` under callgrind (not a test): unlike wall time they do not
# move when other work shares the machine, so two builds can be compared on a busy machine.
# Prints the whole run's instructions and the inclusive counts of the pipeline's stages (parsing
# and rules are counted per file and per rule, whichever thread ran them).
#
#   scripts/bench-instructions.sh                          # the 10k estate, .build/release/flowgate
#   ESTATE=/tmp/flowgate-estate-100000-s1 scripts/bench-instructions.sh
#   BIN=/tmp/old/flowgate scripts/bench-instructions.sh    # another build, to compare
#
# The estate must exist (scripts/bench-check.sh or flowgate-gen writes it). Needs valgrind.
set -euo pipefail

cd "$(dirname "$0")/.."

BIN=${BIN:-.build/release/flowgate}
ESTATE=${ESTATE:-/tmp/flowgate-estate-10000-s1}
AS_OF=2026-11-23

command -v valgrind > /dev/null || { echo "valgrind is not installed (apt-get install -y valgrind)" >&2; exit 2; }
[[ -x $BIN ]] || { echo "missing $BIN (make build, or set BIN)" >&2; exit 2; }
[[ -d $ESTATE ]] || { echo "missing estate $ESTATE (flowgate-gen --flows N -o DIR)" >&2; exit 2; }

profile=$(mktemp)
trap 'rm -f "$profile"' EXIT
set +e
valgrind --tool=callgrind --callgrind-out-file="$profile" "$BIN" check "$ESTATE" --as-of "$AS_OF" --format json > /dev/null 2>&1
status=$?
set -e
if [[ $status -gt 1 ]]; then echo "flowgate check $ESTATE exited $status under callgrind" >&2; exit 2; fi

# inclusive PATTERN: the largest inclusive count of a function whose symbol matches PATTERN (the
# symbol's closure and its thunks share the count; the largest is the function itself).
annotated=$(callgrind_annotate --inclusive=yes "$profile" 2> /dev/null)
inclusive() {
  grep -E "$1" <<< "$annotated" | grep -v '=>' | awk '{ gsub(",", "", $1); if ($1 + 0 > max) max = $1 + 0 } END { printf "%d\n", max }'
}
total=$(awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }' <<< "$annotated")
row() { printf '| %s | %s | %s%% |\n' "$1" "$(sed -E ':a;s/([0-9])([0-9]{3})($|,)/\1,\2\3/;ta' <<< "$2")" "$(awk -v part="$2" -v all="$total" 'BEGIN { printf "%.1f", 100 * part / all }')"; }

echo "Instructions of \`flowgate check $ESTATE\` (callgrind, $BIN)"
echo
echo "| Stage | Instructions | Share |"
echo "|---|---|---|"
row "whole run" "$total"
parse=$(inclusive 'FlowModel7LowererV13parseAndLoweryAA11LoweredFileV0A8Language06SourceH0VFZTf4nd_n')
resolve=$(inclusive 'FlowModel8ResolverV7resolveAA08SemanticB0VyF')
rules=$(inclusive 'FlowRules10RuleEngineO3run_4asOf5rules.*FindingVGSiYbXEfU[0-9]+_')
row "parse + lower (per file, worker threads)" "$parse"
row "resolve" "$resolve"
row "rules (per rule, worker threads)" "$rules"
# The analysis runs its halves on two threads, and an inclusive count covers one thread's calls
# only, so it is given with the rest rather than as a figure of its own.
row "the rest: analysis, reading, output, start-up" "$((total - parse - resolve - rules))"
