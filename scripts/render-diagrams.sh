#!/usr/bin/env bash
# Renders each model folder under flows/ (one per ICB, plus the starter) into diagrams/<folder>/:
# an overview and one diagram per purpose. With --check, writes nothing and fails when any
# committed diagram is stale, missing or obsolete.
#   scripts/render-diagrams.sh [--check] [FLOWGATE]
set -euo pipefail
cd "$(dirname "$0")/.."
check=()
if [ "${1:-}" = "--check" ]; then check=(--check); shift; fi
flowgate="${1:-.build/release/flowgate}"
status=0
for folder in flows/*/; do
  name=$(basename "$folder")
  "$flowgate" render "$folder" -o "diagrams/$name" "${check[@]}" || status=$?
done
exit $status
