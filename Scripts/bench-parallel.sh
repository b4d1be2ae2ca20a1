#!/usr/bin/env bash
# Parallel speed-up of `fluxsim run`: REPLICATIONS replications (64 by default) of a
# scenario (the mainnet forecast by default) on 1 worker, then on 2; prints both wall
# times, the speed-up, and whether the two output folders are byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${SCENARIO:-Scenarios/mainnet-forecast.yaml}
replications=${REPLICATIONS:-64}
binary=$(Scripts/release-binary.sh)
out=$(mktemp -d)
declare -A seconds
for workers in 1 2; do
  start=$(date +%s.%N)
  "$binary" run "$scenario" --replications "$replications" --workers "$workers" --out "$out/w$workers" >/dev/null
  seconds[$workers]=$(echo "$(date +%s.%N) - $start" | bc)
  echo "workers $workers: ${seconds[$workers]} s wall for $replications replications"
done
echo "speed-up: $(echo "scale=2; ${seconds[1]} / ${seconds[2]}" | bc)"
if diff -r "$out/w1" "$out/w2" >/dev/null; then echo "outputs byte-identical"; else echo "outputs DIFFER"; exit 1; fi
rm -rf "$out"
