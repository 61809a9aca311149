#!/usr/bin/env bash
# Renders each model of the workspace (flowgate.toml) into its diagrams folder: an overview and one
# diagram per purpose, with the findings as of the workspace's `as-of` date (so committed diagrams
# do not change with the calendar). With --check, writes nothing and fails when any committed
# diagram is stale, missing or obsolete.
#   scripts/render-diagrams.sh [--check] [FLOWGATE]
set -euo pipefail
cd "$(dirname "$0")/.."
check=()
if [ "${1:-}" = "--check" ]; then check=(--check); shift; fi
flowgate="${1:-.build/release/flowgate}"
"$flowgate" render "${check[@]}"
