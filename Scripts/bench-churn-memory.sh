#!/usr/bin/env bash
# Peak memory of the heavy-churn model (`fluxsim bench churn-memory`: 10,000 nodes, each
# leaving with probability 1e-5 a block and as many joining) at 1, 5 and 20 simulated
# years, one process each (peak RSS is per process). Memory should follow the live
# fleet: the three figures should be about equal. YEARS="1 5 20" by default.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(Scripts/release-binary.sh)
for years in ${YEARS:-1 5 20}; do
  taskset -c 0 "$binary" bench churn-memory --years "$years"
done
