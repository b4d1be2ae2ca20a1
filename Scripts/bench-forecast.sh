#!/usr/bin/env bash
# The engine's standard workload: the 20-year mainnet forecast from the measured tip
# (6,489 nodes, uptime and churn on), one core, RUNS times; then peak memory with
# 100,000 nodes. This machine is noisy: read the best run, or count instructions with
# Scripts/profile-forecast.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
binary=$(Scripts/release-binary.sh)
for _ in $(seq "$runs"); do
  taskset -c 0 "$binary" bench forecast
done
"$binary" bench forecast-memory
