#!/usr/bin/env bash
# Installs Debian's Graphviz development package (headers, libgvc and the `dot` plugins) when missing.
set -euo pipefail
if pkg-config --exists libgvc 2>/dev/null && command -v dot >/dev/null 2>&1; then
  exit 0
fi
echo "Graphviz development package missing: installing libgraphviz-dev and graphviz" >&2
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq libgraphviz-dev graphviz pkg-config >/dev/null
