#!/usr/bin/env bash
# CI's currency checks: the committed outputs are what the code makes of the committed sources —
# flows/ is canonically formatted, diagrams/ is as `scripts/render-diagrams.sh` draws it (as of the
# workspace's pinned `as-of` date, never today), and docs/rules.md is `flowgate explain --markdown`.
# Nothing here may depend on the day it runs: a test runs it with the clock years ahead
# (Tests/FlowgateCLITests/CommittedOutputsTests.swift).
#   scripts/check-committed-outputs.sh [FLOWGATE]     (default .build/release/flowgate)
set -euo pipefail
cd "$(dirname "$0")/.."
flowgate="${1:-.build/release/flowgate}"
"$flowgate" fmt --check flows/
scripts/render-diagrams.sh --check "$flowgate"
"$flowgate" explain --markdown | diff -u docs/rules.md - >/dev/null \
  || { echo "docs/rules.md is stale: run 'flowgate explain --markdown > docs/rules.md'" >&2; exit 1; }
echo "committed outputs are current"
