#!/usr/bin/env bash
# The cost of scheduled changes: the standard 20-year forecast under mainnet rules and
# under the three changes of Scripts/bench-schedule.yaml (same blocks, same draws),
# alternately on one core, RUNS pairs, each pair's CPU ratio. The machine is noisy: read
# the median, or count instructions (CALLGRIND=1, YEARS=1 by default: a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
binary=$(Scripts/release-binary.sh)
if [[ -n "${CALLGRIND:-}" ]]; then
  # valgrind cannot read Swift 6's debug info: profile a copy without it (as profile-forecast.sh).
  stripped=$(mktemp)
  cp "$binary" "$stripped"
  strip --strip-debug "$stripped"
  for rules in "" Scripts/bench-schedule.yaml; do
    out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file="$out" "$stripped" bench forecast --years "${YEARS:-1}" \
      ${rules:+--rules "$rules"} 2>&1 | grep -E "refs" | sed "s|^|${rules:-mainnet}: |"
    rm -f "$out"
  done
  rm -f "$stripped"
  exit 0
fi
for _ in $(seq "$runs"); do
  plain=$(taskset -c 0 "$binary" bench forecast | awk '/ s CPU/ {print $5}')
  scheduled=$(taskset -c 0 "$binary" bench forecast --rules Scripts/bench-schedule.yaml | awk '/ s CPU/ {print $5}')
  awk -v a="$plain" -v b="$scheduled" \
    'BEGIN { printf "forecast %.2f s CPU, with the schedule %.2f s: ratio %.3f\n", a, b, b / a }'
done
