#!/usr/bin/env bash
# Runs a scenario as a Slurm job array and merges the shards:
#   Scripts/cluster/slurm-run.sh SCENARIO SHARDS OUT
# Task K of the array (slurm-array.sbatch) writes OUT/shard-K, the jobs whose index ≡ K
# (mod SHARDS); `fluxsim merge` then writes OUT/merged, byte-identical to a single
# `fluxsim run SCENARIO --out DIR`. Task logs go to OUT/logs/. Needs a running cluster
# (slurm-start.sh) whose nodes all see OUT and the binary: FLUXSIM, or the release build.
set -euo pipefail
[[ $# -eq 3 && $2 =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 SCENARIO SHARDS OUT (SHARDS ≥ 1)" >&2; exit 64; }
here=$(cd "$(dirname "$0")" && pwd)
scenario=$(realpath "$1")
shards=$2
out=$(realpath -m "$3")
fluxsim=$(realpath -m "${FLUXSIM:-$(cd "$here/../.." && swift build -c release --show-bin-path)/fluxsim}")
[[ -x $fluxsim ]] || { echo "slurm-run: no fluxsim at $fluxsim (swift build -c release, or set FLUXSIM)" >&2; exit 1; }
[[ "$scenario$out$fluxsim" != *,* ]] || { echo "slurm-run: paths with commas cannot go through sbatch --export" >&2; exit 1; }

# Nothing of an earlier run (perhaps with another SHARDS) may reach or look like this one.
rm -rf "$out"/shard-* "$out/logs" "$out/merged"
mkdir -p "$out/logs"
# --wait: returns when every task has ended, with the highest exit status among them.
sbatch --wait --array="0-$((shards - 1))" --output="$out/logs/shard-%a.out" \
  --export="ALL,SCENARIO=$scenario,SHARDS=$shards,OUT=$out,FLUXSIM=$fluxsim" \
  "$here/slurm-array.sbatch"
parts=()
for ((k = 0; k < shards; k++)); do parts+=("$out/shard-$k"); done
"$fluxsim" merge "${parts[@]}" --out "$out/merged"
