#!/usr/bin/env bash
# Builds the release fluxsim and prints the binary's path: the one build every script,
# benchmark and the README use. Swift's runtime and Foundation are linked statically
# (`--static-swift-stdlib`): the dynamic loader then has far fewer symbols to bind and a
# run reaches its first job in about half the time (Scripts/bench-startup.sh), for a
# larger binary (about 90 MB instead of 19). Results are the same bytes either way.
# Prints the build command to standard error, and the build's output only when it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib)
echo "release-binary: swift build ${flags[*]} --product fluxsim" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift build "${flags[@]}" --product fluxsim >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
echo "$(swift build "${flags[@]}" --show-bin-path)/fluxsim"
