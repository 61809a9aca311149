#!/usr/bin/env bash
# The one definition of a release build, used by `make build` and the benchmarks:
#   scripts/release-build.sh PRODUCT [swift build options…]
# - The Swift runtime is linked statically: dynamic symbol binding was a third of `check flows/`'s
#   57 ms (39 ms static; see BENCHMARKS.md).
# - mimalloc replaces glibc's malloc (it comes first in the binary's needed libraries, so every
#   malloc and free binds to it): loading an estate makes and frees millions of small objects on
#   two threads at once, and with mimalloc `check` runs 5% fewer instructions and 10–14% less user
#   CPU at 100k flows (BENCHMARKS.md). Debug, test, sanitizer and fuzzing builds keep glibc's.
set -euo pipefail
product=${1:?usage: scripts/release-build.sh PRODUCT [swift build options…]}
shift
exec "${SWIFT:-swift}" build -c release --static-swift-stdlib -Xlinker -lmimalloc --product "$product" "$@"
