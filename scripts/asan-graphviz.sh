#!/usr/bin/env bash
# The Graphviz binding under AddressSanitizer and LeakSanitizer: builds the tests with
# --sanitize address (in .build-asan) and runs the FlowGraphviz suites (repeated and concurrent
# renders, every format, hostile labels, malformed DOT) and the FlowRender suites (every seed
# diagram and view, rendered and measured). Fails on any memory error, and on any leak except the
# ones inside Graphviz and its font libraries listed in scripts/lsan-graphviz.supp.
#
#   scripts/asan-graphviz.sh [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-asan
if [[ ${1:-} != --skip-build ]]; then
  swift build --build-tests --sanitize address --scratch-path "$scratch"
fi
export ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=16:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-graphviz.supp:print_suppressions=1"
swift test --skip-build --sanitize address --scratch-path "$scratch" --disable-xctest \
  --filter 'FlowGraphvizTests|FlowRenderTests'
echo "== no memory errors or leaks outside Graphviz's own (scripts/lsan-graphviz.supp)"
