#!/usr/bin/env bash
# Runs a scenario as a Slurm job array and merges the shards:
#   Scripts/cluster/slurm-run.sh SCENARIO SHARDS OUT
# Task K of the array (slurm-array.sbatch) writes OUT/shard-K, the jobs whose index ≡ K
# (mod SHARDS); `fluxsim merge` then writes OUT/merged, byte-identical to a single
# `fluxsim run SCENARIO --out DIR`. Task logs go to OUT/logs/. Needs a running cluster
# (slurm-start.sh) whose nodes all see this folder, OUT and the binary (FLUXSIM, or the
# release build).
set -euo pipefail
[[ $# -eq 3 && $2 =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 SCENARIO SHARDS OUT (SHARDS ≥ 1)" >&2; exit 64; }
here=$(cd "$(dirname "$0")" && pwd)
# Paths stay as given (the tasks run in this folder): the manifest and report record the
# scenario path as written, as a single run from here does.
scenario=$1
shards=$2
out=$3
fluxsim=${FLUXSIM:-$(cd "$here/../.." && swift build -c release --show-bin-path)/fluxsim}
die() { echo "slurm-run: $*" >&2; exit 1; }
[[ -f $scenario ]] || die "no scenario file $scenario"
[[ -x $fluxsim ]] || die "no fluxsim at $fluxsim (swift build -c release, or set FLUXSIM)"
[[ "$scenario$out$fluxsim" != *,* ]] || die "paths with commas cannot go through sbatch --export"

# Nothing of an earlier run (perhaps with another SHARDS) may reach or look like this one.
rm -rf "$out"/shard-* "$out/logs" "$out/merged"
mkdir -p "$out/logs"
# --wait: returns once every task has ended, with the highest exit status among them (it
# polls the controller 2, 10 and 42 s after submitting, then every 32 s).
sbatch --wait --array="0-$((shards - 1))" --chdir="$PWD" --output="$out/logs/shard-%a.out" \
  --export="ALL,SCENARIO=$scenario,SHARDS=$shards,OUT=$out,FLUXSIM=$fluxsim" \
  "$here/slurm-array.sbatch"
parts=()
for ((k = 0; k < shards; k++)); do parts+=("$out/shard-$k"); done
"$fluxsim" merge "${parts[@]}" --out "$out/merged"
