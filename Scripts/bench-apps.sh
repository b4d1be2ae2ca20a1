#!/usr/bin/env bash
# The cost of the app market: the standard 20-year forecast without and with apps
# (50 arrivals a day) and economics, alternately on one core, RUNS pairs per app size
# (0.5: the fleet half used; 1: the small tiers nearly full; 4: more demand than the
# fleet holds). Read the best ratio of each; the machine is noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
binary=$(Scripts/release-binary.sh)
for scale in ${SCALES:-1 0.5 4}; do
  echo "== app sizes × $scale"
  taskset -c 0 "$binary" bench forecast-apps --count "$runs" --app-scale "$scale"
done
