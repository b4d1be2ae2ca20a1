#!/usr/bin/env bash
# Process CPU time (user + system) of `fluxsim emission` printing the full default
# table, averaged over RUNS runs of the release binary, plus the in-process benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-50}
binary=$(Scripts/release-binary.sh)
python3 - "$binary" "$runs" <<'PY'
import resource, subprocess, sys
binary, runs = sys.argv[1], int(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_CHILDREN)
for _ in range(runs):
    subprocess.run([binary, "emission"], check=True, stdout=subprocess.DEVNULL)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"fluxsim emission: {1000 * cpu / runs:.1f} ms process CPU time per run (mean of {runs})")
PY
"$binary" bench emission-table
"$binary" bench supply-queries
