#!/usr/bin/env bash
# Fuzzes every stage with libFuzzer for SECONDS (default 60): lexer, parser, formatter and resolver,
# and for inputs that resolve the analysis, the rules, the diagrams (DOT, Mermaid) and the reports
# (FlowFuzzing.FuzzHarness). Two mutations in three are structure-aware (FlowFuzzing.ModelMutator:
# extreme dates and numbers, swapped references, hostile strings, copied property lines), so
# mutated models stay valid often enough to reach the rules; the rest are libFuzzer's byte mutations.
#
#   scripts/fuzz.sh [SECONDS]       # CI runs 60; scripts/fuzz.sh 3600 runs an hour
#
# Builds the `flowgate-fuzz` product with -DFUZZING and the fuzzer and address sanitizers (only that
# product: with --sanitize fuzzer SwiftPM compiles executables as libraries), copies the seed corpus
# Tests/FuzzCorpus (regressions included) to fuzz-corpus-run/corpus, and runs the fuzzer there with
# -max_total_time. New interesting inputs stay in fuzz-corpus-run/corpus (ignored by git); crashes,
# timeouts and out-of-memory inputs are written to fuzz-corpus-run/artifacts and make the script fail.
# A crash replays with: .build-fuzz/release/flowgate-fuzz fuzz-corpus-run/artifacts/crash-…
# (or, without sanitizers, swift run flowgate-fuzz FILE). Keep each one as a regression:
# copy it to Tests/FuzzCorpus/regressions/ and fix the bug.
#
# Release mode is the default (about ten times the executions per second of a debug build; traps,
# bounds and overflow checks stay on). Environment: FUZZ_CONFIGURATION (release or debug),
# FUZZ_SCRATCH (default .build-fuzz), FUZZ_JOBS (parallel fuzzing processes, default 1),
# FUZZ_ARGS (extra libFuzzer options).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }
scratch="${FUZZ_SCRATCH:-.build-fuzz}"
jobs="${FUZZ_JOBS:-1}"
configuration="${FUZZ_CONFIGURATION:-release}"
run=fuzz-corpus-run

echo "== building flowgate-fuzz ($configuration, libFuzzer + AddressSanitizer) in $scratch"
set +e
# SwiftPM passes -sanitize=fuzzer and -sanitize=address as two flags, and swiftc 6.x then drops the
# fuzzer's coverage instrumentation (libFuzzer warns "no interesting inputs were found... Is the code
# instrumented for coverage?"); the combined -sanitize=fuzzer,address, passed last, keeps both.
# The gold linker's "Cannot export local symbol '__asan…'" warnings are harmless and hidden.
swift build --scratch-path "$scratch" -c "$configuration" -Xswiftc -DFUZZING --sanitize fuzzer --sanitize address \
  -Xswiftc -sanitize=fuzzer,address --product flowgate-fuzz 2>&1 | grep -v "Cannot export local symbol '__asan"
build_status=${PIPESTATUS[0]}
set -e
binary="$scratch/$configuration/flowgate-fuzz"
[[ $build_status -eq 0 && -x "$binary" ]] || { echo "the fuzzer did not build (status $build_status)" >&2; exit 2; }

mkdir -p "$run/corpus" "$run/artifacts"
rm -f "$run"/artifacts/crash-* "$run"/artifacts/timeout-* "$run"/artifacts/oom-* "$run"/artifacts/leak-*
# Seeds and regressions (not the dictionary or the README) join whatever earlier runs found.
find Tests/FuzzCorpus -type f ! -name '*.dict' ! -name 'README.md' -exec cp {} "$run/corpus/" \;

echo "== fuzzing for ${seconds}s ($(ls "$run/corpus" | wc -l) inputs in the corpus)"
parallel=()
if [[ "$jobs" -gt 1 ]]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
set +e
# Leak checking is off: the Swift runtime's one-off allocations would be reported as leaks.
# shellcheck disable=SC2086
ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$binary" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=32768 -detect_leaks=0 \
  -dict=Tests/FuzzCorpus/flow.dict -artifact_prefix="$run/artifacts/" -print_final_stats=1 \
  "${parallel[@]}" ${FUZZ_ARGS:-} "$run/corpus" 2>&1 \
  | tee "$run/fuzz.log" | grep --line-buffered -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE)'
status=${PIPESTATUS[0]}
set -e

found=$(find "$run/artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
if [[ -n "$found" ]]; then
  echo "FUZZING FOUND PROBLEMS:" >&2
  echo "$found" >&2
  exit 1
fi
if [[ "$status" -ne 0 ]]; then
  echo "the fuzzer exited with status $status (see $run/fuzz.log)" >&2
  exit 1
fi
grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$run/fuzz.log" || true
echo "== no crashes in ${seconds}s"
