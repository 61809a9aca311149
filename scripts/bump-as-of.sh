#!/usr/bin/env bash
# Moves the date the committed outputs are rendered as of (flowgate.toml's `as-of`) to DATE, default
# today (UTC), and re-renders diagrams/ as of it. Review the diagrams' new findings, then commit.
#   scripts/bump-as-of.sh [DATE] [FLOWGATE]       (make bump-as-of)
set -euo pipefail
cd "$(dirname "$0")/.."
date="${1:-$(date -u +%F)}"
flowgate="${2:-.build/release/flowgate}"
[[ $date =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "expected a date written YYYY-MM-DD, got '$date'" >&2; exit 2; }
grep -q '^as-of = ' flowgate.toml || { echo "flowgate.toml has no 'as-of = ' line to move" >&2; exit 2; }
sed -i "s/^as-of = .*/as-of = $date/" flowgate.toml
scripts/render-diagrams.sh "$flowgate"
echo "committed outputs are now as of $date (flowgate.toml); review and commit flowgate.toml and diagrams/"
