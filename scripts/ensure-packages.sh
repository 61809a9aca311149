#!/usr/bin/env bash
# Installs the Debian packages a build needs when any is missing: Graphviz's development package
# (headers, libgvc and the `dot` plugins) and mimalloc, the allocator release builds link
# (scripts/release-build.sh). With --test, also what the test suites run: Chromium (the DPIA
# annex is opened in a headless browser), faketime (the committed outputs are checked with the
# clock years ahead), git (the diff tests), rsvg-convert (committed diagrams are converted as
# DPIA tooling converts them, and their words must stay apart), LibreOffice Writer and poppler (the
# Word annex is converted to PDF and PNG pages) and unzip (its text is read from the package).
#   scripts/ensure-packages.sh [--test]
set -euo pipefail
missing=()
if ! pkg-config --exists libgvc 2>/dev/null || ! command -v dot >/dev/null 2>&1; then
  missing+=(libgraphviz-dev graphviz pkg-config)
fi
# gcc prints the bare name back when the linker would not find the library.
if [[ $(gcc -print-file-name=libmimalloc.so) != /* ]]; then
  missing+=(libmimalloc-dev)
fi
if [[ ${1:-} == --test ]]; then
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
  command -v faketime >/dev/null 2>&1 || missing+=(faketime)
  command -v git >/dev/null 2>&1 || missing+=(git)
  command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "installing missing packages: ${missing[*]}" >&2
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
