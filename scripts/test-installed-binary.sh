#!/usr/bin/env bash
# The release flowgate works once installed: copied elsewhere, with no build folder to find
# anything in. The standard library is compiled in; a resource bundle would be looked up beside
# the executable or in the build folder, and without it the binary trapped on any model that
# says `use std`.
#   scripts/test-installed-binary.sh [BINARY]     (default .build/release/flowgate)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/flowgate}
[[ -x $binary ]] || { echo "missing $binary (make build)" >&2; exit 2; }

if grep -q 'flowgate_FlowModel.resources' "$binary"; then
  echo "$binary still looks for a resource bundle (flowgate_FlowModel.resources)" >&2
  exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/bin" "$scratch/model"
cp "$binary" "$scratch/bin/flowgate"
cat > "$scratch/model/m.flow" <<'FLOW'
use std

org icb "An ICB" {
  kind icb
  processor-for nhs-england
}
FLOW
# From the model's folder, with the repository out of reach: only what is in the binary helps.
set +e
output=$(cd "$scratch/model" && env -i PATH=/usr/bin:/bin "$scratch/bin/flowgate" check m.flow --format json 2>&1)
status=$?
set -e
# Exit 0: no errors, so `nhs-england` was found in the library (an unknown name is an error).
if [[ $status -ne 0 ]]; then
  echo "the installed flowgate exited $status on a model that uses std:" >&2
  echo "$output" >&2
  exit 1
fi
echo "installed flowgate: checked a model that uses std, no resource bundle needed"
