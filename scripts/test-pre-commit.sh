#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml end to end, the way a consumer uses it.
#
#   scripts/test-pre-commit.sh [--working-tree]
#
# Installs pre-commit from PyPI if it is missing (into a virtual environment under
# ${XDG_CACHE_HOME:-~/.cache}/flowgate), creates a temporary git repository holding a good and a bad
# .flow file and a .pre-commit-config.yaml whose `repo:` is this checkout and whose `rev:` is
# `git rev-parse HEAD`, runs the hooks, and checks what they do. pre-commit clones the hook
# repository at that rev, so it tests what is COMMITTED at HEAD, not uncommitted changes; with
# --working-tree it snapshots the working tree (tracked and untracked, not ignored, files) into a
# temporary repository and tests that instead.
#
# The first run builds flowgate in release mode inside pre-commit's cache (several minutes); later
# runs at the same rev reuse it. Prints `N passed, N failed` last; exits 1 if anything failed.
set -uo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
passed=0
failed=0
pass() { echo "  ok   $1"; passed=$((passed + 1)); }
fail() { echo "  FAIL $1"; failed=$((failed + 1)); [[ -n "${2:-}" ]] && sed 's/^/       | /' <<<"$2" | tail -40; }
finish() { echo; echo "$passed passed, $failed failed"; [[ $failed -eq 0 && $passed -gt 0 ]]; exit $?; }

work="$(mktemp -d "${TMPDIR:-/tmp}/flowgate-pre-commit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=flowgate GIT_AUTHOR_EMAIL=flowgate@example.invalid
export GIT_COMMITTER_NAME=flowgate GIT_COMMITTER_EMAIL=flowgate@example.invalid

# --- pre-commit itself ----------------------------------------------------------------------------
if command -v pre-commit >/dev/null 2>&1; then
  precommit=(pre-commit)
else
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/flowgate/pre-commit-venv"
  if [[ ! -x "$venv/bin/pre-commit" ]]; then
    echo "== installing pre-commit from PyPI into $venv"
    python3 -m venv "$venv" && "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pre-commit \
      || { echo "cannot install pre-commit (needs python3 with venv and pip)" >&2; fail "install pre-commit"; finish; }
  fi
  precommit=("$venv/bin/pre-commit")
fi
echo "== $("${precommit[@]}" --version)"

# --- the hook repository and rev ------------------------------------------------------------------
hooks_repo="$here"
if [[ "${1:-}" == "--working-tree" ]]; then
  hooks_repo="$work/hooks"
  mkdir -p "$hooks_repo"
  (cd "$here" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp --parents {} "$hooks_repo/" 2>/dev/null)
  git -C "$hooks_repo" init -q && git -C "$hooks_repo" add -A && git -C "$hooks_repo" commit -qm "working tree snapshot" \
    || { fail "snapshot the working tree"; finish; }
  echo "== testing a snapshot of the working tree"
fi
rev="$(git -C "$hooks_repo" rev-parse HEAD)"
echo "== hooks from $hooks_repo at $rev"
if git -C "$hooks_repo" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null; then
  pass ".pre-commit-hooks.yaml is committed at $rev"
else
  fail ".pre-commit-hooks.yaml is not committed at HEAD ($rev): commit it, or run with --working-tree"
  finish
fi

# --- a consumer repository ------------------------------------------------------------------------
consumer="$work/consumer"
mkdir -p "$consumer/flows"
cd "$consumer" || exit 2
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks_repo
    rev: $rev
    hooks:
      - id: flowgate-check
        args: [flows/, --as-of, "2026-01-01"]
      - id: flowgate-fmt
      - id: flowgate-render-check
YAML
# Canonically formatted, and no error-level findings.
cat > flows/good.flow <<'FLOW'
use std

org a "A Trust" {
  kind trust
  public-authority yes
}

org b "B ICB" {
  kind icb
  public-authority yes
}

dataset s "Staff counts" {
  origin non-health
  level aggregate
  source a
}

purpose p "Payroll" {
  category processing-support
}

flow f1 a -> b "Staff counts" {
  data s
  level aggregate
  purpose p
  suppress-below 8
  round-to 5
}
FLOW
git add -A && git commit -qm "good model"

run() { "${precommit[@]}" run "$@" 2>&1; }

echo "== good file (the first run builds flowgate inside pre-commit's cache)"
out="$(run flowgate-check --all-files)"; status=$?
if [[ $status -eq 0 ]] && grep -q "flowgate check.*Passed" <<<"$out"; then pass "flowgate-check passes the good file"; else fail "flowgate-check passes the good file (status $status)" "$out"; fi

out="$(run flowgate-fmt --all-files)"; status=$?
if [[ $status -eq 0 ]] && grep -q "flowgate fmt.*Passed" <<<"$out"; then pass "flowgate-fmt leaves the good (canonical) file alone"; else fail "flowgate-fmt passes the good file (status $status)" "$out"; fi

out="$(run flowgate-render-check --all-files)"; status=$?
if [[ $status -ne 0 ]] && grep -q "missing: diagrams/overview.svg" <<<"$out"; then pass "flowgate-render-check fails while diagrams/ is missing"; else fail "flowgate-render-check fails while diagrams/ is missing (status $status)" "$out"; fi

# Draw the diagrams with the flowgate pre-commit built, commit them, and the check passes.
flowgate="$("${precommit[@]}" --version >/dev/null; python3 - "$hooks_repo" "$rev" <<'PY'
import os, sqlite3, sys
home = os.environ.get("PRE_COMMIT_HOME") or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "pre-commit")
row = sqlite3.connect(os.path.join(home, "db.db")).execute("SELECT path FROM repos WHERE repo = ? AND ref = ?", (sys.argv[1], sys.argv[2])).fetchone()
for root, dirs, files in os.walk(row[0]) if row else []:
    if root.endswith("/release") and "flowgate" in files:
        print(os.path.join(root, "flowgate")); break
PY
)"
if [[ -x "$flowgate" ]] && "$flowgate" render flows/ -o diagrams/ >/dev/null && git add -A && git commit -qm diagrams; then
  out="$(run flowgate-render-check --all-files)"; status=$?
  if [[ $status -eq 0 ]]; then pass "flowgate-render-check passes with fresh diagrams"; else fail "flowgate-render-check passes with fresh diagrams" "$out"; fi
  printf '\nflow f2 a -> b "Second" {\n  data s\n  level aggregate\n  purpose p\n  suppress-below 8\n  round-to 5\n}\n' >> flows/good.flow
  git add -A
  out="$(run flowgate-render-check --all-files)"; status=$?
  if [[ $status -ne 0 ]] && grep -q "stale: diagrams/overview.svg" <<<"$out"; then pass "flowgate-render-check fails on stale diagrams"; else fail "flowgate-render-check fails on stale diagrams (status $status)" "$out"; fi
  git checkout -q -- flows/good.flow
else
  fail "find the flowgate pre-commit built and render diagrams (looked for ${flowgate:-nothing})"
fi

echo "== bad file"
printf 'org x {\n  kind nonsense\n}\n' > flows/bad.flow
git add -A
out="$(run flowgate-check --all-files)"; status=$?
if [[ $status -ne 0 ]] && grep -q "flowgate check.*Failed" <<<"$out" && grep -q "flows/bad.flow:2:8: error\[FG112\]" <<<"$out"; then
  pass "flowgate-check fails the bad file and shows the diagnostic"
else
  fail "flowgate-check fails the bad file with flows/bad.flow:2:8: error[FG112] (status $status)" "$out"
fi
"${precommit[@]}" install >/dev/null 2>&1
if git commit -qm "bad model" >/dev/null 2>&1; then
  fail "the installed hook blocks a commit of the bad file"
  git reset -q --soft HEAD~1
else
  pass "the installed hook blocks a commit of the bad file"
fi
"${precommit[@]}" uninstall >/dev/null 2>&1
git rm -q --cached flows/bad.flow && rm flows/bad.flow

echo "== unformatted file"
printf 'org c   "C Trust" { kind trust ;  public-authority yes }\n# kept\n' > flows/messy.flow
git add -A
out="$(run flowgate-fmt --files flows/messy.flow)"; status=$?
expected=$'org c "C Trust" {\n  kind trust\n  public-authority yes\n}\n# kept\n'
if [[ $status -ne 0 ]] && grep -q "files were modified by this hook" <<<"$out" && grep -q "reformatted flows/messy.flow" <<<"$out"; then
  pass "flowgate-fmt rewrites the unformatted file and pre-commit reports it"
else
  fail "flowgate-fmt rewrites the unformatted file (status $status)" "$out"
fi
if [[ "$(cat flows/messy.flow; echo x)" == "${expected}x" ]]; then pass "the rewritten file is in the canonical layout"; else fail "the rewritten file is in the canonical layout" "$(cat flows/messy.flow)"; fi
git add -A
out="$(run flowgate-fmt --files flows/messy.flow)"; status=$?
if [[ $status -eq 0 ]]; then pass "flowgate-fmt passes once the file is formatted"; else fail "flowgate-fmt passes once the file is formatted" "$out"; fi

echo "== a workspace (flowgate.toml) with two models: the hook checks only the one a commit changes"
# Both models are the good file: the same names twice, so loaded as one model they would clash.
mkdir -p models/north models/south
cp flows/good.flow models/north/m.flow && cp flows/good.flow models/south/m.flow
git rm -q -r --cached . >/dev/null && rm -rf flows diagrams
printf '[models.north]\npaths = ["models/north"]\n\n[models.south]\npaths = ["models/south"]\n' > flowgate.toml
sed -i '/args: \[flows\/, --as-of/d' .pre-commit-config.yaml
git add -A && git commit -qm "two models" --no-verify
sed -i 's/Staff counts"/Staff numbers"/' models/south/m.flow
git add models/south/m.flow
out="$(run flowgate-check --verbose)"; status=$?
if [[ $status -eq 0 ]] && grep -q "== south (models/south) ==" <<<"$out" && ! grep -q "== north" <<<"$out"; then
  pass "flowgate-check checks only the model whose file changed"
else
  fail "flowgate-check checks only models/south (status $status)" "$out"
fi

finish
