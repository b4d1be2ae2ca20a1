#!/usr/bin/env bash
# Counts instructions of a short forecast with callgrind (repeatable on a noisy machine)
# and prints the hottest functions. valgrind 3.19 cannot read Swift 6's debug info, so
# the release binary is profiled with its debug sections stripped (symbols stay).
set -euo pipefail
cd "$(dirname "$0")/.."
years=${YEARS:-0.1}
release=$(Scripts/release-binary.sh)
binary=$(mktemp)
cp "$release" "$binary"
chmod +x "$binary"
strip --strip-debug "$binary"
out=$(mktemp)
valgrind --tool=callgrind --callgrind-out-file="$out" "$binary" bench forecast --years "$years" 2>&1 | grep -E "refs|forecast:"
callgrind_annotate "$out" 2>/dev/null | sed -n '/file:function/,$p' | sed -n 2,${TOP:-25}p | cut -c1-160
rm -f "$binary" "$out"
