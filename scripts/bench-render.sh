#!/usr/bin/env bash
# Render benchmark (not a test): generates synthetic models of N organisations with about 2N flows,
# boundaries and a few purposes, then
#   1. times `flowgate render` on them (whole process: start, model loading, DOT, layout, SVG);
#   2. renders the SAME DOT text in-process (flowgate-render-bench, FlowGraphviz) and with the `dot`
#      program (`dot -Tsvg FILE`), to compare the two routes on identical input.
#
#   scripts/bench-render.sh                 # sizes 200 and 1000, 3 runs each, release build
#   SIZES="200" RUNS=5 FLOWGATE=.build/debug/flowgate BENCH=.build/debug/flowgate-render-bench scripts/bench-render.sh
#
# Part 1 reports the median wall and CPU time of: the whole-model SVG (overview), the DOT text alone
# (load + build + write, no layout), and the busiest purpose view as SVG (full labels). Part 2
# reports, for the overview's and the busiest purpose's DOT (medians of RUNS): the `dot` process;
# in-process, the first render in a fresh process (Graphviz context, plugins and fonts loaded on
# the way, as `dot` loads them), that process's whole wall time (Swift runtime start included), and
# later renders in the same process (what `flowgate render DIR` pays for every diagram after the
# first).
set -euo pipefail

FLOWGATE=${FLOWGATE:-.build/release/flowgate}
BENCH=${BENCH:-.build/release/flowgate-render-bench}
SIZES=${SIZES:-"200 1000"}
RUNS=${RUNS:-3}

for tool in "$FLOWGATE" "$BENCH"; do
  if [[ ! -x $tool ]]; then
    echo "build first (swift build -c release --product flowgate; swift build -c release --product flowgate-render-bench), or set FLOWGATE= / BENCH=" >&2
    exit 2
  fi
done
command -v dot > /dev/null || { echo "the dot program is needed (apt-get install graphviz)" >&2; exit 2; }

# generate N: a deterministic model of N organisations (awk's own LCG, no randomness between runs).
generate() {
  awk -v n="$1" '
  function rnd(k) { seed = (seed * 1103515245 + 12345) % 2147483648; return int(seed / 65536) % k }
  BEGIN {
    seed = 42
    split("trust gp-practice community-provider icb dscro csu supplier local-authority research-body national-body", kinds, " ")
    split("identifiable pseudonymised-weak pseudonymised anonymised-in-context anonymised aggregate", levels, " ")
    print "model \"Synthetic estate of " n " organisations\"\n"
    for (p = 0; p < 8; p++) printf "purpose p%d \"Purpose %d\" {\n  category commissioning-planning\n}\n\n", p, p
    for (d = 0; d < 12; d++) printf "dataset d%d \"Dataset %d\" {\n  origin england-health\n  special-category health\n}\n\n", d, d
    print "approval cag \"Synthetic approval\" {\n  reference \"CAG 0-00(a)/2013\"\n  regulation 5\n  valid-until unknown\n}\n"
    print "opt-out ndoo-x \"National Data Opt-out\" {\n  kind national-data-opt-out\n}\n"
    for (i = 0; i < n; i++) {
      kind = kinds[1 + rnd(10)]
      printf "org o%d \"Organisation %d of the estate\" {\n  kind %s\n}\n\n", i, i, kind
    }
    # One boundary per 25 organisations (a system), every second one with a nested boundary.
    for (b = 0; b * 25 < n; b++) {
      printf "boundary b%d \"System %d\" {\n  kind system\n  contains", b, b
      sep = " "
      for (i = b * 25; i < b * 25 + 10 && i < n; i++) { printf "%so%d", sep, i; sep = ", " }
      printf "\n"
      if (b % 2 == 0 && b * 25 + 12 < n) printf "  boundary b%dn \"Environment %d\" {\n    kind safe-haven\n    contains o%d, o%d\n  }\n", b, b, b * 25 + 10, b * 25 + 11
      printf "}\n\n"
    }
    # About two flows per organisation, each to a later organisation at most 20 ahead.
    f = 0
    for (i = 0; i < n - 1; i++) {
      for (k = 0; k < 2; k++) {
        j = i + 1 + rnd(20); if (j >= n) j = n - 1
        printf "flow f%d o%d -> o%d {\n  data d%d\n  level %s\n  purpose p%d\n  art6 e \"NHS Act 2006 s14Z\"\n  art9 h\n  confidentiality s251-reg5 cag\n%s}\n\n", f, i, j, rnd(12), levels[1 + rnd(6)], rnd(8), (rnd(4) == 0 ? "  applies ndoo-x\n" : "")
        f++
      }
    }
  }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# Wall time and CPU time (user + sys): on a shared machine wall time also counts waiting for a core,
# so both are reported (load average printed at the end).
time_render() { # label, args...
  local label=$1; shift
  local walls=() cpus=()
  for ((r = 0; r < RUNS; r++)); do
    local line
    line=$( { TIMEFORMAT='%R %U %S'; time "$FLOWGATE" render "$@" > /dev/null 2>&1; } 2>&1 | tail -1)
    read -r wall user sys <<< "$line"
    walls+=("$wall")
    cpus+=("$(echo "$user + $sys" | bc)")
  done
  printf '  %-30s wall %6.2f s   cpu %6.2f s   (median of %d)\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "$RUNS"
}

# Same DOT, two routes: the dot program, and FlowGraphviz in-process. flowgate-render-bench alternates
# in-process renders with `dot` child processes (so both see the same machine load) and prints medians
# (see its header); a fresh bench process per run gives the first render in a process (context, plugin
# and font loading included, as `dot` has them), whose whole-process wall time is taken too.
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
compare_routes() { # label, dot-file
  local label=$1 file=$2 line firsts=() cpus=() wholes=()
  line=$("$BENCH" --repeat "$RUNS" "$file" 2> /dev/null)
  for ((r = 0; r < RUNS; r++)); do
    local run
    run=$( { TIMEFORMAT='%R'; time "$BENCH" --repeat 0 --dot-program "" "$file" 2> /dev/null; } 2>&1)
    firsts+=("$(echo "$run" | head -1 | field first_wall)")
    cpus+=("$(echo "$run" | head -1 | field first_cpu)")
    wholes+=("$(echo "$run" | tail -1)")
  done
  printf '  %-22s dot -Tsvg %5.2f s (cpu %5.2f) | in-process: first render %5.2f s (cpu %5.2f), whole process %5.2f s, later renders %5.2f s (cpu %5.2f)\n' \
    "$label" "$(echo "$line" | field dot_wall)" "$(echo "$line" | field dot_cpu)" \
    "$(printf '%s\n' "${firsts[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "$(printf '%s\n' "${wholes[@]}" | median)" \
    "$(echo "$line" | field warm_wall)" "$(echo "$line" | field warm_cpu)"
}

for n in $SIZES; do
  dir=$(mktemp -d)
  generate "$n" > "$dir/estate.flow"
  flows=$(grep -c '^flow ' "$dir/estate.flow")
  busiest=$(grep -o 'purpose p[0-9]*$' "$dir/estate.flow" | sort | uniq -c | sort -rn | awk 'NR == 1 { print $3 }')
  purpose_flows=$(grep -c "purpose $busiest\$" "$dir/estate.flow")
  echo "$n organisations, $flows flows (busiest purpose $busiest: $purpose_flows flows)"
  time_render "overview, DOT only" "$dir" --format dot
  time_render "overview, SVG" "$dir" --format svg
  time_render "purpose $busiest, SVG" "$dir" --format svg --purpose "$busiest"
  "$FLOWGATE" render "$dir" --format dot > "$dir/overview.dot"
  "$FLOWGATE" render "$dir" --format dot --purpose "$busiest" > "$dir/purpose.dot"
  compare_routes "overview DOT" "$dir/overview.dot"
  compare_routes "purpose $busiest DOT" "$dir/purpose.dot"
  rm -rf "$dir"
done
echo "load average: $(cut -d" " -f1-3 /proc/loadavg 2>/dev/null || uptime)"
